package io.vipkeeper.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of bad files: each is refused with exactly one problem, at the line and column where the mistake is
 * written, naming the path, with a reason in plain words.
 */
class BadConfigTest {

    /** One bad file and the one problem expected. */
    record Case(String yaml, int line, int column, String path, String fragment) {}

    private static Arguments bad(String name, String yaml, int line, int column, String path, String fragment) {
        return Arguments.of(Named.of(name, new Case(yaml, line, column, path, fragment)));
    }

    /** A valid instance whose last line is line 6; cases append their key on line 7. */
    private static final String BASE = """
            instances:
              - name: VI_1
                interface: eth0
                virtualRouterId: 51
                priority: 100
                addresses: [10.99.0.100/24]
            """;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("misspelled key", BASE + "    priorty: 100\n",
                        7, 5, "instances[0].priorty", "unknown key 'priorty'; did you mean 'priority'?"),
                bad("unknown top-level key", "global_defs: {}\n" + BASE,
                        1, 1, "global_defs", "unknown key 'global_defs'"),
                bad("priority is text", BASE.replace("priority: 100", "priority: high"),
                        5, 15, "instances[0].priority", "must be a whole number, not the text 'high'"),
                bad("priority 0", BASE.replace("priority: 100", "priority: 0"),
                        5, 15, "instances[0].priority", "'priority' must be in 1..255, not 0"),
                bad("VRID 256", BASE.replace("virtualRouterId: 51", "virtualRouterId: 256"),
                        4, 22, "instances[0].virtualRouterId", "must be in 1..255, not 256"),
                bad("version 4", BASE + "    version: 4\n",
                        7, 14, "instances[0].version", "'version' must be in 2..3, not 4"),
                bad("missing interface", BASE.replace("    interface: eth0\n", ""),
                        2, 5, "instances[0]", "'interface' is missing"),
                bad("interface name too long", BASE.replace("eth0", "a-very-long-interface-name"),
                        3, 16, "instances[0].interface", "not a Linux interface name"),
                bad("v2 with IPv6", BASE.replace("10.99.0.100/24", "fd00::1/64") + "    version: 2\n",
                        7, 14, "instances[0].version", "VRRP version 2 carries IPv4 addresses only"),
                bad("v2 fractional interval", BASE + "    version: 2\n    advertisementInterval: 1.5s\n",
                        8, 28, "instances[0].advertisementInterval", "whole seconds, 1s..255s"),
                bad("v3 interval not whole centiseconds", BASE + "    advertisementInterval: 15ms\n",
                        7, 28, "instances[0].advertisementInterval", "whole centiseconds, 10ms..40.95s"),
                bad("v3 interval above 40.95s", BASE + "    advertisementInterval: 41s\n",
                        7, 28, "instances[0].advertisementInterval", "not 41s"),
                bad("interval without a unit", BASE + "    advertisementInterval: 1\n",
                        7, 28, "instances[0].advertisementInterval", "must be a duration with a unit"),
                bad("address without prefix", BASE.replace("10.99.0.100/24", "10.99.0.100"),
                        6, 17, "instances[0].addresses[0]", "has no prefix length"),
                bad("prefix 33", BASE.replace("10.99.0.100/24", "10.99.0.100/33"),
                        6, 17, "instances[0].addresses[0]", "prefix length '33'; it must be 0..32"),
                bad("shortened IPv4", BASE.replace("10.99.0.100/24", "10.1/24"),
                        6, 17, "instances[0].addresses[0]", "is not an IPv4 address"),
                bad("mixed families", BASE.replace("[10.99.0.100/24]", "[10.99.0.100/24, fd00::1/64]"),
                        6, 33, "instances[0].addresses[1]", "one address family per instance"),
                bad("no addresses", BASE.replace("[10.99.0.100/24]", "[]"),
                        6, 16, "instances[0].addresses", "needs at least one virtual address"),
                bad("multicast VIP", BASE.replace("10.99.0.100/24", "224.0.0.18/32"),
                        6, 17, "instances[0].addresses[0]", "is a multicast address"),
                bad("peer of the other family", BASE + "    unicastPeers: [\"fd00::2\"]\n",
                        7, 20, "instances[0].unicastPeers[0]", "is IPV6 but the instance's addresses are IPV4"),
                bad("peer with a zone id", BASE + "    unicastPeers: [\"fe80::2%eth0\"]\n",
                        7, 20, "instances[0].unicastPeers[0]", "has a zone id"),
                bad("checksum false with v2", BASE + "    version: 2\n    checksumWithPseudoHeader: false\n",
                        8, 31, "instances[0].checksumWithPseudoHeader", "only meaningful for VRRP version 3 over IPv4"),
                bad("owner starting as backup", BASE.replace("priority: 100", "priority: 255")
                        + "    startAsBackup: true\n",
                        7, 20, "instances[0].startAsBackup", "always starts as MASTER"),
                bad("preemptDelay above 1000s", BASE + "    preemptDelay: 1001s\n",
                        7, 19, "instances[0].preemptDelay", "at most 1000s"),
                bad("owner that would not preempt", BASE.replace("priority: 100", "priority: 255")
                                + "    preempt: false\n",
                        7, 14, "instances[0].preempt", "always preempts"),
                bad("preemptDelay without preempting", BASE + "    preempt: false\n    preemptDelay: 5s\n",
                        8, 19, "instances[0].preemptDelay", "no effect with 'preempt: false'"),
                bad("negative duration", BASE + "    preemptDelay: -1s\n",
                        7, 19, "instances[0].preemptDelay", "expected a decimal number first"),
                bad("announcement repeat 0", BASE + "    announcements: {repeat: 0}\n",
                        7, 29, "instances[0].announcements.repeat", "'repeat' must be in 1..100, not 0"),
                bad("refresh faster than 1s", BASE + "    announcements:\n      refreshInterval: 500ms\n",
                        8, 24, "instances[0].announcements.refreshInterval", "0s (no refresh) or at least 1s"),
                bad("duplicate instance name", BASE + BASE.substring(BASE.indexOf("  - name"))
                                .replace("virtualRouterId: 51", "virtualRouterId: 52"),
                        7, 11, "instances[1].name", "instance name 'VI_1' is already used by instances[0]"),
                bad("same VRID on the same interface and family", BASE + BASE.substring(BASE.indexOf("  - name"))
                                .replace("VI_1", "VI_2").replace("10.99.0.100", "10.99.0.101"),
                        9, 22, "instances[1].virtualRouterId", "virtualRouterId 51 on eth0 (IPV4) is already used"),
                bad("check with two probes", BASE + """
                            checks:
                              - name: c
                                exec: {command: [c.sh]}
                                tcp: {port: 80}
                        """,
                        8, 9, "instances[0].checks[0]", "exactly one of exec, http, tcp; this one has exec and tcp"),
                bad("check with no probe", BASE + "    checks: [{name: c}]\n",
                        7, 14, "instances[0].checks[0]", "this one has none"),
                bad("check fall 0", BASE + "    checks: [{name: c, exec: {command: [c.sh]}, fall: 0}]\n",
                        7, 55, "instances[0].checks[0].fall", "'fall' must be in 1..255, not 0"),
                bad("check weight 254", BASE + "    checks: [{name: c, exec: {command: [c.sh]}, weight: 254}]\n",
                        7, 57, "instances[0].checks[0].weight", "must be in -253..253, not 254"),
                bad("unknown key in a check", BASE + """
                            checks:
                              - name: c
                                script: c.sh
                        """,
                        9, 9, "instances[0].checks[0].script", "unknown key 'script'"),
                bad("check fall written as text", BASE + "    checks: [{name: c, tcp: {port: 1}, fall: \"2\"}]\n",
                        7, 46, "instances[0].checks[0].fall", "must be a whole number, not the text '2'"),
                bad("duplicate check names", BASE + """
                            checks:
                              - {name: c, tcp: {port: 1}}
                              - {name: c, tcp: {port: 2}}
                        """,
                        9, 16, "instances[0].checks[1].name", "check name 'c' is already used by checks[0]"),
                bad("http scheme in lower case", BASE + "    checks: [{name: h, http: {port: 1, scheme: https}}]\n",
                        7, 48, "instances[0].checks[0].http.scheme", "'https' is not one of HTTP, HTTPS"),
                bad("http port missing", BASE + "    checks: [{name: h, http: {path: /}}]\n",
                        7, 30, "instances[0].checks[0].http", "'port' is missing"),
                bad("exec command with ..", BASE + "    checks: [{name: c, exec: {command: [../bin/sh]}}]\n",
                        7, 41, "instances[0].checks[0].exec.command[0]", "has a '..' segment"),
                bad("webhook with ftp", BASE + "    notify: {webhook: {url: \"ftp://example.com/x\"}}\n",
                        7, 29, "instances[0].notify.webhook.url", "must start with http:// or https://"),
                bad("notify exec without a command", BASE + "    notify: {exec: {command: []}}\n",
                        7, 30, "instances[0].notify.exec.command", "needs at least the program"),
                bad("unknown notify kind", BASE + "    notify: {script: x.sh}\n",
                        7, 14, "instances[0].notify.script", "unknown key 'script'"),
                bad("sync group member unknown", BASE + "syncGroups: [{name: G1, members: [VI_1, VI_9]}]\n",
                        7, 41, "syncGroups[0].members[1]", "no instance is named 'VI_9'"),
                bad("instance in two sync groups", BASE + """
                        syncGroups:
                          - {name: G1, members: [VI_1]}
                          - {name: G2, members: [VI_1]}
                        """,
                        9, 26, "syncGroups[1].members[0]", "already a member of sync group 'G1'"),
                bad("duplicate key", BASE + "    priority: 101\n",
                        7, 5, "instances[0].priority", "key 'priority' appears twice in the same mapping (first on line 5)"),
                bad("YAML syntax error", BASE + "   bad: [unclosed\n",
                        7, 4, "", "YAML syntax error"),
                bad("empty file", "# nothing here\n",
                        0, 0, "", "the file is empty"),
                bad("a list at the top", "- name: VI_1\n",
                        1, 1, "", "the file must be a mapping"),
                bad("no instances", "instances: []\n",
                        1, 12, "instances", "needs at least one instance"),
                bad("a YAML alias", BASE + "    checks: &common []\n  - {name: b, interface: eth0, virtualRouterId: 2,"
                                + " priority: 100, addresses: [10.0.0.2/24], checks: *common}\n",
                        8, 101, "instances[1].checks", "YAML aliases (*common) are not supported"),
                bad("a second document", BASE + "---\ninstances: []\n",
                        8, 1, "", "more than one YAML document"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void isRefusedWithOneLocatedProblem(Case bad) {
        ConfigException refused = catchThrowableOfType(ConfigException.class,
                () -> AgentConfigLoader.parse(bad.yaml(), "bad.yaml"));

        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.problems()).as(refused.getMessage()).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo("bad.yaml");
            assertThat(problem.message()).contains(bad.fragment());
            assertThat(problem.path()).isEqualTo(bad.path());
            assertThat(problem.line()).as("line").isEqualTo(bad.line());
            assertThat(problem.column()).as("column").isEqualTo(bad.column());
        });
    }
}
