package io.vipkeeper.agent.vrrp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vipkeeper.agent.testing.Prerequisites;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Gratuitous ARP and unsolicited NA frames: compared with keepalived's captured frames and decoded by tshark. */
class AnnouncementFramesTest {
    static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:07");

    record Frame(String name, String kind, String vip, MacAddress mac, String source, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Frame> keepalivedFrames() throws IOException {
        try (Stream<Path> files = Files.list(KeepalivedFixture.DIRECTORY)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().startsWith("frame-")).sorted().toList();
            ObjectMapper mapper = new ObjectMapper();
            return list.stream().map(p -> {
                try {
                    JsonNode n = mapper.readTree(p.toFile());
                    return new Frame(p.getFileName().toString(), n.get("kind").asText(), n.get("vip").asText(),
                            MacAddress.parse(n.get("sourceMac").asText()),
                            n.has("source") ? n.get("source").asText() : null,
                            HexFormat.of().parseHex(n.get("frameHex").asText()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList().stream();
        }
    }

    static Stream<Frame> garps() throws IOException {
        return keepalivedFrames().filter(f -> f.kind().equals("GRATUITOUS_ARP"));
    }

    static Stream<Frame> neighborAdvertisements() throws IOException {
        return keepalivedFrames().filter(f -> f.kind().equals("NEIGHBOR_ADVERTISEMENT"));
    }

    @Test
    void thereAreKeepalivedFramesOfBothKinds() throws IOException {
        assertThat(garps().count()).isGreaterThanOrEqualTo(5);
        assertThat(neighborAdvertisements().count()).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garps")
    void gratuitousArpIsByteForByteWhatKeepalivedSends(Frame f) {
        byte[] ours = AnnouncementFrames.gratuitousArp(f.mac(), (Inet4Address) KeepalivedFixture.addr(f.vip()));

        assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(f.bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neighborAdvertisements")
    void neighborAdvertisementDiffersFromKeepalivedsOnlyInTheRouterFlag(Frame f) {
        byte[] ours = AnnouncementFrames.unsolicitedNeighborAdvertisement(f.mac(),
                (Inet6Address) KeepalivedFixture.addr(f.source()), (Inet6Address) KeepalivedFixture.addr(f.vip()));

        int icmp = 14 + 40;
        // keepalived 2.2.7 sends O=1 only; RFC 9568 §6.4.1 (130) asks for R=1 S=0 O=1 from a router
        assertThat(f.bytes()[icmp + 4] & 0xff).isEqualTo(0x20);
        assertThat(ours[icmp + 4] & 0xff).isEqualTo(0xa0);
        assertThat(ours).hasSameSizeAs(f.bytes());
        for (int i = 0; i < ours.length; i++) {
            if (i != icmp + 2 && i != icmp + 3 && i != icmp + 4) {
                assertThat(ours[i]).as("byte %d", i).isEqualTo(f.bytes()[i]);
            }
        }
        // the same flags give the same checksum: patch keepalived's flags and recompute theirs
        byte[] theirs = f.bytes().clone();
        theirs[icmp + 4] = (byte) 0xa0;
        theirs[icmp + 2] = 0;
        theirs[icmp + 3] = 0;
        long sum = InternetChecksum.pseudoHeaderSum(java.util.Arrays.copyOfRange(theirs, 22, 38),
                java.util.Arrays.copyOfRange(theirs, 38, 54), 58, 32);
        int c = InternetChecksum.finish(InternetChecksum.sum(sum, theirs, icmp, 32));
        assertThat(((ours[icmp + 2] & 0xff) << 8) | (ours[icmp + 3] & 0xff)).isEqualTo(c);
    }

    @Test
    void tsharkDecodesTheGratuitousArp(@TempDir Path dir) throws Exception {
        Prerequisites.requireCommand("tshark");
        byte[] frame = AnnouncementFrames.gratuitousArp(MAC, (Inet4Address) KeepalivedFixture.addr("10.199.0.77"));

        List<Map<String, String>> rows = Tshark.fields(dir, List.of(frame), List.of(), List.of("eth.dst", "eth.src",
                "arp.opcode", "arp.src.hw_mac", "arp.src.proto_ipv4", "arp.dst.hw_mac", "arp.dst.proto_ipv4",
                "arp.isgratuitous"));

        assertThat(rows).hasSize(1);
        Map<String, String> r = rows.getFirst();
        assertThat(r.get("eth.dst")).isEqualTo("ff:ff:ff:ff:ff:ff");
        assertThat(r.get("eth.src")).isEqualTo("02:00:00:00:00:07");
        assertThat(r.get("arp.opcode")).isEqualTo("1");
        assertThat(r.get("arp.src.hw_mac")).isEqualTo("02:00:00:00:00:07");
        assertThat(r.get("arp.src.proto_ipv4")).isEqualTo("10.199.0.77");
        assertThat(r.get("arp.dst.proto_ipv4")).isEqualTo("10.199.0.77");
        assertThat(r.get("arp.dst.hw_mac")).isEqualTo("ff:ff:ff:ff:ff:ff");
        assertThat(r.get("arp.isgratuitous")).isIn("1", "True");
    }

    @Test
    void tsharkDecodesTheNeighborAdvertisementWithAGoodChecksum(@TempDir Path dir) throws Exception {
        Prerequisites.requireCommand("tshark");
        byte[] frame = AnnouncementFrames.unsolicitedNeighborAdvertisement(MAC,
                (Inet6Address) KeepalivedFixture.addr("fe80::ff:fe00:7"),
                (Inet6Address) KeepalivedFixture.addr("fd00:199::77"));
        byte[] corrupted = frame.clone();
        corrupted[14 + 40 + 20] ^= 0x01; // a byte of the target address

        List<Map<String, String>> rows = Tshark.fields(dir, List.of(frame, corrupted), List.of(), List.of("eth.dst",
                "ipv6.hlim", "ipv6.src", "ipv6.dst", "icmpv6.type", "icmpv6.code", "icmpv6.nd.na.flag.r",
                "icmpv6.nd.na.flag.s", "icmpv6.nd.na.flag.o", "icmpv6.nd.na.target_address", "icmpv6.opt.type",
                "icmpv6.opt.linkaddr", "icmpv6.checksum.status"));

        assertThat(rows).hasSize(2);
        Map<String, String> r = rows.getFirst();
        assertThat(r.get("eth.dst")).isEqualTo("33:33:00:00:00:01");
        assertThat(r.get("ipv6.hlim")).isEqualTo("255");
        assertThat(r.get("ipv6.src")).isEqualTo("fe80::ff:fe00:7");
        assertThat(r.get("ipv6.dst")).isEqualTo("ff02::1");
        assertThat(r.get("icmpv6.type")).isEqualTo("136");
        assertThat(r.get("icmpv6.code")).isEqualTo("0");
        assertThat(r.get("icmpv6.nd.na.flag.r")).isIn("1", "True");
        assertThat(r.get("icmpv6.nd.na.flag.s")).isIn("0", "False");
        assertThat(r.get("icmpv6.nd.na.flag.o")).isIn("1", "True");
        assertThat(r.get("icmpv6.nd.na.target_address")).isEqualTo("fd00:199::77");
        assertThat(r.get("icmpv6.opt.type")).isEqualTo("2");
        assertThat(r.get("icmpv6.opt.linkaddr").replace(":", "")).isEqualTo("020000000007");
        assertThat(r.get("icmpv6.checksum.status")).isEqualTo("1"); // 1 = good
        assertThat(rows.get(1).get("icmpv6.checksum.status")).isEqualTo("0"); // tshark really checks: 0 = bad
    }

    @Test
    void virtualRouterMacsFollowRfc9568() {
        assertThat(MacAddress.virtualRouter(AddressFamily.IPV4, 5)).hasToString("00:00:5e:00:01:05");
        assertThat(MacAddress.virtualRouter(AddressFamily.IPV6, 255)).hasToString("00:00:5e:00:02:ff");
        assertThat(MacAddress.of(MAC.bytes())).isEqualTo(MAC);
    }
}
