package io.vipkeeper.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vipkeeper.agent.testing.NetnsLan;
import io.vipkeeper.agent.testing.Prerequisites;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A gratuitous ARP sent through our AF_PACKET socket is what tshark, in the neighbour namespace, sees. */
class PacketSocketNetnsTest {

    /** RFC 9568 §6.4.1 / RFC 5227 §3: a broadcast ARP request whose sender and target IP are both the VIP. */
    private static byte[] gratuitousArp(byte[] mac, InetAddress vip) {
        ByteBuffer f = ByteBuffer.allocate(42);
        f.put(new byte[] {-1, -1, -1, -1, -1, -1}); // destination: broadcast
        f.put(mac); // source: our MAC
        f.putShort((short) 0x0806); // EtherType ARP
        f.putShort((short) 1); // hardware type Ethernet
        f.putShort((short) 0x0800); // protocol IPv4
        f.put((byte) 6).put((byte) 4);
        f.putShort((short) 1); // request
        f.put(mac).put(vip.getAddress()); // sender
        f.put(new byte[6]).put(vip.getAddress()); // target
        return f.array();
    }

    @Test
    void gratuitousArpIsCapturedAndDecodedByTshark() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        Prerequisites.requireCommand("tshark");
        InetAddress vip = InetAddress.getByName("10.199.14.77");
        try (NetnsLan lan = NetnsLan.create(2, 14); NetworkNamespace ns = NetworkNamespace.enter(lan.host(1).name())) {
            LinkInfo eth0 = ns.call(() -> {
                try (Rtnetlink rt = Rtnetlink.open()) {
                    return rt.link("eth0").orElseThrow();
                }
            });
            NetnsLan.Capture capture = lan.startTshark(lan.host(2), "arp");
            byte[] frame = gratuitousArp(eth0.mac(), vip);
            try (PacketSocket socket = ns.call(() -> PacketSocket.open(eth0.index()))) {
                socket.send(ByteBuffer.wrap(frame));
            }
            // the frame crosses veth + bridge + veth synchronously-ish; give tshark a moment before stopping it
            List<JsonNode> packets = awaitPackets(lan, capture);

            assertThat(packets).hasSize(1);
            JsonNode eth = packets.getFirst().path("eth");
            JsonNode arp = packets.getFirst().path("arp");
            assertThat(eth.path("eth.dst").asText()).isEqualTo("ff:ff:ff:ff:ff:ff");
            assertThat(eth.path("eth.src").asText()).isEqualTo(eth0.macString());
            assertThat(arp.path("arp.opcode").asText()).isEqualTo("1");
            assertThat(arp.path("arp.src.hw_mac").asText()).isEqualTo(eth0.macString());
            assertThat(arp.path("arp.src.proto_ipv4").asText()).isEqualTo("10.199.14.77");
            assertThat(arp.path("arp.dst.proto_ipv4").asText()).isEqualTo("10.199.14.77");
            assertThat(arp.path("arp.isgratuitous").asText()).isIn("1", "True", "true");
        }
    }

    /**
     * RFC 9568 §6.4.2 / RFC 4861 §4.4 and §7.2.6: an unsolicited Neighbor Advertisement for the VIP to all-nodes,
     * Override flag set, with the target link-layer address option; hop limit 255. ICMPv6 checksum over the IPv6
     * pseudo-header (next header 58).
     */
    private static byte[] unsolicitedNeighborAdvert(byte[] mac, InetAddress source, InetAddress vip) throws Exception {
        InetAddress allNodes = InetAddress.getByName("ff02::1");
        ByteBuffer icmp = ByteBuffer.allocate(32);
        icmp.put((byte) 136).put((byte) 0).putShort((short) 0); // type NA, code, checksum (below)
        icmp.putInt(0x20000000); // R=0 S=0 O=1
        icmp.put(vip.getAddress());
        icmp.put((byte) 2).put((byte) 1).put(mac); // option: target link-layer address, 8 bytes
        byte[] body = icmp.array();
        ByteBuffer pseudo = ByteBuffer.allocate(40 + body.length);
        pseudo.put(source.getAddress()).put(allNodes.getAddress()).putInt(body.length).put(new byte[3]).put((byte) 58);
        pseudo.put(body);
        long sum = 0;
        byte[] p = pseudo.array();
        for (int i = 0; i < p.length; i += 2) {
            sum += ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        int checksum = (int) (~sum & 0xffff);
        body[2] = (byte) (checksum >> 8);
        body[3] = (byte) checksum;

        ByteBuffer f = ByteBuffer.allocate(14 + 40 + body.length);
        f.put(new byte[] {0x33, 0x33, 0, 0, 0, 1}).put(mac).putShort((short) 0x86dd);
        f.putInt(0x60000000).putShort((short) body.length).put((byte) 58).put((byte) 255);
        f.put(source.getAddress()).put(allNodes.getAddress());
        f.put(body);
        return f.array();
    }

    @Test
    void unsolicitedNeighborAdvertIsCapturedAndDecodedByTshark() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        Prerequisites.requireCommand("tshark");
        InetAddress vip = InetAddress.getByName("fd00:199:18::77");
        try (NetnsLan lan = NetnsLan.create(2, 18); NetworkNamespace ns = NetworkNamespace.enter(lan.host(1).name())) {
            LinkInfo eth0 = ns.call(() -> {
                try (Rtnetlink rt = Rtnetlink.open()) {
                    return rt.link("eth0").orElseThrow();
                }
            });
            InetAddress linkLocal = ns.call(() -> {
                try (Rtnetlink rt = Rtnetlink.open()) {
                    return SourceAddress.choose(rt.addressesOf(eth0.index()), eth0.index(), true, List.of())
                            .orElseThrow();
                }
            });
            NetnsLan.Capture capture = lan.startTshark(lan.host(2), "icmp6 and ip6[40] == 136");
            try (PacketSocket socket = ns.call(() -> PacketSocket.open(eth0.index()))) {
                socket.send(ByteBuffer.wrap(unsolicitedNeighborAdvert(eth0.mac(), linkLocal, vip)));
            }
            List<JsonNode> packets = awaitPackets(lan, capture);

            assertThat(packets).hasSize(1);
            JsonNode ipv6 = packets.getFirst().path("ipv6");
            JsonNode icmp = packets.getFirst().path("icmpv6");
            assertThat(ipv6.path("ipv6.hlim").asText()).isEqualTo("255");
            assertThat(ipv6.path("ipv6.dst").asText()).isEqualTo("ff02::1");
            assertThat(icmp.path("icmpv6.type").asText()).isEqualTo("136");
            assertThat(icmp.path("icmpv6.checksum.status").asText()).isEqualTo("1"); // good
            assertThat(icmp.path("icmpv6.nd.na.target_address").asText()).isEqualTo("fd00:199:18::77");
            assertThat(icmp.toString()).contains("\"icmpv6.nd.na.flag.o\":\"1\"");
            assertThat(icmp.toString()).contains(eth0.macString());
        }
    }

    private static List<JsonNode> awaitPackets(NetnsLan lan, NetnsLan.Capture capture) throws InterruptedException {
        Thread.sleep(500);
        return capture.stop();
    }
}
