package io.vipkeeper.agent.it;

import static io.vipkeeper.agent.it.InstanceYaml.file;
import static io.vipkeeper.agent.it.InstanceYaml.instance;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.testing.Prerequisites;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Everything the agent puts on the wire, decoded by tshark: VRRPv3 over IPv4 (checksum with the pseudo-header, and
 * without it as keepalived's {@code v3_checksum_as_v2}), VRRPv2, VRRPv3 over IPv6, unicast VRRPv3, the gratuitous
 * ARPs and unsolicited neighbour advertisements on becoming Master, and the priority-0 adverts on SIGTERM. Each
 * must decode without error, with a good checksum (VRRP, IPv4 header, ICMPv6) and TTL / hop limit 255
 * (RFC 9568 §5.1.1.3 / §5.1.2.3; RFC 4861 §7.1.2 for NA). The agent runs alone on h1; the capture is on its bridge
 * port.
 */
class WireFormatIT extends AgentItSupport {
    private static final String[] FIELDS = {"frame.number", "eth.src", "ip.src", "ip.dst", "ip.ttl",
        "ip.checksum.status", "ipv6.dst", "ipv6.hlim", "vrrp.version", "vrrp.virt_rtr_id", "vrrp.prio",
        "vrrp.checksum.status", "vrrp.ip_addr", "vrrp.ipv6_addr", "arp.isgratuitous", "arp.src.hw_mac",
        "arp.src.proto_ipv4", "icmpv6.type", "icmpv6.checksum.status", "icmpv6.nd.na.target_address",
        "icmpv6.nd.na.flag.o", "_ws.malformed", "_ws.expert.severity"};

    @Override
    int hostCount() {
        return 2;
    }

    /** tshark prints a checksum status as its number (1 = good) or its name, depending on the version. */
    private static boolean good(String status) {
        return "1".equals(status) || "Good".equalsIgnoreCase(status);
    }

    private static boolean bad(String status) {
        return "0".equals(status) || "Bad".equalsIgnoreCase(status);
    }

    private static boolean is52(Map<String, String> p) {
        return "52".equals(p.get("vrrp.virt_rtr_id")) && !p.get("ip.src").isEmpty();
    }

    @Test
    void everyPacketTheAgentSendsDecodesCleanlyWithGoodChecksumsAndTtl255() throws Exception {
        Prerequisites.requireCommand("tshark");
        ItLan.Host h1 = lan.host(1);
        String v4Pseudo = vip4(100);
        String v4AsV2 = vip4(101);
        String v2 = vip4(102);
        String unicast = vip4(103);
        String v6 = vip6(0x100);
        String yaml = file(
                instance("V3_IPV4").vrid(51).priority(150).address(v4Pseudo + "/24"),
                instance("V3_IPV4_AS_V2").vrid(52).priority(150).checksumWithPseudoHeader(false)
                        .address(v4AsV2 + "/24"),
                instance("V2_IPV4").vrid(53).priority(150).v2("1s").address(v2 + "/24"),
                instance("V3_IPV4_UNICAST").vrid(54).priority(150).unicastPeer(lan.host(2).ipv4())
                        .address(unicast + "/24"),
                instance("V3_IPV6").vrid(51).priority(150).address(v6 + "/64"));
        TsharkCapture wire = closeLater(TsharkCapture.start(lan, lan.bridgeNamespace(), "ip or ip6 or arp", "p1"));
        AgentProcess agent = agent(1, yaml);
        for (String name : List.of("V3_IPV4", "V3_IPV4_AS_V2", "V2_IPV4", "V3_IPV4_UNICAST", "V3_IPV6")) {
            awaitState(agent, name, "MASTER");
            eventually(name + " announced", () -> assertThat(agent.instance(name).path("announcementsSent").asLong())
                    .isPositive());
        }
        eventually("v2 adverts", () -> assertThat(agent.instance("V2_IPV4").path("advertsSent").asLong())
                .isGreaterThanOrEqualTo(2));
        agent.signal("TERM");
        assertThat(agent.waitForExit(30)).as(agent::describe).isZero();
        wire.stop();

        String mac = lan.mac(h1);
        String fromAgent = "eth.src == " + mac;
        List<Map<String, String>> asPseudo = wire.fields(fromAgent, List.of("ip.check_checksum:TRUE",
                "vrrp.v3_checksum_as_in_v2:FALSE"), FIELDS);
        List<Map<String, String>> asV2 = wire.fields(fromAgent, List.of("ip.check_checksum:TRUE",
                "vrrp.v3_checksum_as_in_v2:TRUE"), FIELDS);
        String summary = wire.summary();

        // nothing from the agent's MAC is malformed or carries an error-level expert note (each packet read with
        // the checksum preference its instance uses)
        List<Map<String, String>> proper = new java.util.ArrayList<>();
        asPseudo.stream().filter(p -> !is52(p)).forEach(proper::add);
        asV2.stream().filter(WireFormatIT::is52).forEach(proper::add);
        for (Map<String, String> p : proper) {
            boolean kernelIcmp = !p.get("icmpv6.type").isEmpty() && !"136".equals(p.get("icmpv6.type"));
            if (kernelIcmp) {
                continue; // MLD reports and router solicitations: the kernel's, not the agent's
            }
            assertThat(p.get("_ws.malformed")).as("malformed: %s\n%s", p, summary).isEmpty();
            assertThat(p.get("_ws.expert.severity")).as("expert error in %s", p)
                    .doesNotContain(Integer.toString(0x00800000)).doesNotContainIgnoringCase("error");
        }

        List<Map<String, String>> vrrp4 = asPseudo.stream().filter(p -> !p.get("vrrp.version").isEmpty()
                && !p.get("ip.src").isEmpty()).toList();
        List<Map<String, String>> vrrp6 = asPseudo.stream().filter(p -> !p.get("vrrp.version").isEmpty()
                && !p.get("ipv6.dst").isEmpty()).toList();
        assertThat(vrrp4).as(summary).isNotEmpty();
        assertThat(vrrp6).as(summary).isNotEmpty();
        for (Map<String, String> p : vrrp4) {
            assertThat(p.get("ip.ttl")).as("TTL of %s", p).isEqualTo("255");
            assertThat(p.get("ip.src")).isEqualTo(h1.ipv4());
            assertThat(good(p.get("ip.checksum.status"))).as("IPv4 header checksum of %s", p).isTrue();
            String vrid = p.get("vrrp.virt_rtr_id");
            switch (vrid) {
                case "51" -> {
                    assertThat(p.get("vrrp.version")).isEqualTo("3");
                    assertThat(p.get("ip.dst")).isEqualTo("224.0.0.18");
                    assertThat(p.get("vrrp.ip_addr")).isEqualTo(v4Pseudo);
                    assertThat(good(p.get("vrrp.checksum.status"))).as("checksum of %s", p).isTrue();
                }
                case "52" -> {
                    assertThat(p.get("vrrp.version")).isEqualTo("3");
                    assertThat(p.get("vrrp.ip_addr")).isEqualTo(v4AsV2);
                    // negative control: read with the pseudo-header, tshark must find it wrong (it does verify)
                    assertThat(bad(p.get("vrrp.checksum.status"))).as("pseudo-header reading of %s", p).isTrue();
                }
                case "53" -> {
                    assertThat(p.get("vrrp.version")).isEqualTo("2");
                    assertThat(p.get("ip.dst")).isEqualTo("224.0.0.18");
                    assertThat(p.get("vrrp.ip_addr")).isEqualTo(v2);
                    assertThat(good(p.get("vrrp.checksum.status"))).as("checksum of %s", p).isTrue();
                }
                case "54" -> {
                    assertThat(p.get("vrrp.version")).isEqualTo("3");
                    assertThat(p.get("ip.dst")).isEqualTo(lan.host(2).ipv4());
                    assertThat(p.get("vrrp.ip_addr")).isEqualTo(unicast);
                    assertThat(good(p.get("vrrp.checksum.status"))).as("checksum of %s", p).isTrue();
                }
                default -> throw new AssertionError("unexpected VRID " + vrid + ": " + p);
            }
        }
        for (Map<String, String> p : asV2) {
            if ("52".equals(p.get("vrrp.virt_rtr_id")) && !p.get("ip.src").isEmpty()) {
                assertThat(good(p.get("vrrp.checksum.status"))).as("v3_checksum_as_v2 reading of %s", p).isTrue();
            }
        }
        for (Map<String, String> p : vrrp6) {
            assertThat(p.get("ipv6.hlim")).as("hop limit of %s", p).isEqualTo("255");
            assertThat(p.get("ipv6.dst")).isEqualTo("ff02::12");
            assertThat(p.get("vrrp.version")).isEqualTo("3");
            assertThat(p.get("vrrp.virt_rtr_id")).isEqualTo("51");
            assertThat(InetAddress.getByName(p.get("vrrp.ipv6_addr"))).isEqualTo(InetAddress.getByName(v6));
            assertThat(good(p.get("vrrp.checksum.status"))).as("checksum of %s", p).isTrue();
        }
        // every instance sent adverts at its priority, then one at priority 0 on SIGTERM
        for (String vrid : List.of("51", "52", "53", "54")) {
            Set<String> priorities = vrrp4.stream().filter(p -> vrid.equals(p.get("vrrp.virt_rtr_id")))
                    .map(p -> p.get("vrrp.prio")).collect(Collectors.toSet());
            assertThat(priorities).as("IPv4 VRID %s priorities\n%s", vrid, summary).containsExactlyInAnyOrder("150", "0");
        }
        assertThat(vrrp6.stream().map(p -> p.get("vrrp.prio")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("150", "0");

        // gratuitous ARP: from our MAC, for each IPv4 VIP, recognised as gratuitous
        List<Map<String, String>> arps = asPseudo.stream().filter(p -> !p.get("arp.src.proto_ipv4").isEmpty()
                && List.of(v4Pseudo, v4AsV2, v2, unicast).contains(p.get("arp.src.proto_ipv4"))).toList();
        for (Map<String, String> p : arps) {
            assertThat(p.get("arp.isgratuitous")).as("gratuitous %s", p).isIn("1", "True", "true");
            assertThat(p.get("arp.src.hw_mac")).isEqualTo(mac);
        }
        assertThat(arps.stream().map(p -> p.get("arp.src.proto_ipv4")).collect(Collectors.toSet()))
                .as(summary).containsExactlyInAnyOrder(v4Pseudo, v4AsV2, v2, unicast);

        // unsolicited NA (RFC 4861 §7.2.6) for the IPv6 VIP: hop limit 255, good checksum, override flag
        List<Map<String, String>> nas = asPseudo.stream().filter(p -> "136".equals(p.get("icmpv6.type"))).toList();
        assertThat(nas).as(summary).isNotEmpty();
        for (Map<String, String> p : nas) {
            assertThat(p.get("ipv6.hlim")).as("hop limit of %s", p).isEqualTo("255");
            assertThat(good(p.get("icmpv6.checksum.status"))).as("checksum of %s", p).isTrue();
            assertThat(InetAddress.getByName(p.get("icmpv6.nd.na.target_address")))
                    .isEqualTo(InetAddress.getByName(v6));
            assertThat(p.get("icmpv6.nd.na.flag.o")).isIn("1", "True", "true");
        }
    }
}
