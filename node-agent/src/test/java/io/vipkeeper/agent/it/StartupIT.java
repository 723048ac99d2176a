package io.vipkeeper.agent.it;

import static io.vipkeeper.agent.it.InstanceYaml.file;
import static io.vipkeeper.agent.it.InstanceYaml.instance;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * How the agent starts: a restarted agent does not steal the VIP from a healthy Master and cleans up what a crash
 * left behind (DESIGN §3); a bad file is refused before anything on the host is touched.
 */
class StartupIT extends AgentItSupport {

    @Test
    void aLeftoverVipIsRemovedWhenTheAgentStartsAsBackupBehindAMaster() {
        AgentProcess master = agent(2, file(instance("VI_1").priority(150).address(vip4(100) + "/24")));
        awaitState(master, "VI_1", "MASTER");
        // what a kill -9 of an agent that was Master leaves on h1's interface
        lan.addAddress(lan.host(1), vip4(100) + "/24");
        assertThat(lan.hasAddress(lan.host(1), vip4(100))).isTrue();

        AgentProcess restarted = agent(1, file(instance("VI_1").priority(100).address(vip4(100) + "/24")));

        awaitMasterAndBackup(master, restarted, "VI_1", vip4(100));
        assertThat(restarted.states("VI_1")).as(restarted::describe).containsExactly("BACKUP");
        assertThat(master.states("VI_1")).as(master::describe).containsExactly("BACKUP", "MASTER");
    }

    /** Out of range: priority 300 on line 5. Through the launcher script, as an operator would run it. */
    @Test
    void aBadValueIsRefusedWithFileAndLineExitTwoAndTheInterfaceUntouched() throws Exception {
        ItLan.Host h1 = lan.host(1);
        String before = lan.addresses(h1);
        AgentProcess agent = preparedAgent(1, """
                instances:
                  - name: VI_1
                    interface: eth0
                    virtualRouterId: 51
                    priority: 300
                    advertisementInterval: 100ms
                    addresses: [%s/24]
                """.formatted(vip4(100)));

        agent.startWithLauncher();

        assertThat(agent.waitForExit(60)).as(agent::describe).isEqualTo(2);
        assertThat(agent.stderr()).as(agent::describe).contains(agent.configFile() + ":5:").contains("priority");
        assertThat(lan.addresses(h1)).isEqualTo(before);
        assertThat(Files.exists(agent.stateFile())).as("no state file").isFalse();
    }

    /** A YAML syntax error and an unknown key: both refused with their line, java -jar directly. */
    @Test
    void aSyntaxErrorOrAnUnknownKeyIsRefusedWithItsLine() throws Exception {
        ItLan.Host h1 = lan.host(1);
        String before = lan.addresses(h1);
        AgentProcess unknownKey = preparedAgent(1, """
                instances:
                  - name: VI_1
                    interface: eth0
                    virtualRouterId: 51
                    priority: 100
                    addresses: [%s/24]
                    preemtp: false
                """.formatted(vip4(100)));
        unknownKey.start();
        assertThat(unknownKey.waitForExit(60)).as(unknownKey::describe).isEqualTo(2);
        assertThat(unknownKey.stderr()).as(unknownKey::describe).contains(unknownKey.configFile() + ":7:")
                .contains("preemtp");

        AgentProcess syntax = preparedAgent(1, """
                instances:
                  - name: VI_1
                    interface: eth0
                    addresses: [%s/24
                """.formatted(vip4(100)));
        syntax.start();
        assertThat(syntax.waitForExit(60)).as(syntax::describe).isEqualTo(2);
        assertThat(syntax.stderr()).as(syntax::describe).contains(syntax.configFile().toString() + ":");
        assertThat(lan.addresses(h1)).isEqualTo(before);
    }
}
