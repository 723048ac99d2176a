package io.vipkeeper.agent.vrrp.wire;

import static io.vipkeeper.agent.vrrp.wire.KeepalivedFixture.addr;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.testing.Prerequisites;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adverts encoded here, wrapped in Ethernet + IP, decoded by tshark with its checksum verification. */
class TsharkAdvertisementTest {
    static final MacAddress MAC4 = MacAddress.virtualRouter(AddressFamily.IPV4, 33);
    static final MacAddress MAC6 = MacAddress.virtualRouter(AddressFamily.IPV6, 34);
    static final IpHeaderFacts V4 = IpHeaderFacts.ipv4(addr("10.199.0.9"), addr("224.0.0.18"), 255);
    static final IpHeaderFacts V4_UNICAST = IpHeaderFacts.ipv4(addr("10.199.0.9"), addr("10.199.0.10"), 255);
    static final IpHeaderFacts V6 = IpHeaderFacts.ipv6(addr("fe80::9"), addr("ff02::12"), 255);
    static final List<String> FIELDS = List.of("vrrp.version", "vrrp.type", "vrrp.virt_rtr_id", "vrrp.prio",
            "vrrp.addr_count", "vrrp.adver_int", "vrrp.short_adver_int", "vrrp.auth_type", "vrrp.checksum.status",
            "vrrp.ip_addr", "vrrp.ipv6_addr");

    @TempDir
    Path dir;

    @BeforeEach
    void needsTshark() {
        Prerequisites.requireCommand("tshark");
    }

    static byte[] frame(Advertisement a, IpHeaderFacts f, ChecksumMode mode) {
        MacAddress mac = f.family() == AddressFamily.IPV4 ? MAC4 : MAC6;
        return Pcap.frame(mac, f, AdvertisementCodec.encode(a, f.source(), f.destination(), mode));
    }

    @Test
    void v3AdvertsWithThePseudoHeaderVerifyInTsharksDefaultMode() throws Exception {
        Advertisement v4 = Advertisement.v3(AddressFamily.IPV4, 33, 200, 75,
                List.of(addr("10.199.0.33"), addr("10.199.0.34"), addr("10.199.0.35")));
        Advertisement v4unicast = Advertisement.v3(AddressFamily.IPV4, 33, 0, 4095, List.of(addr("10.199.0.33")));
        Advertisement v6 = Advertisement.v3(AddressFamily.IPV6, 34, 1, 100,
                List.of(addr("fe80::34:1"), addr("fd00:199::34")));
        byte[] corrupted = frame(v4, V4, ChecksumMode.WITH_PSEUDO_HEADER);
        corrupted[corrupted.length - 1] ^= 0x10;

        List<Map<String, String>> rows = Tshark.fields(dir, List.of(frame(v4, V4, ChecksumMode.WITH_PSEUDO_HEADER),
                frame(v4unicast, V4_UNICAST, ChecksumMode.WITH_PSEUDO_HEADER),
                frame(v6, V6, ChecksumMode.WITHOUT_PSEUDO_HEADER), corrupted), List.of(), FIELDS);

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsEntry("vrrp.version", "3").containsEntry("vrrp.type", "1")
                .containsEntry("vrrp.virt_rtr_id", "33").containsEntry("vrrp.prio", "200")
                .containsEntry("vrrp.addr_count", "3").containsEntry("vrrp.short_adver_int", "75")
                .containsEntry("vrrp.ip_addr", "10.199.0.33,10.199.0.34,10.199.0.35")
                .containsEntry("vrrp.checksum.status", "1");
        assertThat(rows.get(1)).containsEntry("vrrp.prio", "0").containsEntry("vrrp.short_adver_int", "4095")
                .containsEntry("vrrp.checksum.status", "1");
        // IPv6 always has the pseudo-header, whatever the configured mode (RFC 9568 §5.2.8)
        assertThat(rows.get(2)).containsEntry("vrrp.virt_rtr_id", "34").containsEntry("vrrp.prio", "1")
                .containsEntry("vrrp.ipv6_addr", "fe80::34:1,fd00:199::34")
                .containsEntry("vrrp.checksum.status", "1");
        assertThat(rows.get(3)).containsEntry("vrrp.checksum.status", "0");
    }

    @Test
    void v3Ipv4WithoutThePseudoHeaderVerifiesOnlyInTsharksV2StyleMode() throws Exception {
        Advertisement a = Advertisement.v3(AddressFamily.IPV4, 35, 100, 100, List.of(addr("10.199.0.35")));
        List<byte[]> frames = List.of(frame(a, V4, ChecksumMode.WITHOUT_PSEUDO_HEADER),
                frame(a, V4, ChecksumMode.WITH_PSEUDO_HEADER));

        List<Map<String, String>> v2Style = Tshark.fields(dir, frames, List.of("vrrp.v3_checksum_as_in_v2:TRUE"),
                FIELDS);
        List<Map<String, String>> standard = Tshark.fields(dir, frames, List.of(), FIELDS);

        assertThat(v2Style.get(0)).containsEntry("vrrp.checksum.status", "1");
        assertThat(v2Style.get(1)).containsEntry("vrrp.checksum.status", "0");
        assertThat(standard.get(0)).containsEntry("vrrp.checksum.status", "0");
        assertThat(standard.get(1)).containsEntry("vrrp.checksum.status", "1");
    }

    @Test
    void v2AdvertsVerify() throws Exception {
        Advertisement plain = Advertisement.v2(36, 150, 1, List.of(addr("10.199.0.36"), addr("10.199.0.37")), 0, 0);
        Advertisement pass = Advertisement.v2(37, 255, 3, List.of(addr("10.199.0.37")), 1,
                java.util.HexFormat.fromHexDigitsToLong("7365637265743100"));

        List<Map<String, String>> rows = Tshark.fields(dir, List.of(
                frame(plain, V4, ChecksumMode.WITH_PSEUDO_HEADER), frame(pass, V4_UNICAST,
                        ChecksumMode.WITHOUT_PSEUDO_HEADER)), List.of(), List.of("vrrp.version", "vrrp.virt_rtr_id",
                "vrrp.prio", "vrrp.addr_count", "vrrp.adver_int", "vrrp.auth_type", "vrrp.auth_string",
                "vrrp.checksum.status", "vrrp.ip_addr"));

        assertThat(rows.get(0)).containsEntry("vrrp.version", "2").containsEntry("vrrp.virt_rtr_id", "36")
                .containsEntry("vrrp.prio", "150").containsEntry("vrrp.addr_count", "2")
                .containsEntry("vrrp.adver_int", "1").containsEntry("vrrp.auth_type", "0")
                .containsEntry("vrrp.ip_addr", "10.199.0.36,10.199.0.37").containsEntry("vrrp.checksum.status", "1");
        assertThat(rows.get(1)).containsEntry("vrrp.prio", "255").containsEntry("vrrp.adver_int", "3")
                .containsEntry("vrrp.auth_type", "1").containsEntry("vrrp.auth_string", "secret1")
                .containsEntry("vrrp.checksum.status", "1");
    }
}
