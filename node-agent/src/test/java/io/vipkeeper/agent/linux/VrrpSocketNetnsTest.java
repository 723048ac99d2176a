package io.vipkeeper.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.testing.NetnsLan;
import io.vipkeeper.agent.testing.Prerequisites;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our VRRP sockets talking to each other across a bridged LAN of network namespaces: TTL / hop limit 255, the
 * right source and destination, the IPv6 checksum filled in by the kernel, and the unicast peer filter.
 */
class VrrpSocketNetnsTest {
    private static NetnsLan lan;
    private static NetnsLan.Host h1;
    private static NetnsLan.Host h2;
    private static NetnsLan.Host h3;
    private static NetworkNamespace ns1;
    private static NetworkNamespace ns2;
    private static NetworkNamespace ns3;

    @BeforeAll
    static void buildLan() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        lan = NetnsLan.create(3, 11);
        h1 = lan.host(1);
        h2 = lan.host(2);
        h3 = lan.host(3);
        ns1 = NetworkNamespace.enter(h1.name());
        ns2 = NetworkNamespace.enter(h2.name());
        ns3 = NetworkNamespace.enter(h3.name());
    }

    @AfterAll
    static void tearDown() {
        for (AutoCloseable c : new AutoCloseable[] {ns1, ns2, ns3, lan}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
    }

    private static InetAddress linkLocal(NetworkNamespace ns) throws Exception {
        return ns.call(() -> {
            try (Rtnetlink rt = Rtnetlink.open()) {
                int index = Libc.ifNameToIndex("eth0");
                return SourceAddress.choose(rt.addressesOf(index), index, true, List.of()).orElseThrow();
            }
        });
    }

    private static VrrpSocket open(NetworkNamespace ns, InetAddress source, boolean join) throws Exception {
        return ns.call(() -> {
            VrrpSocket s = VrrpSocket.open("eth0", source);
            if (join) {
                s.joinMulticastGroup();
            }
            return s;
        });
    }

    private static byte[] bytesOf(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void ipv4MulticastAdvertArrivesWithTtl255() throws Exception {
        InetAddress vip = InetAddress.getByName("10.199.11.100");
        try (VrrpSocket rx = open(ns2, h2.ipv4(), true); VrrpSocket tx = open(ns1, h1.ipv4(), false)) {
            byte[] advert = HandBuiltVrrp.withChecksum(HandBuiltVrrp.advert(51, 150, 100, List.of(vip)), h1.ipv4(),
                    VrrpSocket.IPV4_GROUP);
            tx.sendMulticast(ByteBuffer.wrap(advert));

            ReceivedPacket p = rx.receive(ByteBuffer.allocate(2048), 5_000);

            assertThat(p).isNotNull();
            assertThat(p.ttl()).isEqualTo(255);
            assertThat(p.source()).isEqualTo(h1.ipv4());
            assertThat(p.destination()).isEqualTo(VrrpSocket.IPV4_GROUP);
            assertThat(p.interfaceIndex()).isEqualTo(rx.interfaceIndex());
            assertThat(bytesOf(p.payload())).isEqualTo(advert);
            assertThat(tx.counters().sent()).isEqualTo(1);
            assertThat(rx.counters().received()).isEqualTo(1);
        }
    }

    @Test
    void ipv4UnicastAdvertArrivesWithTtl255() throws Exception {
        InetAddress vip = InetAddress.getByName("10.199.11.101");
        try (VrrpSocket rx = open(ns2, h2.ipv4(), false); VrrpSocket tx = open(ns1, h1.ipv4(), false)) {
            byte[] advert = HandBuiltVrrp.withChecksum(HandBuiltVrrp.advert(52, 100, 100, List.of(vip)), h1.ipv4(),
                    h2.ipv4());
            tx.send(h2.ipv4(), ByteBuffer.wrap(advert));

            ReceivedPacket p = rx.receive(ByteBuffer.allocate(2048), 5_000);

            assertThat(p).isNotNull();
            assertThat(p.ttl()).isEqualTo(255);
            assertThat(p.source()).isEqualTo(h1.ipv4());
            assertThat(p.destination()).isEqualTo(h2.ipv4());
            assertThat(bytesOf(p.payload())).isEqualTo(advert);
            assertThat(HandBuiltVrrp.checksum(bytesOf(p.payload()), p.source(), p.destination())).isZero();
        }
    }

    @Test
    void unicastFilterDropsAndCountsUnknownSources() throws Exception {
        InetAddress vip = InetAddress.getByName("10.199.11.102");
        try (VrrpSocket rx = open(ns2, h2.ipv4(), false);
                VrrpSocket stranger = open(ns1, h1.ipv4(), false);
                VrrpSocket peer = open(ns3, h3.ipv4(), false)) {
            rx.acceptOnlyFrom(List.of(h3.ipv4()));
            byte[] fromStranger = HandBuiltVrrp.advert(53, 200, 100, List.of(vip));
            byte[] fromPeer = HandBuiltVrrp.advert(53, 100, 100, List.of(vip));

            stranger.send(h2.ipv4(), ByteBuffer.wrap(fromStranger));
            peer.send(h2.ipv4(), ByteBuffer.wrap(fromPeer));
            ReceivedPacket p = rx.receive(ByteBuffer.allocate(2048), 5_000);

            assertThat(p).isNotNull();
            assertThat(p.source()).isEqualTo(h3.ipv4());
            assertThat(bytesOf(p.payload())).isEqualTo(fromPeer);
            assertThat(rx.counters().ignoredFromUnknownSource()).isEqualTo(1);
            assertThat(rx.counters().received()).isEqualTo(1);
        }
    }

    @Test
    void ipv6MulticastAdvertArrivesWithHopLimit255AndKernelChecksum() throws Exception {
        InetAddress ll1 = linkLocal(ns1);
        InetAddress ll2 = linkLocal(ns2);
        InetAddress vip = InetAddress.getByName("fd00:199:11::100");
        try (VrrpSocket rx = open(ns2, ll2, true); VrrpSocket tx = open(ns1, ll1, false)) {
            byte[] advert = HandBuiltVrrp.advert(61, 150, 100, List.of(vip)); // checksum left 0 for the kernel
            tx.sendMulticast(ByteBuffer.wrap(advert));

            ReceivedPacket p = rx.receive(ByteBuffer.allocate(2048), 5_000);

            assertThat(p).isNotNull();
            assertThat(p.ttl()).isEqualTo(255);
            assertThat(p.source()).isEqualTo(ll1);
            assertThat(p.destination()).isEqualTo(VrrpSocket.IPV6_GROUP);
            assertThat(p.interfaceIndex()).isEqualTo(rx.interfaceIndex());
            byte[] got = bytesOf(p.payload());
            assertThat(got).hasSize(advert.length);
            // everything but the checksum is what was sent; the kernel filled a checksum that verifies
            assertThat(got[6] != 0 || got[7] != 0).isTrue();
            assertThat(HandBuiltVrrp.checksum(got, ll1, VrrpSocket.IPV6_GROUP)).isZero();
            got[6] = 0;
            got[7] = 0;
            assertThat(got).isEqualTo(advert);
        }
    }

    @Test
    void ipv6UnicastAdvertArrivesWithHopLimit255() throws Exception {
        InetAddress ll1 = linkLocal(ns1);
        InetAddress ll2 = linkLocal(ns2);
        InetAddress vip = InetAddress.getByName("fd00:199:11::101");
        try (VrrpSocket rx = open(ns2, ll2, false); VrrpSocket tx = open(ns1, ll1, false)) {
            byte[] advert = HandBuiltVrrp.advert(62, 100, 100, List.of(vip));
            tx.send(ll2, ByteBuffer.wrap(advert));

            ReceivedPacket p = rx.receive(ByteBuffer.allocate(2048), 5_000);

            assertThat(p).isNotNull();
            assertThat(p.ttl()).isEqualTo(255);
            assertThat(p.source()).isEqualTo(ll1);
            assertThat(p.destination()).isEqualTo(ll2);
            assertThat(HandBuiltVrrp.checksum(bytesOf(p.payload()), ll1, ll2)).isZero();
        }
    }

    @Test
    void aSocketThatDidNotJoinSeesNoMulticastEvenWhenAnotherSocketJoined() throws Exception {
        InetAddress vip = InetAddress.getByName("10.199.11.103");
        try (VrrpSocket joined = open(ns2, h2.ipv4(), true);
                VrrpSocket unicastOnly = open(ns2, h2.ipv4(), false);
                VrrpSocket tx = open(ns1, h1.ipv4(), false)) {
            byte[] multicast = HandBuiltVrrp.advert(54, 100, 100, List.of(vip));
            byte[] unicast = HandBuiltVrrp.advert(55, 100, 100, List.of(vip));
            tx.sendMulticast(ByteBuffer.wrap(multicast));
            tx.send(h2.ipv4(), ByteBuffer.wrap(unicast));

            ReceivedPacket first = unicastOnly.receive(ByteBuffer.allocate(2048), 5_000);
            ReceivedPacket groupPacket = joined.receive(ByteBuffer.allocate(2048), 5_000);

            // IP_MULTICAST_ALL off: the group packet, sent first, never reached the socket that did not join
            assertThat(first).isNotNull();
            assertThat(first.destination()).isEqualTo(h2.ipv4());
            assertThat(bytesOf(first.payload())).isEqualTo(unicast);
            assertThat(groupPacket).isNotNull();
            assertThat(groupPacket.destination()).isEqualTo(VrrpSocket.IPV4_GROUP);
        }
    }

    @Test
    void closeWakesABlockedReceiver() throws Exception {
        VrrpSocket rx = open(ns2, h2.ipv4(), true);
        Thread closer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rx.close();
        });
        ReceivedPacket p = rx.receive(ByteBuffer.allocate(2048), 60_000);
        closer.join();
        assertThat(p).isNull();
        assertThat(rx.isOpen()).isFalse();
    }
}
