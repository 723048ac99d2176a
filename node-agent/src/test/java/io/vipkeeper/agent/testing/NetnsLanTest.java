package io.vipkeeper.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The harness itself: hosts reach each other over the bridge, a cut port partitions, close() leaves nothing. */
class NetnsLanTest {

    private static List<String> namespaces() {
        return NetnsLan.run("ip", "netns", "list").output().lines().map(l -> l.split("\\s+")[0]).toList();
    }

    private static boolean ping(NetnsLan lan, NetnsLan.Host from, String to) {
        return lan.exec(from, "ping", "-c", "1", "-W", "2", to).exitCode() == 0;
    }

    /**
     * After a heal the port comes back asynchronously (carrier on the peer veth, the bridge's forwarding state, an
     * ARP entry left FAILED by the cut), so reachability is awaited, for a bounded number of pings.
     */
    private static boolean pingWithin(NetnsLan lan, NetnsLan.Host from, String to, int attempts) {
        for (int i = 0; i < attempts; i++) {
            if (ping(lan, from, to)) {
                return true;
            }
        }
        return false;
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
            assertThat(pingWithin(lan, h1, "10.199.19.3", 5)).isTrue();

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

    @Test
    void aJvmThatExitsWithoutClosingLeavesNothingBehind() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"),
                NetnsLanExitMain.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        List<String> made = output.lines().filter(l -> l.startsWith("BRIDGE ") || l.startsWith("HOST "))
                .map(l -> l.substring(l.indexOf(' ') + 1)).toList();
        assertThat(made).hasSize(2);
        assertThat(namespaces()).doesNotContainAnyElementsOf(made);
    }

    @Test
    void namespacesOfDeadRunsAreRemoved() {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        // pid 4194304 is above Linux's pid_max limit: no process can have it
        String stale = NetnsLan.PREFIX + "4194304-dead-h1";
        NetnsLan.run("ip", "netns", "add", stale).requireSuccess("ip netns add");
        assertThat(namespaces()).contains(stale);

        NetnsLan.removeStaleNamespaces();

        assertThat(namespaces()).doesNotContain(stale);
    }
}
