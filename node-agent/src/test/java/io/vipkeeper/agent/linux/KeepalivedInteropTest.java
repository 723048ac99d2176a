package io.vipkeeper.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.testing.NetnsLan;
import io.vipkeeper.agent.testing.Prerequisites;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's keepalived (in its own namespace) is the sender; our socket in a neighbour namespace must receive its
 * VRRPv3 adverts exactly as a VRRP router needs them: TTL / hop limit 255, keepalived's source address, the
 * multicast destination, and a payload whose checksum verifies.
 */
class KeepalivedInteropTest {
    private static NetnsLan lan;
    private static NetnsLan.Host ours;
    private static NetnsLan.Host theirs;
    private static NetworkNamespace ns;
    private static NetnsLan.Daemon keepalived;

    @BeforeAll
    static void startKeepalived() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        Prerequisites.requireCommand("keepalived");
        lan = NetnsLan.create(3, 13);
        ours = lan.host(2);
        theirs = lan.host(3);
        ns = NetworkNamespace.enter(ours.name());
        keepalived = lan.startKeepalived(theirs, """
                global_defs {
                    router_id vkl-interop
                    vrrp_version 3
                }
                vrrp_instance V4 {
                    state MASTER
                    interface eth0
                    virtual_router_id 71
                    priority 200
                    advert_int 1
                    virtual_ipaddress {
                        10.199.13.250/32
                    }
                }
                vrrp_instance V6 {
                    state MASTER
                    interface eth0
                    virtual_router_id 72
                    priority 201
                    advert_int 1
                    virtual_ipaddress {
                        fd00:199:13::250/128
                    }
                }
                """);
    }

    @AfterAll
    static void tearDown() {
        if (keepalived != null) {
            keepalived.close();
        }
        if (ns != null) {
            ns.close();
        }
        if (lan != null) {
            lan.close();
        }
    }

    /** The first packet of this VRID within 20 s (keepalived needs a moment to start and become master). */
    private static ReceivedPacket awaitVrid(VrrpSocket socket, int vrid) throws LinuxException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        while (System.nanoTime() < deadline) {
            ReceivedPacket p = socket.receive(buffer, 1_000);
            if (p != null && p.payload().remaining() >= 8 && (p.payload().get(1) & 0xff) == vrid) {
                return p;
            }
        }
        throw new AssertionError("no advert for VRID " + vrid + "; keepalived said:\n" + keepalived.output());
    }

    private static byte[] bytesOf(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void receivesKeepalivedIpv4Adverts() throws Exception {
        try (VrrpSocket socket = ns.call(() -> {
            VrrpSocket s = VrrpSocket.open("eth0", ours.ipv4());
            s.joinMulticastGroup();
            return s;
        })) {
            ReceivedPacket p = awaitVrid(socket, 71);

            assertThat(p.ttl()).isEqualTo(255);
            assertThat(p.source()).isEqualTo(theirs.ipv4());
            assertThat(p.destination()).isEqualTo(VrrpSocket.IPV4_GROUP);
            byte[] advert = bytesOf(p.payload());
            assertThat(advert[0]).isEqualTo((byte) 0x31); // version 3, type 1 (advertisement)
            assertThat(advert[2] & 0xff).isEqualTo(200);
            assertThat(advert[3]).isEqualTo((byte) 1);
            assertThat(((advert[4] & 0x0f) << 8) | (advert[5] & 0xff)).isEqualTo(100); // 1 s in centiseconds
            assertThat(InetAddress.getByAddress(java.util.Arrays.copyOfRange(advert, 8, 12)))
                    .isEqualTo(InetAddress.getByName("10.199.13.250"));
            assertThat(HandBuiltVrrp.checksum(advert, p.source(), p.destination())).isZero();
        }
    }

    @Test
    void receivesKeepalivedIpv6Adverts() throws Exception {
        InetAddress theirLinkLocal;
        try (NetworkNamespace theirNs = NetworkNamespace.enter(theirs.name())) {
            theirLinkLocal = theirNs.call(() -> {
                try (Rtnetlink rt = Rtnetlink.open()) {
                    int index = Libc.ifNameToIndex("eth0");
                    return SourceAddress.choose(rt.addressesOf(index), index, true, List.of()).orElseThrow();
                }
            });
        }
        try (VrrpSocket socket = ns.call(() -> {
            try (Rtnetlink rt = Rtnetlink.open()) {
                int index = Libc.ifNameToIndex("eth0");
                InetAddress ll = SourceAddress.choose(rt.addressesOf(index), index, true, List.of()).orElseThrow();
                VrrpSocket s = VrrpSocket.open("eth0", ll);
                s.joinMulticastGroup();
                return s;
            }
        })) {
            ReceivedPacket p = awaitVrid(socket, 72);

            assertThat(p.ttl()).isEqualTo(255);
            assertThat(p.source()).isEqualTo(theirLinkLocal);
            assertThat(p.destination()).isEqualTo(VrrpSocket.IPV6_GROUP);
            byte[] advert = bytesOf(p.payload());
            assertThat(advert[0]).isEqualTo((byte) 0x31);
            assertThat(advert[2] & 0xff).isEqualTo(201);
            assertThat(advert).hasSize(8 + 16);
            assertThat(InetAddress.getByAddress(java.util.Arrays.copyOfRange(advert, 8, 24)))
                    .isEqualTo(InetAddress.getByName("fd00:199:13::250"));
            // the kernel verified it already (IPV6_CHECKSUM); check it ourselves too
            assertThat(HandBuiltVrrp.checksum(advert, p.source(), p.destination())).isZero();
        }
    }
}
