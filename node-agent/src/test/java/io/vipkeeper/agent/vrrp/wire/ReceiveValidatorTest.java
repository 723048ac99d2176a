package io.vipkeeper.agent.vrrp.wire;

import static io.vipkeeper.agent.vrrp.wire.KeepalivedFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One positive and one negative case per receive rule (VRRP-RULES.md §1 "Test-case checklist (RX)"), each row
 * naming the rule and the expected outcome.
 */
class ReceiveValidatorTest {
    static final InetAddress SRC4 = addr("10.199.0.2");
    static final InetAddress MCAST4 = addr("224.0.0.18");
    static final InetAddress SRC6 = addr("fe80::2");
    static final InetAddress MCAST6 = addr("ff02::12");
    static final List<InetAddress> VIPS4 = List.of(addr("10.199.0.50"), addr("10.199.0.51"));
    static final List<InetAddress> VIPS6 = List.of(addr("fe80::9:1"), addr("fd00:199::9"));
    static final List<InetAddress> VIP2 = List.of(addr("10.199.0.60"));

    static final Advertisement V3 = Advertisement.v3(AddressFamily.IPV4, 7, 100, 100, VIPS4);
    static final Advertisement V2 = Advertisement.v2(8, 100, 1, VIP2, 0, 0);
    static final Advertisement V6 = Advertisement.v3(AddressFamily.IPV6, 9, 100, 100, VIPS6);

    static final ReceiveProfile P3 = ReceiveProfile.v3(AddressFamily.IPV4, 7, Set.copyOf(VIPS4), 90, 100);
    static final ReceiveProfile P2 = ReceiveProfile.v2(8, Set.copyOf(VIP2), 90, 1);
    static final ReceiveProfile P6 = ReceiveProfile.v3(AddressFamily.IPV6, 9, Set.copyOf(VIPS6), 90, 100);

    /** A row: IP facts, payload, profiles on the receiving interface, expected drop reason or accept notes. */
    record Case(IpHeaderFacts facts, byte[] payload, List<ReceiveProfile> profiles, DropReason drop,
            Set<AcceptNote> notes) {}

    static IpHeaderFacts v4(int ttl) {
        return IpHeaderFacts.ipv4(SRC4, MCAST4, ttl);
    }

    static IpHeaderFacts v6(int hopLimit) {
        return IpHeaderFacts.ipv6(SRC6, MCAST6, hopLimit);
    }

    static byte[] enc(Advertisement a, IpHeaderFacts f, ChecksumMode mode) {
        return AdvertisementCodec.encode(a, f.source(), f.destination(), mode);
    }

    static byte[] enc(Advertisement a, IpHeaderFacts f) {
        return enc(a, f, ChecksumMode.WITH_PSEUDO_HEADER);
    }

    /** Changes bytes after encoding and puts a correct checksum back, so only the changed field is wrong. */
    static byte[] mutate(byte[] payload, IpHeaderFacts f, VrrpVersion checksumVersion, ChecksumMode mode,
            UnaryOperator<byte[]> change) {
        byte[] p = change.apply(payload.clone());
        int c = AdvertisementCodec.checksum(p, 0, p.length, checksumVersion, f.family(), f.source(), f.destination(),
                mode);
        p[6] = (byte) (c >>> 8);
        p[7] = (byte) c;
        return p;
    }

    static byte[] mutate3(byte[] payload, IpHeaderFacts f, UnaryOperator<byte[]> change) {
        return mutate(payload, f, VrrpVersion.V3, ChecksumMode.WITH_PSEUDO_HEADER, change);
    }

    static byte[] mutate2(byte[] payload, UnaryOperator<byte[]> change) {
        return mutate(payload, v4(255), VrrpVersion.V2, ChecksumMode.WITHOUT_PSEUDO_HEADER, change);
    }

    static Arguments drop(String rule, IpHeaderFacts f, byte[] p, ReceiveProfile profile, DropReason reason) {
        return Arguments.of(rule, new Case(f, p, List.of(profile), reason, null));
    }

    static Arguments accept(String rule, IpHeaderFacts f, byte[] p, ReceiveProfile profile, AcceptNote... notes) {
        Set<AcceptNote> set = notes.length == 0 ? Set.of() : EnumSet.copyOf(List.of(notes));
        return Arguments.of(rule, new Case(f, p, List.of(profile), null, set));
    }

    static Stream<Arguments> rules() {
        IpHeaderFacts ok4 = v4(255);
        IpHeaderFacts ok6 = v6(255);
        byte[] v3 = enc(V3, ok4);
        byte[] v2 = enc(V2, ok4);
        byte[] v6 = enc(V6, ok6);
        IpHeaderFacts unicast6 = IpHeaderFacts.ipv6(addr("fd00:199::2"), addr("fd00:199::1"), 64);
        ReceiveProfile unicastP6 = P6.withUnicastPeers(Set.of(addr("fd00:199::2")));
        IpHeaderFacts unicast4 = IpHeaderFacts.ipv4(SRC4, addr("10.199.0.1"), 255);
        Advertisement count0 = Advertisement.v3(AddressFamily.IPV4, 7, 100, 100, List.of());
        Advertisement v3three = Advertisement.v3(AddressFamily.IPV4, 7, 100, 100,
                List.of(addr("10.199.0.50"), addr("10.199.0.51"), addr("10.199.0.52")));
        Advertisement v6global = Advertisement.v3(AddressFamily.IPV6, 9, 100, 100,
                List.of(addr("fd00:199::9"), addr("fe80::9:1")));
        Advertisement v3other = Advertisement.v3(AddressFamily.IPV4, 7, 100, 100, List.of(addr("10.199.0.99")));
        Advertisement v2other = Advertisement.v2(8, 100, 1, List.of(addr("10.199.0.99")), 0, 0);
        Advertisement v2otherOwner = Advertisement.v2(8, 255, 1, List.of(addr("10.199.0.99")), 0, 0);
        long secret = HexLong.of("7365637265743100"); // "secret1" as keepalived pads it
        ReceiveProfile p2pass = P2.withAuth(1, secret);
        return Stream.of(
                // TTL / hop limit (RFC 9568 §7.1, RFC 3768 §7.1)
                accept("TTL 255", ok4, v3, P3),
                drop("TTL 254", v4(254), enc(V3, v4(254)), P3, DropReason.BAD_TTL),
                drop("TTL 1", v4(1), enc(V3, v4(1)), P3, DropReason.BAD_TTL),
                accept("hop limit 255", ok6, v6, P6),
                drop("hop limit 254", v6(254), enc(V6, v6(254)), P6, DropReason.BAD_TTL),
                accept("unicast instance, unicast hop limit 64 (keepalived 2.2.7)", unicast6, enc(V6, unicast6),
                        unicastP6, AcceptNote.UNICAST_TTL_BELOW_255),
                drop("multicast instance, unicast hop limit 64", unicast6, enc(V6, unicast6), P6,
                        DropReason.BAD_TTL),
                drop("unicast instance, multicast destination with hop limit 64", v6(64), enc(V6, v6(64)),
                        P6.withUnicastPeers(Set.of(SRC6)), DropReason.BAD_TTL),
                // version (RFC 9568 §7.1, RFC 3768 §7.1)
                accept("version 3 in a v3 instance", ok4, v3, P3),
                drop("version 2 in a v3 instance", ok4, enc(Advertisement.v2(7, 100, 1, VIPS4, 0, 0), ok4), P3,
                        DropReason.VERSION_MISMATCH),
                accept("version 2 in a v2 instance", ok4, v2, P2),
                drop("version 3 in a v2 instance", ok4,
                        enc(Advertisement.v3(AddressFamily.IPV4, 8, 100, 100, VIP2), ok4), P2,
                        DropReason.VERSION_MISMATCH),
                drop("version 1", ok4, mutate3(v3, ok4, p -> set(p, 0, 0x11)), P3, DropReason.UNSUPPORTED_VERSION),
                drop("version 15", ok4, mutate3(v3, ok4, p -> set(p, 0, 0xf1)), P3, DropReason.UNSUPPORTED_VERSION),
                // type (RFC 9568 §5.2.2)
                drop("type 0", ok4, mutate3(v3, ok4, p -> set(p, 0, 0x30)), P3, DropReason.BAD_TYPE),
                drop("type 2", ok4, mutate3(v3, ok4, p -> set(p, 0, 0x32)), P3, DropReason.BAD_TYPE),
                drop("type 15", ok4, mutate3(v3, ok4, p -> set(p, 0, 0x3f)), P3, DropReason.BAD_TYPE),
                // completeness (RFC 9568 §7.1, RFC 3768 §7.1)
                accept("count 2 with 2 addresses", ok4, v3, P3),
                drop("count 3 with 2 addresses", ok4, Arrays.copyOf(enc(v3three, ok4), 16), P3,
                        DropReason.TRUNCATED),
                drop("v2 without its authentication data", ok4, Arrays.copyOf(v2, 12), P2, DropReason.TRUNCATED),
                drop("7 bytes", ok4, Arrays.copyOf(v3, 7), P3, DropReason.TOO_SHORT),
                drop("count 0 (erratum 8299)", ok4, enc(count0, ok4), P3, DropReason.ZERO_ADDRESS_COUNT),
                // checksum (RFC 9568 §5.2.8, §7.1)
                drop("corrupted checksum", ok4, set(v3.clone(), 7, v3[7] ^ 0x01), P3, DropReason.BAD_CHECKSUM),
                drop("corrupted address, old checksum", ok4, set(v3.clone(), 11, v3[11] ^ 0x40), P3,
                        DropReason.BAD_CHECKSUM),
                accept("v3 IPv4 without pseudo-header, instance in that mode", ok4,
                        enc(V3, ok4, ChecksumMode.WITHOUT_PSEUDO_HEADER), P3.withChecksumMode(
                                ChecksumMode.WITHOUT_PSEUDO_HEADER)),
                drop("v3 IPv4 without pseudo-header, instance with", ok4,
                        enc(V3, ok4, ChecksumMode.WITHOUT_PSEUDO_HEADER), P3, DropReason.BAD_CHECKSUM),
                drop("v3 IPv4 with pseudo-header, instance without", ok4, v3,
                        P3.withChecksumMode(ChecksumMode.WITHOUT_PSEUDO_HEADER), DropReason.BAD_CHECKSUM),
                accept("IPv6 always has the pseudo-header, whatever the mode", ok6, v6,
                        P6.withChecksumMode(ChecksumMode.WITHOUT_PSEUDO_HEADER)),
                accept("v2 never has it, whatever the mode", ok4, v2,
                        P2.withChecksumMode(ChecksumMode.WITH_PSEUDO_HEADER)),
                // VRID and family (RFC 9568 §7.1, §5.2.9)
                drop("VRID 7 configured on another interface only (this one has VRID 8)", ok4, v3, P2,
                        DropReason.UNKNOWN_VRID),
                drop("unknown VRID", ok4, v3, ReceiveProfile.v3(AddressFamily.IPV4, 70, Set.copyOf(VIPS4), 90, 100),
                        DropReason.UNKNOWN_VRID),
                drop("VRID of an IPv6 instance on an IPv4 packet", ok4,
                        enc(Advertisement.v3(AddressFamily.IPV4, 9, 100, 100, VIPS4), ok4), P6,
                        DropReason.ADDRESS_FAMILY_MISMATCH),
                drop("IPv4 addresses inside an IPv6 packet", ok6,
                        mutate3(enc(Advertisement.v3(AddressFamily.IPV4, 9, 100, 100, VIPS4), ok4), ok6, p -> p),
                        P6, DropReason.ADDRESS_FAMILY_MISMATCH),
                // unicast peers (design §5)
                accept("unicast from a peer", unicast4, enc(V3, unicast4), P3.withUnicastPeers(Set.of(SRC4))),
                drop("unicast from a stranger", unicast4, enc(V3, unicast4),
                        P3.withUnicastPeers(Set.of(addr("10.199.0.3"))), DropReason.UNKNOWN_PEER),
                // interval (erratum 8301; RFC 9568 §6.4.2 adopt; RFC 3768 §7.1 drop)
                drop("v3 interval 0", ok4, enc(Advertisement.v3(AddressFamily.IPV4, 7, 100, 0, VIPS4), ok4), P3,
                        DropReason.INVALID_INTERVAL),
                accept("v3 interval 4095 differs from 100: adopt and note", ok4,
                        enc(Advertisement.v3(AddressFamily.IPV4, 7, 100, 4095, VIPS4), ok4), P3,
                        AcceptNote.INTERVAL_MISMATCH),
                accept("v3 interval 1 equals the local 1", ok4,
                        enc(Advertisement.v3(AddressFamily.IPV4, 7, 100, 1, VIPS4), ok4),
                        ReceiveProfile.v3(AddressFamily.IPV4, 7, Set.copyOf(VIPS4), 90, 1)),
                drop("v2 interval 2 s, local 1 s", ok4, enc(Advertisement.v2(8, 100, 2, VIP2, 0, 0), ok4), P2,
                        DropReason.INTERVAL_MISMATCH),
                // IPv6 first address link-local (erratum 8300)
                accept("IPv6 first address link-local", ok6, v6, P6),
                accept("IPv6 first address global: noted, accepted (keepalived interop)", ok6, enc(v6global, ok6), P6,
                        AcceptNote.FIRST_IPV6_ADDRESS_NOT_LINK_LOCAL),
                // owner receiving (RFC 3768 §7.1 drop; RFC 9568 erratum 8298 log only)
                accept("v3 owner receives: log only", ok4, v3, P3.withLocalPriority(255), AcceptNote.LOCAL_IS_OWNER),
                drop("v2 owner receives", ok4, v2, P2.withLocalPriority(255), DropReason.LOCAL_IS_OWNER),
                // authentication (RFC 3768 §7.1)
                drop("v2 auth type 1, local 0", ok4, enc(Advertisement.v2(8, 100, 1, VIP2, 1, secret), ok4), P2,
                        DropReason.AUTH_TYPE_MISMATCH),
                drop("v2 auth type 2, local 0", ok4, enc(Advertisement.v2(8, 100, 1, VIP2, 2, 0), ok4), P2,
                        DropReason.AUTH_TYPE_MISMATCH),
                accept("v2 auth PASS, same password", ok4, enc(Advertisement.v2(8, 100, 1, VIP2, 1, secret), ok4),
                        p2pass),
                drop("v2 auth PASS, other password", ok4, enc(Advertisement.v2(8, 100, 1, VIP2, 1, secret + 1), ok4),
                        p2pass, DropReason.AUTH_FAILED),
                // address list (RFC 9568 §7.1 log; RFC 3768 §7.1 drop unless from the owner)
                accept("v3 address mismatch: log and accept", ok4, enc(v3other, ok4), P3,
                        AcceptNote.ADDRESS_LIST_MISMATCH),
                drop("v2 address mismatch from a non-owner", ok4, enc(v2other, ok4), P2,
                        DropReason.ADDRESS_LIST_MISMATCH),
                accept("v2 address mismatch from the owner (255)", ok4, enc(v2otherOwner, ok4), P2,
                        AcceptNote.ADDRESS_LIST_MISMATCH),
                // reserved bits and trailing bytes
                accept("v3 reserved bits set: ignored (RFC 9568 §5.2.6)", ok4,
                        mutate3(v3, ok4, p -> set(p, 4, p[4] | 0xf0)), P3),
                accept("extra trailing bytes: complete is enough", ok4,
                        mutate3(Arrays.copyOf(v3, v3.length + 6), ok4, p -> p), P3),
                accept("v2 extra trailing bytes", ok4,
                        mutate2(Arrays.copyOf(v2, v2.length + 3), p -> p), P2),
                // order: the first failing check decides
                drop("TTL 1 and a bad checksum: TTL first", v4(1), set(v3.clone(), 7, 0), P3, DropReason.BAD_TTL),
                drop("bad checksum and unknown VRID: checksum first", ok4, set(v3.clone(), 7, 0),
                        ReceiveProfile.v3(AddressFamily.IPV4, 70, Set.copyOf(VIPS4), 90, 100),
                        DropReason.BAD_CHECKSUM),
                drop("bad type and truncated: type first", ok4,
                        Arrays.copyOf(mutate3(v3, ok4, p -> set(p, 0, 0x32)), 12), P3, DropReason.BAD_TYPE));
    }

    static byte[] set(byte[] p, int index, int value) {
        p[index] = (byte) value;
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRule(String rule, Case c) {
        ValidationResult result = ReceiveValidator.validate(c.facts(), c.payload(), 0, c.payload().length,
                ReceiveProfileLookup.of(c.profiles()));

        if (c.drop() != null) {
            assertThat(result).as(rule).isInstanceOfSatisfying(ValidationResult.Dropped.class,
                    d -> assertThat(d.reason()).isEqualTo(c.drop()));
        } else {
            assertThat(result).as(rule).isInstanceOfSatisfying(ValidationResult.Accepted.class, a -> {
                assertThat(a.notes()).isEqualTo(c.notes());
                assertThat(a.advertisement().virtualRouterId()).isEqualTo(c.profiles().getFirst().virtualRouterId());
            });
        }
    }

    @Test
    void everyDropReasonButTheIpHeaderOneHasARow() {
        Set<DropReason> covered = EnumSet.noneOf(DropReason.class);
        rules().map(a -> (Case) a.get()[1]).filter(c -> c.drop() != null).forEach(c -> covered.add(c.drop()));

        assertThat(covered).containsAll(EnumSet.complementOf(EnumSet.of(DropReason.MALFORMED_IP_HEADER)));
    }

    @Test
    void theAcceptedAdvertIsTheDecodedOne() {
        ValidationResult r = ReceiveValidator.validate(v4(255), enc(V3, v4(255)), 0, 16,
                ReceiveProfileLookup.of(List.of(P3)));

        assertThat(r).isEqualTo(new ValidationResult.Accepted(V3, P3, Set.of()));
    }

    @Test
    void validatesAPayloadInsideALargerBuffer() {
        byte[] payload = enc(V6, v6(255));
        byte[] buffer = new byte[100];
        System.arraycopy(payload, 0, buffer, 37, payload.length);

        ValidationResult r = ReceiveValidator.validate(v6(255), buffer, 37, payload.length,
                ReceiveProfileLookup.of(List.of(P6)));

        assertThat(r).isEqualTo(new ValidationResult.Accepted(V6, P6, Set.of()));
    }

    @Test
    void aMismatchedChecksumModeIsNamedInTheDetail() {
        byte[] p = enc(V3, v4(255), ChecksumMode.WITHOUT_PSEUDO_HEADER);

        ValidationResult r = ReceiveValidator.validate(v4(255), p, 0, p.length, ReceiveProfileLookup.of(List.of(P3)));

        assertThat(r).isInstanceOfSatisfying(ValidationResult.Dropped.class,
                d -> assertThat(d.detail()).contains("verifies WITHOUT_PSEUDO_HEADER"));
    }

    @Test
    void countersCountEachOutcome() {
        ReceiveCounters counters = new ReceiveCounters();
        List<Case> cases = rules().map(a -> (Case) a.get()[1]).toList();
        for (Case c : cases) {
            counters.record(ReceiveValidator.validate(c.facts(), c.payload(), 0, c.payload().length,
                    ReceiveProfileLookup.of(c.profiles())));
        }

        long expectedDrops = cases.stream().filter(c -> c.drop() != null).count();
        assertThat(counters.droppedTotal()).isEqualTo(expectedDrops);
        assertThat(counters.accepted()).isEqualTo(cases.size() - expectedDrops);
        assertThat(counters.dropped(DropReason.BAD_TTL))
                .isEqualTo(cases.stream().filter(c -> c.drop() == DropReason.BAD_TTL).count());
        assertThat(counters.noted(AcceptNote.ADDRESS_LIST_MISMATCH)).isEqualTo(2);
        assertThat(counters.dropSnapshot()).hasSize(DropReason.values().length);
        assertThat(counters.noteSnapshot().get(AcceptNote.LOCAL_IS_OWNER)).isEqualTo(1);
    }

    /** Parses 16 hex digits. */
    static final class HexLong {
        static long of(String hex) {
            return java.util.HexFormat.fromHexDigitsToLong(hex);
        }
    }
}
