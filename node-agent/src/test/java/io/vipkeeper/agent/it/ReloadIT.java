package io.vipkeeper.agent.it;

import static io.vipkeeper.agent.it.InstanceYaml.file;
import static io.vipkeeper.agent.it.InstanceYaml.instance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vipkeeper.agent.testing.Prerequisites;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SIGHUP reload (DESIGN §3): an unchanged instance keeps its state and VIP without a transition — nothing about it
 * changes on the wire either — while an added instance starts; a bad file is refused and the running configuration
 * stays.
 */
class ReloadIT extends AgentItSupport {

    private InstanceYaml vi1(int priority) {
        // no second announcement burst: any gratuitous ARP for .100 after the reload would be a restart
        return instance("VI_1").priority(priority).address(vip4(100) + "/24")
                .announcements("{secondBurstDelay: 0s}");
    }

    private InstanceYaml vi2() {
        return instance("VI_2").vrid(52).priority(150).address(vip4(101) + "/24");
    }

    @Test
    void anUnchangedInstanceKeepsItsStateWhileAnAddedOneStarts() {
        Prerequisites.requireCommand("tshark");
        AgentProcess a = agent(1, file(vi1(150)));
        AgentProcess b = agent(2, file(vi1(100)));
        awaitMasterAndBackup(a, b, "VI_1", vip4(100));
        JsonNode before = a.instance("VI_1");
        long backupTransitions = b.instance("VI_1").path("transitions").asLong();

        TsharkCapture wire = closeLater(TsharkCapture.start(lan, lan.bridgeNamespace(), "ip proto 112 or arp", "p1"));
        a.writeConfig(file(vi1(150), vi2()));
        a.signal("HUP");

        awaitState(a, "VI_2", "MASTER");
        awaitVipOnlyOn(vip4(101), lan.host(1));
        eventually("reload logged", () -> assertThat(a.stdout()).contains("reloaded"));
        JsonNode after = a.instance("VI_1");
        assertThat(after.path("state").asText()).isEqualTo("MASTER");
        assertThat(after.path("transitions").asLong()).as(a::describe).isEqualTo(before.path("transitions").asLong());
        assertThat(after.path("lastTransition").asText()).isEqualTo(before.path("lastTransition").asText());
        assertThat(after.path("advertsSent").asLong()).isGreaterThan(before.path("advertsSent").asLong());
        assertThat(b.instance("VI_1").path("transitions").asLong()).isEqualTo(backupTransitions);
        assertThat(b.state("VI_1")).isEqualTo("BACKUP");
        assertVipOnlyOn(vip4(100), lan.host(1));
        assertThat(a.transitions().stream().filter(t -> t.instance().equals("VI_1")).map(t -> t.to()).toList())
                .containsExactly("BACKUP", "MASTER");

        wire.stop();
        List<Map<String, String>> packets = wire.fields("vrrp or arp", List.of(), "ip.src", "vrrp.virt_rtr_id",
                "vrrp.prio", "arp.src.proto_ipv4");
        String h1 = lan.host(1).ipv4();
        assertThat(packets).as("VI_1 from h1: never priority 0, only 150:\n" + wire.summary())
                .filteredOn(p -> h1.equals(p.get("ip.src")) && "51".equals(p.get("vrrp.virt_rtr_id")))
                .isNotEmpty().allMatch(p -> "150".equals(p.get("vrrp.prio")));
        assertThat(packets).as("no new announcement of VI_1's address").noneMatch(p -> vip4(100).equals(
                p.get("arp.src.proto_ipv4")));
        assertThat(packets).as("VI_2 announced its address").anyMatch(p -> vip4(101).equals(
                p.get("arp.src.proto_ipv4")));
    }

    @Test
    void aBadFileOnReloadIsRefusedAndTheAgentKeepsRunning() {
        AgentProcess a = agent(1, file(vi1(150)));
        awaitState(a, "VI_1", "MASTER");
        long transitions = a.instance("VI_1").path("transitions").asLong();

        a.writeConfig("""
                instances:
                  - name: VI_1
                    interface: eth0
                    virtualRouterId: 51
                    priority: 999
                    addresses: [%s/24]
                """.formatted(vip4(100)));
        a.signal("HUP");

        eventually("reload refused", () -> assertThat(a.stdout()).contains("reload refused")
                .contains(a.configFile() + ":5:"));
        assertThat(a.isAlive()).isTrue();
        // the snapshot keeps coming (at least once a second) with the old instance, unchanged
        long sent = a.instance("VI_1").path("advertsSent").asLong();
        eventually("still advertising", () -> assertThat(a.instance("VI_1").path("advertsSent").asLong())
                .isGreaterThan(sent));
        assertThat(a.state("VI_1")).isEqualTo("MASTER");
        assertThat(a.instance("VI_1").path("basePriority").asInt()).isEqualTo(150);
        assertThat(a.instance("VI_1").path("transitions").asLong()).isEqualTo(transitions);
        assertVipOnlyOn(vip4(100), lan.host(1));

        // and a good file afterwards is taken
        a.writeConfig(file(vi1(150), vi2()));
        a.signal("HUP");
        awaitState(a, "VI_2", "MASTER");
        assertThat(a.instance("VI_1").path("transitions").asLong()).isEqualTo(transitions);
    }
}
