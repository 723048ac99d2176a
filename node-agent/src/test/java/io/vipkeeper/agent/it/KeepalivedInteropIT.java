package io.vipkeeper.agent.it;

import static io.vipkeeper.agent.it.InstanceYaml.file;
import static io.vipkeeper.agent.it.InstanceYaml.instance;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.testing.Prerequisites;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The agent and Debian's keepalived on one LAN, as peers of one virtual router, in each direction of takeover:
 *
 * <ol>
 *   <li>keepalived (priority 150) is Master; the agent (120) starts and follows it as Backup; keepalived stops
 *       (SIGTERM: priority 0, VIP removed; or, for IPv6 and unicast, kill -9: the agent times out from
 *       keepalived's advertised interval) and the agent takes over the VIP;</li>
 *   <li>keepalived starts again at priority 100 and follows the agent as Backup; the agent is killed (kill -9:
 *       no priority 0, keepalived must time out from the agent's advertised interval) and keepalived takes
 *       over.</li>
 * </ol>
 *
 * <p>For VRRPv3 over IPv4 (100 ms adverts), VRRPv3 over IPv6 (100 ms), VRRPv2 over IPv4 (1 s) and VRRPv3 unicast
 * over IPv4 (keepalived's {@code unicast_src_ip} / {@code unicast_peer}). keepalived's log must show no complaint
 * about any packet.
 */
class KeepalivedInteropIT extends AgentItSupport {

    /** One protocol variant. */
    enum Variant {
        V3_IPV4(3, false, false, "100ms", "0.1", false),
        V3_IPV6(3, true, false, "100ms", "0.1", true),
        V2_IPV4(2, false, false, "1s", "1", false),
        V3_IPV4_UNICAST(3, false, true, "100ms", "0.1", true);

        final int version;
        final boolean ipv6;
        final boolean unicast;
        final String agentInterval;
        final String keepalivedInterval;
        /** Phase 1 ends keepalived with kill -9 (the agent times out) rather than SIGTERM (priority 0). */
        final boolean killKeepalivedHard;

        Variant(int version, boolean ipv6, boolean unicast, String agentInterval, String keepalivedInterval,
                boolean killKeepalivedHard) {
            this.version = version;
            this.ipv6 = ipv6;
            this.unicast = unicast;
            this.agentInterval = agentInterval;
            this.keepalivedInterval = keepalivedInterval;
            this.killKeepalivedHard = killKeepalivedHard;
        }
    }

    @Override
    int hostCount() {
        return 2;
    }

    private String vip(Variant v) {
        return v.ipv6 ? vip6(0x100) : vip4(100);
    }

    private String vipCidr(Variant v) {
        return vip(v) + (v.ipv6 ? "/64" : "/24");
    }

    private String agentYaml(Variant v) {
        InstanceYaml i = instance("VI_1").priority(120).address(vipCidr(v));
        if (v.version == 2) {
            i.v2(v.agentInterval);
        } else {
            i.interval(v.agentInterval);
        }
        if (v.unicast) {
            i.unicastPeer(lan.host(2).ipv4());
        }
        return file(i);
    }

    private String keepalivedConf(Variant v, int priority) {
        StringBuilder c = new StringBuilder();
        c.append("global_defs {\n  router_id h2\n  vrrp_garp_master_delay 0\n}\n");
        c.append("vrrp_instance VI_1 {\n");
        c.append("  state BACKUP\n  interface eth0\n  virtual_router_id 51\n");
        c.append("  priority ").append(priority).append('\n');
        c.append("  version ").append(v.version).append('\n');
        c.append("  advert_int ").append(v.keepalivedInterval).append('\n');
        if (v.unicast) {
            c.append("  unicast_src_ip ").append(lan.host(2).ipv4()).append('\n');
            c.append("  unicast_peer {\n    ").append(lan.host(1).ipv4()).append("\n  }\n");
        }
        c.append("  virtual_ipaddress {\n    ").append(vipCidr(v)).append(" dev eth0\n  }\n");
        c.append("}\n");
        return c.toString();
    }

    /** The address keepalived on h2 sends its adverts from: its IPv4 address, or its link-local IPv6 one. */
    private InetAddress keepalivedSource(Variant v) throws UnknownHostException {
        return InetAddress.getByName(v.ipv6 ? lan.linkLocal(lan.host(2)) : lan.host(2).ipv4());
    }

    private static InetAddress parse(String literal) throws UnknownHostException {
        int scope = literal.indexOf('%');
        return InetAddress.getByName(scope < 0 ? literal : literal.substring(0, scope));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void takeoverBothWaysWithKeepalived(Variant v) throws Exception {
        Prerequisites.requireCommand("keepalived");
        ItLan.Host h1 = lan.host(1);
        ItLan.Host h2 = lan.host(2);

        // 1. keepalived Master, agent Backup; keepalived stops and the agent takes over
        KeepalivedPeer keepalived = closeLater(KeepalivedPeer.start(lan, h2, keepalivedConf(v, 150)));
        eventually("keepalived MASTER", () -> assertThat(keepalived.state("VI_1")).as(keepalived::output)
                .isEqualTo("MASTER"));
        awaitVipOnlyOn(vip(v), h2);

        AgentProcess agent = agent(1, agentYaml(v));
        awaitState(agent, "VI_1", "BACKUP");
        InetAddress keepalivedSource = keepalivedSource(v);
        eventually("agent follows keepalived", () -> {
            assertThat(parse(agent.instance("VI_1").path("masterAddress").asText())).isEqualTo(keepalivedSource);
            assertThat(agent.instance("VI_1").path("masterPriority").asInt()).isEqualTo(150);
            assertThat(agent.instance("VI_1").path("advertsReceived").asLong()).isGreaterThanOrEqualTo(3);
        });
        assertThat(keepalived.state("VI_1")).isEqualTo("MASTER");
        assertVipOnlyOn(vip(v), h2);

        if (v.killKeepalivedHard) {
            keepalived.close(); // kill -9 of all its processes: its VIP stays on h2, no priority 0
            awaitState(agent, "VI_1", "MASTER");
            eventually("VIP on h1", () -> assertThat(lan.hasAddress(h1, vip(v))).isTrue());
            lan.exec(h2.namespace(), "ip", "addr", "del", vipCidr(v), "dev", "eth0").requireSuccess("clean h2");
        } else {
            keepalived.stop();
            awaitState(agent, "VI_1", "MASTER");
            awaitVipOnlyOn(vip(v), h1);
        }
        assertThat(agent.states("VI_1")).as(agent::describe).containsExactly("BACKUP", "MASTER");
        assertThat(keepalived.complaints()).as(keepalived::output).isEmpty();

        // 2. keepalived Backup behind the agent; the agent is killed and keepalived takes over
        KeepalivedPeer backup = closeLater(KeepalivedPeer.start(lan, h2, keepalivedConf(v, 100)));
        eventually("keepalived BACKUP", () -> assertThat(backup.state("VI_1")).as(backup::output)
                .isEqualTo("BACKUP"));
        long sent = agent.instance("VI_1").path("advertsSent").asLong();
        // keepalived has heard the agent for a while (10 more adverts) and stayed Backup
        eventually("agent keeps advertising", () -> assertThat(agent.instance("VI_1").path("advertsSent").asLong())
                .isGreaterThanOrEqualTo(sent + 10));
        assertThat(backup.state("VI_1")).as(backup::output).isEqualTo("BACKUP");
        assertThat(agent.state("VI_1")).isEqualTo("MASTER");
        assertVipOnlyOn(vip(v), h1);

        agent.kill9();
        eventually("keepalived takes over", () -> assertThat(backup.state("VI_1")).as(backup::output)
                .isEqualTo("MASTER"));
        eventually("VIP on h2", () -> assertThat(lan.hasAddress(h2, vip(v))).isTrue());
        assertThat(backup.complaints()).as(backup::output).isEmpty();
        assertThat(backup.output()).as(backup::output).containsSubsequence("Entering BACKUP STATE",
                "Entering MASTER STATE");
    }

    /**
     * The complaint check is not vacuous: an agent whose VRRPv3 checksum leaves out the pseudo-header
     * ({@code checksumWithPseudoHeader: false}) against a default keepalived is refused by it — keepalived logs it
     * (and the log check sees it) and, deaf to the agent, becomes Master too.
     */
    @org.junit.jupiter.api.Test
    void keepalivedComplainsAboutAnAdvertItCannotVerify() {
        Prerequisites.requireCommand("keepalived");
        AgentProcess agent = agent(1, file(instance("VI_1").priority(150).address(vip4(100) + "/24")
                .checksumWithPseudoHeader(false)));
        awaitState(agent, "VI_1", "MASTER");
        KeepalivedPeer keepalived = closeLater(KeepalivedPeer.start(lan, lan.host(2),
                keepalivedConf(Variant.V3_IPV4, 100)));
        eventually("keepalived complains", () -> assertThat(keepalived.complaints()).as(keepalived::output)
                .isNotEmpty());
        eventually("keepalived MASTER too", () -> assertThat(keepalived.state("VI_1")).isEqualTo("MASTER"));
    }
}
