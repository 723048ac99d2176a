package io.vipkeeper.agent.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vipkeeper.agent.check.CheckDefinition.ConfigProblem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckDefinitionTest {
    private static final CheckDefinition.Probe PROBE = new CheckDefinition.ExecProbe(List.of("chk.sh"));

    @Test
    void defaultsAreKeepalivedsAndTimeoutFollowsTheInterval() {
        CheckDefinition d = CheckDefinition.withDefaults("chk", PROBE, null, null, null, null, null, false);
        assertThat(d.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(List.of(d.fall(), d.rise(), d.weight())).containsExactly(1, 1, 0);
        assertThat(d.initFail()).isFalse();
        CheckDefinition slow = CheckDefinition.withDefaults("chk", PROBE, Duration.ofSeconds(5), null, 2, 3, -10,
                true);
        assertThat(slow.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void reportsEveryBrokenRuleByField() {
        List<ConfigProblem> problems = CheckDefinition.problems(" ", null, Duration.ZERO, Duration.ofSeconds(-1), 0,
                0, 254);
        assertThat(problems).extracting(ConfigProblem::field)
                .containsExactly("name", "probe", "interval", "timeout", "fall", "rise", "weight");
        assertThat(CheckDefinition.problems("ok", PROBE, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1, -253))
                .isEmpty();
        assertThat(CheckDefinition.HttpProbe.problems("", 0, "healthz")).extracting(ConfigProblem::field)
                .containsExactly("host", "port", "path");
        assertThat(CheckDefinition.TcpProbe.problems("127.0.0.1", 65536)).extracting(ConfigProblem::field)
                .containsExactly("port");
        assertThatThrownBy(() -> new CheckDefinition("x", PROBE, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1,
                0, false)).hasMessageContaining("fall");
    }

    @Test
    void httpDefaultsToAnyTwoXxAndSlash() {
        CheckDefinition.HttpProbe p = new CheckDefinition.HttpProbe("127.0.0.1", 80, null, null, false, false);
        assertThat(p.path()).isEqualTo("/");
        assertThat(List.of(p.accepts(199), p.accepts(200), p.accepts(204), p.accepts(299), p.accepts(300),
                p.accepts(500))).containsExactly(false, true, true, true, false, false);
        CheckDefinition.HttpProbe only503 =
                new CheckDefinition.HttpProbe("127.0.0.1", 80, "/", List.of(503), false, false);
        assertThat(List.of(only503.accepts(200), only503.accepts(503))).containsExactly(false, true);
    }
}
