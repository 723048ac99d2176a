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

    private static List<JsonNode> awaitPackets(NetnsLan lan, NetnsLan.Capture capture) throws InterruptedException {
        Thread.sleep(500);
        return capture.stop();
    }
}
