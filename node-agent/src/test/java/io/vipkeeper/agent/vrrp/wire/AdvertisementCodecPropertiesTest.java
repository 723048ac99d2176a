package io.vipkeeper.agent.vrrp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the codec: total on any input, and encode/decode inverse on every valid advertisement. */
class AdvertisementCodecPropertiesTest {

    @Property(tries = 3000)
    void decodeOfAnyBytesReturnsAValueOrATypedError(@ForAll @Size(max = 120) byte[] bytes,
            @ForAll AddressFamily family, @ForAll @IntRange(min = -3, max = 130) int offset,
            @ForAll @IntRange(min = -3, max = 130) int length) {
        DecodeResult r = AdvertisementCodec.decode(bytes, offset, length, family);

        assertThat(r).isNotNull();
        if (r instanceof DecodeResult.Malformed m) {
            assertThat(m.reason()).isNotNull();
        }
    }

    @Property(tries = 3000)
    void validateOfAnyBytesAndAnyHeaderReturnsAResult(@ForAll("anyBytes") byte[] bytes,
            @ForAll("anyFacts") IpHeaderFacts facts, @ForAll @IntRange(min = -2, max = 80) int offset,
            @ForAll @IntRange(min = -2, max = 130) int length, @ForAll("anyProfile") ReceiveProfile profile) {
        ValidationResult r = ReceiveValidator.validate(facts, bytes, offset, length,
                ReceiveProfileLookup.of(List.of(profile)));

        assertThat(r).isNotNull();
    }

    @Property(tries = 2000)
    void validateOfMutatedValidPacketsNeverThrows(@ForAll("validAdvert") Advertisement advert,
            @ForAll @IntRange(min = 0, max = 40) int position, @ForAll byte value,
            @ForAll @IntRange(min = 0, max = 255) int ttl) {
        IpHeaderFacts facts = facts(advert.family(), ttl);
        byte[] p = AdvertisementCodec.encode(advert, facts.source(), facts.destination(),
                ChecksumMode.WITH_PSEUDO_HEADER);
        if (position < p.length) {
            p[position] = value;
        }
        ReceiveProfile profile = profileFor(advert);

        ValidationResult r = ReceiveValidator.validate(facts, p, 0, p.length, ReceiveProfileLookup.of(List.of(profile)));

        assertThat(r).isNotNull();
    }

    @Property(tries = 2000)
    void splitOfAnyBytesReturnsAValueOrATypedError(@ForAll @Size(max = 80) byte[] bytes,
            @ForAll @IntRange(min = -2, max = 90) int offset, @ForAll @IntRange(min = -2, max = 90) int length) {
        RawIpv4Packet.SplitResult r = RawIpv4Packet.split(bytes, offset, length);

        if (r instanceof RawIpv4Packet.Malformed m) {
            assertThat(m.reason()).isEqualTo(DropReason.MALFORMED_IP_HEADER);
        } else {
            RawIpv4Packet.Split s = (RawIpv4Packet.Split) r;
            assertThat(s.payloadOffset() + s.payloadLength()).isLessThanOrEqualTo(offset + length);
        }
    }

    @Property(tries = 1000)
    void encodeThenDecodeIsTheIdentity(@ForAll("validAdvert") Advertisement advert, @ForAll ChecksumMode mode) {
        IpHeaderFacts facts = facts(advert.family(), 255);
        byte[] bytes = AdvertisementCodec.encode(advert, facts.source(), facts.destination(), mode);

        assertThat(bytes).hasSize(advert.encodedLength());
        assertThat(AdvertisementCodec.decode(bytes, advert.family())).isEqualTo(new DecodeResult.Decoded(advert));
        assertThat(AdvertisementCodec.checksumMatches(bytes, 0, bytes.length, advert.version(), facts, mode)).isTrue();
    }

    @Property(tries = 1000)
    void encodedAdvertsThatFollowTheRulesAreAcceptedByAMatchingInstance(@ForAll("validAdvert") Advertisement advert,
            @ForAll ChecksumMode mode) {
        boolean followsRules = advert.virtualRouterId() >= 1 && advert.interval() >= 1 && advert.addressCount() >= 1
                && (advert.family() == AddressFamily.IPV4 || advert.addresses().getFirst().isLinkLocalAddress())
                && advert.authType() <= 1 && Set.copyOf(advert.addresses()).size() == advert.addressCount();
        net.jqwik.api.Assume.that(followsRules);
        IpHeaderFacts facts = facts(advert.family(), 255);
        byte[] bytes = AdvertisementCodec.encode(advert, facts.source(), facts.destination(), mode);
        ReceiveProfile profile = profileFor(advert).withChecksumMode(mode);

        ValidationResult r = ReceiveValidator.validate(facts, bytes, 0, bytes.length,
                ReceiveProfileLookup.of(List.of(profile)));

        assertThat(r).isInstanceOfSatisfying(ValidationResult.Accepted.class,
                a -> assertThat(a.advertisement()).isEqualTo(advert));
    }

    static IpHeaderFacts facts(AddressFamily family, int ttl) {
        return family == AddressFamily.IPV4
                ? IpHeaderFacts.ipv4(KeepalivedFixture.addr("10.199.0.7"), KeepalivedFixture.addr("224.0.0.18"), ttl)
                : IpHeaderFacts.ipv6(KeepalivedFixture.addr("fe80::7"), KeepalivedFixture.addr("ff02::12"), ttl);
    }

    static ReceiveProfile profileFor(Advertisement a) {
        int vrid = Math.max(1, a.virtualRouterId());
        int cs = a.version() == VrrpVersion.V2 ? Math.max(1, a.interval()) * 100 : Math.max(1, a.interval());
        return new ReceiveProfile(a.version(), a.family(), vrid, Set.copyOf(a.addresses()), 100, cs,
                ChecksumMode.WITH_PSEUDO_HEADER, a.authType(), a.authData(), Set.of());
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        // random bytes, and random bytes behind a plausible first word (version 2/3, type 1) to get deeper
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
        Arbitrary<byte[]> plausible = Combinators.combine(random, Arbitraries.of(0x21, 0x31), Arbitraries.of(0, 1, 2,
                7, 255)).as((b, first, count) -> {
                    if (b.length >= 4) {
                        b[0] = (byte) (int) first;
                        b[1] = 7;
                        b[3] = (byte) (int) count;
                    }
                    return b;
                });
        return Arbitraries.oneOf(random, plausible);
    }

    @Provide
    Arbitrary<IpHeaderFacts> anyFacts() {
        Arbitrary<Integer> ttl = Arbitraries.integers().between(0, 255);
        Arbitrary<IpHeaderFacts> v4 = Combinators.combine(address(4), address(4), ttl).as(IpHeaderFacts::ipv4);
        Arbitrary<IpHeaderFacts> v6 = Combinators.combine(address(16), address(16), ttl).as(IpHeaderFacts::ipv6);
        return Arbitraries.oneOf(v4, v6);
    }

    @Provide
    Arbitrary<ReceiveProfile> anyProfile() {
        return Combinators.combine(Arbitraries.of(VrrpVersion.values()), Arbitraries.of(AddressFamily.values()),
                Arbitraries.of(ChecksumMode.values()), Arbitraries.of(1, 7, 255), Arbitraries.<Set<InetAddress>>of(Set.of(),
                        Set.of(KeepalivedFixture.addr("10.199.0.7")))).as((version, family, mode, prio, peers) -> {
                            AddressFamily f = version == VrrpVersion.V2 ? AddressFamily.IPV4 : family;
                            return new ReceiveProfile(version, f, 7, Set.of(), prio, 100, mode, 0, 0, peers);
                        });
    }

    @Provide
    Arbitrary<Advertisement> validAdvert() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<Advertisement> v3v4 = Combinators.combine(octet, octet, Arbitraries.integers().between(0, 4095),
                addresses(4)).as((vrid, prio, interval, addrs) -> Advertisement.v3(AddressFamily.IPV4, vrid, prio,
                        interval, addrs));
        Arbitrary<Advertisement> v3v6 = Combinators.combine(octet, octet, Arbitraries.integers().between(0, 4095),
                addresses(16)).as((vrid, prio, interval, addrs) -> Advertisement.v3(AddressFamily.IPV6, vrid, prio,
                        interval, addrs));
        Arbitrary<Advertisement> v2 = Combinators.combine(octet, octet, octet, addresses(4),
                Arbitraries.integers().between(0, 2), Arbitraries.longs()).as(Advertisement::v2);
        return Arbitraries.oneOf(v3v4, v3v6, v2);
    }

    static Arbitrary<List<InetAddress>> addresses(int length) {
        Arbitrary<InetAddress> one = length == 16
                ? Arbitraries.oneOf(address(16), address(16).map(AdvertisementCodecPropertiesTest::linkLocal))
                : address(4);
        // mostly short lists; sometimes close to the 255 maximum of the Count field
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(19, one.list().ofMaxSize(8)),
                net.jqwik.api.Tuple.of(1, one.list().ofMinSize(200).ofMaxSize(255)));
    }

    static Arbitrary<InetAddress> address(int length) {
        return Arbitraries.bytes().array(byte[].class).ofSize(length).map(b -> {
            try {
                return InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static InetAddress linkLocal(InetAddress a) {
        byte[] b = a.getAddress();
        b[0] = (byte) 0xfe;
        b[1] = (byte) (0x80 | (b[1] & 0x3f));
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
