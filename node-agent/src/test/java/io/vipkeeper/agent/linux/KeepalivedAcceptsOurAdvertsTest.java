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
 * The send path, judged by keepalived: it runs as MASTER with priority 100; our socket sends hand-built VRRPv3
 * adverts with priority 250 for the same VRID. keepalived only yields (logs "Entering BACKUP STATE") when it
 * accepted them: right source address, TTL / hop limit 255, right checksum (kernel-computed for IPv6), and, in
 * unicast mode, a source it lists as a peer.
 */
class KeepalivedAcceptsOurAdvertsTest {
    private static NetnsLan lan;
    private static NetnsLan.Host ours;
    private static NetnsLan.Host theirs;
    private static NetworkNamespace ns;
    private static NetnsLan.Daemon keepalived;

    private static final InetAddress VIP4 = address("10.199.16.250");
    private static final InetAddress VIP6 = address("fd00:199:16::250");
    private static final InetAddress VIP4_UNICAST = address("10.199.16.251");

    @BeforeAll
    static void startKeepalived() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        Prerequisites.requireCommand("keepalived");
        lan = NetnsLan.create(2, 16);
        ours = lan.host(1);
        theirs = lan.host(2);
        ns = NetworkNamespace.enter(ours.name());
        keepalived = lan.startKeepalived(theirs, """
                global_defs {
                    router_id vkl-accepts
                    vrrp_version 3
                }
                vrrp_instance M4 {
                    state MASTER
                    interface eth0
                    virtual_router_id 81
                    priority 100
                    advert_int 1
                    virtual_ipaddress {
                        10.199.16.250/32
                    }
                }
                vrrp_instance M6 {
                    state MASTER
                    interface eth0
                    virtual_router_id 82
                    priority 100
                    advert_int 1
                    virtual_ipaddress {
                        fd00:199:16::250/128
                    }
                }
                vrrp_instance U4 {
                    state MASTER
                    interface eth0
                    virtual_router_id 83
                    priority 100
                    advert_int 1
                    unicast_src_ip %s
                    unicast_peer {
                        %s
                    }
                    virtual_ipaddress {
                        10.199.16.251/32
                    }
                }
                """.formatted(theirs.ipv4().getHostAddress(), ours.ipv4().getHostAddress()));
        awaitLog("(M4) Entering MASTER STATE");
        awaitLog("(M6) Entering MASTER STATE");
        awaitLog("(U4) Entering MASTER STATE");
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

    private static InetAddress address(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean logContains(String text) {
        return keepalived.output().contains(text);
    }

    private static void awaitLog(String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!logContains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("keepalived never logged '" + text + "':\n" + keepalived.output());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends the advert every 100 ms until keepalived logs the text (or 20 s pass). */
    private static void sendUntilLogged(VrrpSocket socket, InetAddress destination, byte[] advert, String text)
            throws LinuxException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!logContains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("keepalived never logged '" + text + "':\n" + keepalived.output());
            }
            socket.send(destination, ByteBuffer.wrap(advert));
            pause();
        }
    }

    @Test
    void keepalivedYieldsToOurIpv4MulticastAdverts() throws Exception {
        try (VrrpSocket socket = ns.call(() -> VrrpSocket.open("eth0", ours.ipv4()))) {
            byte[] advert = HandBuiltVrrp.withChecksum(HandBuiltVrrp.advert(81, 250, 100, List.of(VIP4)),
                    ours.ipv4(), VrrpSocket.IPV4_GROUP);
            sendUntilLogged(socket, VrrpSocket.IPV4_GROUP, advert, "(M4) Entering BACKUP STATE");
            assertThat(keepalived.output()).contains("(M4) Entering BACKUP STATE");
        }
    }

    @Test
    void keepalivedYieldsToOurIpv6MulticastAdvertsWithKernelChecksum() throws Exception {
        try (VrrpSocket socket = ns.call(() -> {
            try (Rtnetlink rt = Rtnetlink.open()) {
                int index = Libc.ifNameToIndex("eth0");
                InetAddress ll = SourceAddress.choose(rt.addressesOf(index), index, true, List.of()).orElseThrow();
                return VrrpSocket.open("eth0", ll);
            }
        })) {
            byte[] advert = HandBuiltVrrp.advert(82, 250, 100, List.of(VIP6)); // checksum 0: the kernel fills it
            sendUntilLogged(socket, VrrpSocket.IPV6_GROUP, advert, "(M6) Entering BACKUP STATE");
            assertThat(keepalived.output()).contains("(M6) Entering BACKUP STATE");
        }
    }

    @Test
    void keepalivedYieldsToOurIpv4UnicastAdverts() throws Exception {
        try (VrrpSocket socket = ns.call(() -> VrrpSocket.open("eth0", ours.ipv4()))) {
            byte[] advert = HandBuiltVrrp.withChecksum(HandBuiltVrrp.advert(83, 250, 100, List.of(VIP4_UNICAST)),
                    ours.ipv4(), theirs.ipv4());
            sendUntilLogged(socket, theirs.ipv4(), advert, "(U4) Entering BACKUP STATE");
            assertThat(keepalived.output()).contains("(U4) Entering BACKUP STATE");
        }
    }
}
