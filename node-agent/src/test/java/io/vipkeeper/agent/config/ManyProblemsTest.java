package io.vipkeeper.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** A file with many mistakes is refused once, with all of them, in file order. */
class ManyProblemsTest {

    @Test
    void everyProblemOfTheFileIsReportedInFileOrder() {
        String yaml = """
                instances:
                  - name: VI_1
                    interface: eth0
                    virtualRouterId: 300
                    priority: 100
                    advertisementInterval: 15ms
                    addresses: [10.0.0.1/24, "fd00::1/64"]
                    colour: blue
                    checks:
                      - {name: c, exec: {command: [c.sh]}, fall: 0, rise: 0}
                      - {name: d, tcp: {port: 70000}}
                    notify:
                      webhook: {url: "ftp://x"}
                  - name: VI_1
                    interface: eth0
                    virtualRouterId: 52
                    priority: 0
                    addresses: [10.0.0.2/24]
                    unicastPeers: ["fd00::9"]
                syncGroups:
                  - {name: G1, members: [VI_1, VI_3]}
                """;

        ConfigException refused = catchThrowableOfType(ConfigException.class,
                () -> AgentConfigLoader.parse(yaml, "many.yaml"));

        assertThat(refused.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.path()).containsExactly(
                "4:22 instances[0].virtualRouterId",
                "6:28 instances[0].advertisementInterval",
                "7:30 instances[0].addresses[1]",
                "8:5 instances[0].colour",
                "10:50 instances[0].checks[0].fall",
                "10:59 instances[0].checks[0].rise",
                "11:31 instances[0].checks[1].tcp.port",
                "13:22 instances[0].notify.webhook.url",
                "14:11 instances[1].name",
                "17:15 instances[1].priority",
                "19:20 instances[1].unicastPeers[0]",
                "21:32 syncGroups[0].members[1]");
        assertThat(refused.getMessage().lines()).hasSize(12).first()
                .isEqualTo("many.yaml:4:22: instances[0].virtualRouterId: 'virtualRouterId' must be in 1..255, not 300");
        assertThat(refused.getMessage()).contains(
                "many.yaml:8:5: instances[0].colour: unknown key 'colour'",
                "many.yaml:14:11: instances[1].name: instance name 'VI_1' is already used by instances[0]",
                "many.yaml:21:32: syncGroups[0].members[1]: no instance is named 'VI_3'");
    }

    @Test
    void aSyntaxErrorStopsBeforeTheRulesSoItIsNotBuriedInNoise() {
        ConfigException refused = catchThrowableOfType(ConfigException.class,
                () -> AgentConfigLoader.parse("instances:\n  - name: [unclosed\n  colour: x\n", "s.yaml"));

        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("YAML syntax error");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void onlyTrueAndFalseAreBooleans() {
        ConfigException refused = catchThrowableOfType(ConfigException.class,
                () -> AgentConfigLoader.parse("""
                        instances:
                          - {name: a, interface: eth0, virtualRouterId: 1, priority: 100, addresses: [192.0.2.1/32],
                             preempt: "true", startAsBackup: 1, checksumWithPseudoHeader: yes}
                        """, "b.yaml"));

        assertThat(refused.problems()).extracting(ConfigProblem::message).containsExactly(
                "'preempt' must be true or false, not the text 'true'",
                "'startAsBackup' must be true or false, not the number 1",
                "write true or false, not 'yes' (quote it if it is meant as text)");
    }

    @Test
    void yamlOneOneBooleanWordsAreNotTakenForTextOrBooleans() {
        ConfigException refused = catchThrowableOfType(ConfigException.class,
                () -> AgentConfigLoader.parse("""
                        instances:
                          - {name: no, interface: eth0, virtualRouterId: 1, priority: 100, addresses: [192.0.2.1/32]}
                        """, "n.yaml"));

        assertThat(refused.problems()).extracting(p -> p.line() + ":" + p.column() + " " + p.message()).containsExactly(
                "2:12 write true or false, not 'no' (quote it if it is meant as text)",
                "2:12 'name' must be text, not the boolean false");
    }

    @Test
    void theMessageFormatIsFileLineColumnPathMessage() {
        assertThat(new ConfigProblem("a.yaml", 3, 7, "instances[0].priority", "too high"))
                .hasToString("a.yaml:3:7: instances[0].priority: too high");
        assertThat(new ConfigProblem("a.yaml", 1, 1, "", "YAML syntax error: x")).hasToString("a.yaml:1:1: YAML syntax error: x");
        assertThat(new ConfigProblem("a.yaml", 0, 0, "", "cannot read the file")).hasToString("a.yaml: cannot read the file");
    }
}
