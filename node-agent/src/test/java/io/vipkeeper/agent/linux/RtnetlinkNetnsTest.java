package io.vipkeeper.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.testing.NetnsLan;
import io.vipkeeper.agent.testing.Prerequisites;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * rtnetlink inside a namespace: VIP add/remove (idempotent, IPv6 without DAD) checked against {@code ip addr} and
 * our own dump, the link dump against {@code ip link}, and link/address events.
 */
class RtnetlinkNetnsTest {
    private static NetnsLan lan;
    private static NetnsLan.Host h1;
    private static NetworkNamespace ns1;

    @BeforeAll
    static void buildLan() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        lan = NetnsLan.create(2, 12);
        h1 = lan.host(1);
        ns1 = NetworkNamespace.enter(h1.name());
    }

    @AfterAll
    static void tearDown() {
        if (ns1 != null) {
            ns1.close();
        }
        if (lan != null) {
            lan.close();
        }
    }

    private static Rtnetlink rtnetlink() throws Exception {
        return ns1.call(Rtnetlink::open);
    }

    private static int eth0Index() throws Exception {
        return ns1.call(() -> Libc.ifNameToIndex("eth0"));
    }

    private static String ipAddr() {
        return NetnsLan.run("ip", "-n", h1.name(), "addr", "show", "dev", "eth0").requireSuccess("ip addr").output();
    }

    @Test
    void ipv4VipIsAddedAndRemovedIdempotently() throws Exception {
        InetAddress vip = InetAddress.getByName("10.199.12.200");
        int index = eth0Index();
        try (Rtnetlink rt = rtnetlink()) {
            assertThat(rt.addAddress(index, vip, 32)).isTrue();
            assertThat(rt.addAddress(index, vip, 32)).isFalse(); // EEXIST is success

            assertThat(ipAddr()).contains("inet 10.199.12.200/32");
            assertThat(rt.addressesOf(index)).anySatisfy(a -> {
                assertThat(a.address()).isEqualTo(vip);
                assertThat(a.prefixLength()).isEqualTo(32);
            });

            assertThat(rt.removeAddress(index, vip, 32)).isTrue();
            assertThat(rt.removeAddress(index, vip, 32)).isFalse(); // EADDRNOTAVAIL is success

            assertThat(ipAddr()).doesNotContain("10.199.12.200");
            assertThat(rt.addressesOf(index)).noneMatch(a -> a.address().equals(vip));
            // the LAN address is untouched
            assertThat(rt.addressesOf(index)).anyMatch(a -> a.address().equals(h1.ipv4()) && a.prefixLength() == 24);
        }
    }

    @Test
    void ipv6VipIsAddedWithoutDadAndRemovedIdempotently() throws Exception {
        // DAD is on for this interface, so only IFA_F_NODAD keeps the VIP from being tentative
        lan.exec(h1, "sysctl", "-q", "-w", "net.ipv6.conf.eth0.accept_dad=1").requireSuccess("sysctl");
        InetAddress vip = InetAddress.getByName("fd00:199:12::200");
        int index = eth0Index();
        try (Rtnetlink rt = rtnetlink()) {
            assertThat(rt.addAddress(index, vip, 128)).isTrue();
            assertThat(rt.addAddress(index, vip, 128)).isFalse();

            String shown = ipAddr();
            assertThat(shown).contains("inet6 fd00:199:12::200/128");
            String vipLine = shown.lines().filter(l -> l.contains("fd00:199:12::200")).findFirst().orElseThrow();
            assertThat(vipLine).contains("nodad").doesNotContain("tentative");
            AddressInfo info = rt.addressesOf(index).stream().filter(a -> a.address().equals(vip)).findFirst()
                    .orElseThrow();
            assertThat(info.prefixLength()).isEqualTo(128);
            assertThat(info.tentative()).isFalse();
            assertThat(info.flags() & AddressInfo.IFA_F_NODAD).isNotZero();

            assertThat(rt.removeAddress(index, vip, 128)).isTrue();
            assertThat(rt.removeAddress(index, vip, 128)).isFalse();
            assertThat(ipAddr()).doesNotContain("fd00:199:12::200");
        } finally {
            lan.exec(h1, "sysctl", "-q", "-w", "net.ipv6.conf.eth0.accept_dad=0");
        }
    }

    @Test
    void linkDumpMatchesIpLink() throws Exception {
        String shown = NetnsLan.run("ip", "-n", h1.name(), "link", "show", "dev", "eth0").requireSuccess("ip link").output();
        Matcher mac = Pattern.compile("link/ether ([0-9a-f:]{17})").matcher(shown);
        assertThat(mac.find()).isTrue();
        try (Rtnetlink rt = rtnetlink()) {
            LinkInfo eth0 = rt.link("eth0").orElseThrow();
            assertThat(eth0.index()).isEqualTo(eth0Index());
            assertThat(eth0.macString()).isEqualTo(mac.group(1));
            assertThat(HexFormat.ofDelimiter(":").formatHex(eth0.mac())).isEqualTo(mac.group(1));
            assertThat(eth0.up()).isTrue();
            assertThat(eth0.lowerUp()).isTrue();
            LinkInfo lo = rt.link("lo").orElseThrow();
            assertThat(lo.flags() & LinkInfo.IFF_LOOPBACK).isNotZero();
            assertThat(rt.link(eth0.index())).contains(eth0);
        }
    }

    @Test
    void linkDownAndUpProduceLinkChangedEvents() throws Exception {
        int index = eth0Index();
        try (Rtnetlink.Monitor monitor = ns1.call(Rtnetlink::openMonitor)) {
            lan.setLinkDown(h1);
            RtnetlinkEvent.LinkChanged down = awaitEvent(monitor, RtnetlinkEvent.LinkChanged.class,
                    e -> e.index() == index && !e.up());
            assertThat(down.name()).isEqualTo("eth0");
            assertThat(down.link().adminUp()).isFalse();

            lan.setLinkUp(h1);
            RtnetlinkEvent.LinkChanged up = awaitEvent(monitor, RtnetlinkEvent.LinkChanged.class,
                    e -> e.index() == index && e.up());
            assertThat(up.name()).isEqualTo("eth0");
            assertThat(up.link().lowerUp()).isTrue();
        }
    }

    @Test
    void bridgePortCutIsSeenAsCarrierLoss() throws Exception {
        int index = eth0Index();
        NetnsLan.Host h2 = lan.host(2);
        try (Rtnetlink.Monitor monitor = ns1.call(Rtnetlink::openMonitor)) {
            lan.cutBridgePort(h1);
            RtnetlinkEvent.LinkChanged lost = awaitEvent(monitor, RtnetlinkEvent.LinkChanged.class,
                    e -> e.index() == index && !e.up());
            assertThat(lost.link().adminUp()).isTrue(); // still administratively up: it is the carrier that went
            assertThat(lost.link().lowerUp()).isFalse();
            lan.healBridgePort(h1);
            awaitEvent(monitor, RtnetlinkEvent.LinkChanged.class, e -> e.index() == index && e.up());
        }
        assertThat(h2.name()).isNotEqualTo(h1.name());
    }

    @Test
    void addressChangesProduceAddressEvents() throws Exception {
        int index = eth0Index();
        InetAddress v4 = InetAddress.getByName("10.199.12.201");
        InetAddress v6 = InetAddress.getByName("fd00:199:12::201");
        try (Rtnetlink.Monitor monitor = ns1.call(Rtnetlink::openMonitor)) {
            NetnsLan.run("ip", "-n", h1.name(), "addr", "add", "10.199.12.201/32", "dev", "eth0").requireSuccess("add");
            RtnetlinkEvent.AddressAdded added = awaitEvent(monitor, RtnetlinkEvent.AddressAdded.class,
                    e -> e.address().equals(v4));
            assertThat(added.index()).isEqualTo(index);
            assertThat(added.prefixLength()).isEqualTo(32);

            NetnsLan.run("ip", "-n", h1.name(), "addr", "add", "fd00:199:12::201/128", "dev", "eth0", "nodad")
                    .requireSuccess("add6");
            awaitEvent(monitor, RtnetlinkEvent.AddressAdded.class, e -> e.address().equals(v6));

            NetnsLan.run("ip", "-n", h1.name(), "addr", "del", "10.199.12.201/32", "dev", "eth0").requireSuccess("del");
            RtnetlinkEvent.AddressRemoved removed = awaitEvent(monitor, RtnetlinkEvent.AddressRemoved.class,
                    e -> e.address().equals(v4));
            assertThat(removed.index()).isEqualTo(index);
            NetnsLan.run("ip", "-n", h1.name(), "addr", "del", "fd00:199:12::201/128", "dev", "eth0").requireSuccess("del6");
            awaitEvent(monitor, RtnetlinkEvent.AddressRemoved.class, e -> e.address().equals(v6));
        }
    }

    /** Reads events until one of the type matches; fails after 10 s. Events seen on the way are ignored. */
    private static <E extends RtnetlinkEvent> E awaitEvent(Rtnetlink.Monitor monitor, Class<E> type,
            Predicate<E> match) throws LinuxException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<RtnetlinkEvent> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            for (RtnetlinkEvent e : monitor.next(500)) {
                seen.add(e);
                if (type.isInstance(e) && match.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " within 10 s; saw " + seen);
    }
}
