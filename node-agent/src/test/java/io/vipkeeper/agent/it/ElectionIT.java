package io.vipkeeper.agent.it;

import static io.vipkeeper.agent.it.InstanceYaml.file;
import static io.vipkeeper.agent.it.InstanceYaml.instance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two real agents on one LAN elect a Master (RFC 9568 §6.4): by priority, by primary address on equal priority,
 * with and without preemption, and with a preempt delay. VRRPv3 at 100 ms adverts.
 */
class ElectionIT extends AgentItSupport {

    private InstanceYaml vi1(int priority) {
        return instance("VI_1").priority(priority).address(vip4(100) + "/24");
    }

    @Test
    void higherPriorityBecomesMasterAndHoldsTheVip() {
        AgentProcess low = agent(1, file(vi1(100)));
        AgentProcess high = agent(2, file(vi1(150)));

        awaitMasterAndBackup(high, low, "VI_1", vip4(100));
        assertThat(low.instance("VI_1").path("masterPriority").asInt()).isEqualTo(150);
        assertThat(high.instance("VI_1").path("effectivePriority").asInt()).isEqualTo(150);
    }

    /**
     * RFC 9568 §6.4.3 (650): a Master that hears an equal priority from a greater primary address yields. Both
     * agents start cut off from each other (both become Master), then the LAN heals: the one with the greater
     * address (host 2) must be the only Master.
     */
    @Test
    void equalPriorityIsWonByTheHigherPrimaryAddress() {
        lan.partition(lan.host(1));
        lan.partition(lan.host(2));
        AgentProcess lower = agent(1, file(vi1(100)));
        AgentProcess higher = agent(2, file(vi1(100)));
        awaitState(lower, "VI_1", "MASTER");
        awaitState(higher, "VI_1", "MASTER");

        lan.heal(lan.host(1));
        lan.heal(lan.host(2));

        awaitMasterAndBackup(higher, lower, "VI_1", vip4(100));
        assertThat(lower.states("VI_1")).as(lower::describe).endsWith("MASTER", "BACKUP");
        assertThat(higher.states("VI_1")).as(higher::describe).containsExactly("BACKUP", "MASTER");
    }

    @Test
    void aHigherPriorityAgentStartedLatePreempts() {
        AgentProcess first = agent(1, file(vi1(100)));
        awaitState(first, "VI_1", "MASTER");
        awaitVipOnlyOn(vip4(100), lan.host(1));

        AgentProcess late = agent(2, file(vi1(150)));

        awaitMasterAndBackup(late, first, "VI_1", vip4(100));
        assertThat(first.states("VI_1")).as(first::describe).endsWith("MASTER", "BACKUP");
        assertThat(late.states("VI_1")).as(late::describe).containsExactly("BACKUP", "MASTER");
    }

    @Test
    void withoutPreemptionTheHigherPriorityAgentStaysBackup() {
        AgentProcess first = agent(1, file(vi1(100)));
        awaitState(first, "VI_1", "MASTER");

        AgentProcess late = agent(2, file(vi1(150).preempt(false)));

        // 30 adverts of the lower-priority Master heard (3 s of protocol time) and it never took over
        eventually("h2 hears 30 adverts", () -> assertThat(late.instance("VI_1").path("advertsReceived").asLong())
                .isGreaterThanOrEqualTo(30));
        JsonNode seen = late.instance("VI_1");
        assertThat(seen.path("state").asText()).isEqualTo("BACKUP");
        assertThat(seen.path("masterAddress").asText()).isEqualTo(lan.host(1).ipv4());
        assertThat(seen.path("masterPriority").asInt()).isEqualTo(100);
        assertThat(late.states("VI_1")).as(late::describe).containsExactly("BACKUP");
        assertThat(first.state("VI_1")).isEqualTo("MASTER");
        assertVipOnlyOn(vip4(100), lan.host(1));
    }

    /**
     * preemptDelay: the late higher-priority agent first follows the lower Master (still BACKUP after hearing
     * several of its adverts), then takes over once the delay has run out.
     */
    @Test
    void withAPreemptDelayTheLateAgentTakesOverOnlyAfterTheDelay() {
        AgentProcess first = agent(1, file(vi1(100)));
        awaitState(first, "VI_1", "MASTER");

        AgentProcess late = agent(2, file(vi1(150).preemptDelay("4s")));

        // Without a delay it would preempt on the first advert it hears; with 4 s it must still be BACKUP
        // after 5 adverts.
        AtomicReference<JsonNode> whileDelaying = new AtomicReference<>();
        eventually("h2 hears 5 adverts", () -> {
            JsonNode i = late.instance("VI_1");
            assertThat(i.path("advertsReceived").asLong()).isGreaterThanOrEqualTo(5);
            whileDelaying.set(i);
        });
        assertThat(whileDelaying.get().path("state").asText()).as(late::describe).isEqualTo("BACKUP");
        assertThat(whileDelaying.get().path("masterAddress").asText()).isEqualTo(lan.host(1).ipv4());

        awaitMasterAndBackup(late, first, "VI_1", vip4(100));
        assertThat(late.states("VI_1")).as(late::describe).containsExactly("BACKUP", "MASTER");
        assertThat(late.instance("VI_1").path("advertsReceived").asLong())
                .isGreaterThan(whileDelaying.get().path("advertsReceived").asLong());
    }

    /**
     * Two agents over IPv6 (VRRPv3 to ff02::12 from their link-local addresses, a global VIP): the Backup follows
     * the Master's link-local address and takes over when it is killed.
     */
    @Test
    void ipv6AgentsElectByPriorityAndTheBackupTakesOver() throws Exception {
        String vip = vip6(0x100);
        AgentProcess high = agent(1, file(instance("VI_6").priority(150).address(vip + "/64")));
        AgentProcess low = agent(2, file(instance("VI_6").priority(100).address(vip + "/64")));

        awaitState(high, "VI_6", "MASTER");
        awaitState(low, "VI_6", "BACKUP");
        java.net.InetAddress highLinkLocal = java.net.InetAddress.getByName(lan.linkLocal(lan.host(1)));
        eventually("h2 follows h1's link-local address", () -> {
            String master = low.instance("VI_6").path("masterAddress").asText();
            int scope = master.indexOf('%');
            assertThat(java.net.InetAddress.getByName(scope < 0 ? master : master.substring(0, scope)))
                    .isEqualTo(highLinkLocal);
            assertThat(low.instance("VI_6").path("masterPriority").asInt()).isEqualTo(150);
        });
        awaitVipOnlyOn(vip, lan.host(1));

        high.kill9();
        awaitState(low, "VI_6", "MASTER");
        eventually("VIP on h2", () -> assertThat(lan.hasAddress(lan.host(2), vip)).isTrue());
    }
}
