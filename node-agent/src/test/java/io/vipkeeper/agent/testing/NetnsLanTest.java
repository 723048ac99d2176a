package io.vipkeeper.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: hosts reach each other over the bridge, a cut port partitions, close() leaves nothing. */
class NetnsLanTest {

    private static List<String> namespaces() {
        return NetnsLan.run("ip", "netns", "list").output().lines().map(l -> l.split("\\s+")[0]).toList();
    }

    private static boolean ping(NetnsLan lan, NetnsLan.Host from, String to) {
        return lan.exec(from, "ping", "-c", "1", "-W", "2", to).exitCode() == 0;
    }

    @Test
    void hostsTalkPartitionHealAndEverythingIsDeletedOnClose() {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        Prerequisites.requireCommand("ping");
        Prerequisites.requireCommand("keepalived");
        List<String> created;
        NetnsLan.Daemon keepalived;
        try (NetnsLan lan = NetnsLan.create(3, 19)) {
            NetnsLan.Host h1 = lan.host(1);
            NetnsLan.Host h3 = lan.host(3);
            created = lan.hosts().stream().map(NetnsLan.Host::name).toList();
            assertThat(namespaces()).contains(lan.bridgeNamespace()).containsAll(created);
            assertThat(h1.name()).startsWith(NetnsLan.PREFIX);
            assertThat(h3.ipv4().getHostAddress()).isEqualTo("10.199.19.3");

            assertThat(ping(lan, h1, "10.199.19.3")).isTrue();
            assertThat(ping(lan, h1, "fd00:199:19::3")).isTrue();
            // addresses exist only inside the LAN: the bridge namespace has none of them
            assertThat(lan.exec(lan.bridgeNamespace(), "ip", "addr").output()).doesNotContain("10.199.19.");

            lan.cutBridgePort(h3);
            assertThat(ping(lan, h1, "10.199.19.3")).isFalse();
            lan.healBridgePort(h3);
            assertThat(ping(lan, h1, "10.199.19.3")).isTrue();

            lan.setLinkDown(h1);
            assertThat(lan.exec(h1, "ip", "link", "show", "eth0").output()).contains("state DOWN");
            lan.setLinkUp(h1);
            keepalived = lan.startKeepalived(h1, "global_defs {\n    router_id vkl-harness\n}\n");
            assertThat(keepalived.isAlive()).isTrue();
        }
        assertThat(namespaces()).doesNotContainAnyElementsOf(created);
        // whatever ran inside was killed with the LAN
        assertThat(keepalived.isAlive()).isFalse();
    }
}
