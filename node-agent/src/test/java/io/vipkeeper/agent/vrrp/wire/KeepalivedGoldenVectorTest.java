package io.vipkeeper.agent.vrrp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adverts captured from Debian's keepalived 2.2.7 decode to what keepalived was configured with, re-encode byte
 * for byte (checksum over the right pseudo-header included) and pass the receive checks of a peer instance.
 */
class KeepalivedGoldenVectorTest {

    static Stream<KeepalivedFixture> fixtures() {
        return KeepalivedFixture.all();
    }

    @Test
    void theFixturesCoverEveryVersionFamilyAndMode() {
        List<KeepalivedFixture> all = fixtures().toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        assertThat(all).anyMatch(f -> f.version() == VrrpVersion.V2 && !f.unicast());
        assertThat(all).anyMatch(f -> f.version() == VrrpVersion.V2 && f.unicast());
        assertThat(all).anyMatch(f -> f.version() == VrrpVersion.V2 && f.authType() == 1);
        assertThat(all).anyMatch(f -> f.version() == VrrpVersion.V3 && f.facts().family() == AddressFamily.IPV4
                && f.unicast());
        assertThat(all).anyMatch(f -> f.version() == VrrpVersion.V3 && f.facts().family() == AddressFamily.IPV6
                && f.unicast());
        assertThat(all).anyMatch(f -> f.version() == VrrpVersion.V3 && f.facts().family() == AddressFamily.IPV6
                && !f.unicast());
        assertThat(all).extracting(f -> f.addresses().size()).contains(1, 2, 3, 4);
        assertThat(all).extracting(KeepalivedFixture::priority).contains(0, 1, 90, 254);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodesToTheConfiguredValues(KeepalivedFixture f) {
        DecodeResult result = AdvertisementCodec.decode(f.payload(), f.facts().family());

        assertThat(result).isEqualTo(new DecodeResult.Decoded(f.expectedAdvertisement()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void reEncodesByteForByte(KeepalivedFixture f) {
        Advertisement advert = ((DecodeResult.Decoded) AdvertisementCodec.decode(f.payload(), f.facts().family()))
                .advertisement();

        byte[] encoded = AdvertisementCodec.encode(advert, f.facts().source(), f.facts().destination(),
                f.checksumMode());

        assertThat(encoded).isEqualTo(f.payload());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void encodingTheConfiguredValuesGivesKeepalivedsBytes(KeepalivedFixture f) {
        byte[] encoded = AdvertisementCodec.encode(f.expectedAdvertisement(), f.facts().source(),
                f.facts().destination(), f.checksumMode());

        assertThat(encoded).isEqualTo(f.payload());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aPeerInstanceAcceptsIt(KeepalivedFixture f) {
        ReceiveProfile peer = f.peerProfile();

        ValidationResult result = ReceiveValidator.validate(f.facts(), f.payload(), 0, f.payload().length,
                ReceiveProfileLookup.of(List.of(peer)));

        // keepalived 2.2.7 sends IPv6 unicast adverts with hop limit 64: accepted for unicast instances, noted
        java.util.Set<AcceptNote> notes = f.facts().ttl() == 255
                ? java.util.Set.of()
                : java.util.Set.of(AcceptNote.UNICAST_TTL_BELOW_255);
        assertThat(result).isEqualTo(new ValidationResult.Accepted(f.expectedAdvertisement(), peer, notes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void v3Ipv4AdvertsFromKeepalivedCarryThePseudoHeaderChecksum(KeepalivedFixture f) {
        boolean v3Ipv4 = f.version() == VrrpVersion.V3 && f.facts().family() == AddressFamily.IPV4;
        ReceiveProfile otherMode = f.peerProfile().withChecksumMode(ChecksumMode.WITHOUT_PSEUDO_HEADER);

        ValidationResult result = ReceiveValidator.validate(f.facts(), f.payload(), 0, f.payload().length,
                ReceiveProfileLookup.of(List.of(otherMode)));

        // only v3 over IPv4 honours the mode (RFC 9568 §5.2.8); keepalived 2.2.7 always adds the pseudo-header
        if (v3Ipv4) {
            assertThat(result).isInstanceOfSatisfying(ValidationResult.Dropped.class, d -> {
                assertThat(d.reason()).isEqualTo(DropReason.BAD_CHECKSUM);
                assertThat(d.detail()).contains("verifies WITH_PSEUDO_HEADER");
            });
        } else {
            assertThat(result).isInstanceOf(ValidationResult.Accepted.class);
        }
    }

    /** IPv4 fixtures carry the whole IP packet; IPv6 raw sockets deliver no header, so those have none. */
    static Stream<KeepalivedFixture> ipv4Fixtures() {
        return fixtures().filter(f -> f.ipPacket() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ipv4Fixtures")
    void theRawIpv4PacketSplitsIntoTheSameFactsAndPayload(KeepalivedFixture f) {
        RawIpv4Packet.SplitResult split = RawIpv4Packet.split(f.ipPacket(), 0, f.ipPacket().length);

        assertThat(split).isEqualTo(new RawIpv4Packet.Split(f.facts(), 20, f.payload().length));
        assertThat(ReceiveValidator.validateRawIpv4(f.ipPacket(), 0, f.ipPacket().length,
                ReceiveProfileLookup.of(List.of(f.peerProfile())))).isInstanceOf(ValidationResult.Accepted.class);
    }
}
