package io.vipkeeper.agent.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.check.CheckResult.FailureReason;
import io.vipkeeper.agent.check.exec.ExecutorTaskScheduler;
import io.vipkeeper.agent.check.exec.ScriptOutcome;
import io.vipkeeper.agent.check.exec.ScriptRefusal;
import io.vipkeeper.agent.check.exec.ScriptRefusedException;
import io.vipkeeper.agent.check.exec.ScriptResolver;
import io.vipkeeper.agent.check.exec.ScriptRunner;
import io.vipkeeper.agent.check.exec.ScriptUser;
import io.vipkeeper.agent.check.exec.TestScripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecCheckTest {
    @TempDir
    Path scripts;

    private final ExecutorTaskScheduler timer = new ExecutorTaskScheduler("test-timer");
    private final ExecutorService launcher = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() {
        timer.close();
        launcher.shutdownNow();
    }

    private static FailureReason reason(CheckResult r) {
        return ((CheckResult.Failure) r).reason();
    }

    @Test
    void mapsEveryOutcome() {
        assertThat(ExecCheck.toResult(new ScriptOutcome.Exited(0)).succeeded()).isTrue();
        assertThat(reason(ExecCheck.toResult(new ScriptOutcome.Exited(1)))).isEqualTo(FailureReason.EXIT_CODE);
        assertThat(ExecCheck.toResult(new ScriptOutcome.Exited(137)).detail()).contains("signal 9");
        assertThat(reason(ExecCheck.toResult(new ScriptOutcome.TimedOut(Duration.ofSeconds(1)))))
                .isEqualTo(FailureReason.TIMED_OUT);
        assertThat(reason(ExecCheck.toResult(new ScriptOutcome.Refused(
                new ScriptRefusedException(ScriptRefusal.NOT_FOUND, "x.sh", "script not found")))))
                .isEqualTo(FailureReason.REFUSED);
        assertThat(reason(ExecCheck.toResult(new ScriptOutcome.NotStarted("no setsid"))))
                .isEqualTo(FailureReason.NOT_STARTED);
    }

    @Test
    void realScriptsSucceedFailTimeOutAndAreRefused() throws Exception {
        TestScripts.write(scripts, "ok.sh", "exit 0");
        TestScripts.write(scripts, "fail.sh", "exit 2");
        TestScripts.write(scripts, "slow.sh", "sleep 300");
        ScriptRunner runner = new ScriptRunner(new ScriptResolver(scripts), ScriptUser.ROOT, timer, launcher);
        Duration t = Duration.ofSeconds(30);

        CheckResult ok = new ExecCheck(new CheckDefinition.ExecProbe(List.of("ok.sh")), runner).run(t)
                .get(60, TimeUnit.SECONDS);
        CheckResult fail = new ExecCheck(new CheckDefinition.ExecProbe(List.of("fail.sh")), runner).run(t)
                .get(60, TimeUnit.SECONDS);
        CheckResult slow = new ExecCheck(new CheckDefinition.ExecProbe(List.of("slow.sh")), runner)
                .run(Duration.ofSeconds(2)).get(60, TimeUnit.SECONDS);
        CheckResult missing = new ExecCheck(new CheckDefinition.ExecProbe(List.of("missing.sh")), runner).run(t)
                .get(60, TimeUnit.SECONDS);

        assertThat(ok.succeeded()).isTrue();
        assertThat(reason(fail)).isEqualTo(FailureReason.EXIT_CODE);
        assertThat(fail.detail()).isEqualTo("exit code 2");
        assertThat(reason(slow)).isEqualTo(FailureReason.TIMED_OUT);
        assertThat(reason(missing)).isEqualTo(FailureReason.REFUSED);
        assertThat(missing.detail()).contains("missing.sh").contains("NOT_FOUND");
    }
}
