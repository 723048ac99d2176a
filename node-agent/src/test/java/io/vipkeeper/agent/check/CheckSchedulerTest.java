package io.vipkeeper.agent.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.check.exec.ManualTaskScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The scheduler on a manual clock with scripted checks: no processes, no sleeping. */
class CheckSchedulerTest {
    private final ManualTaskScheduler timer = new ManualTaskScheduler();
    private final List<CheckStatusChange> changes = new ArrayList<>();

    /** A check whose runs are futures the test completes by hand. */
    private static final class ScriptedCheck implements Check {
        final Deque<CompletableFuture<CheckResult>> runs = new ArrayDeque<>();
        final List<Duration> timeouts = new ArrayList<>();

        @Override
        public CompletableFuture<CheckResult> run(Duration timeout) {
            timeouts.add(timeout);
            CompletableFuture<CheckResult> f = new CompletableFuture<>();
            runs.addLast(f);
            return f;
        }

        void finishLast(boolean ok) {
            runs.getLast().complete(ok ? new CheckResult.Success("ok")
                    : new CheckResult.Failure(CheckResult.FailureReason.EXIT_CODE, "exit code 1"));
        }
    }

    private static CheckDefinition definition(Duration interval, Duration timeout, int fall, int rise,
            boolean initFail) {
        return new CheckDefinition("chk", new CheckDefinition.ExecProbe(List.of("x.sh")), interval, timeout, fall,
                rise, -20, initFail);
    }

    @Test
    void runsAtOnceThenEveryIntervalAndReportsTransitionsWithWeightAndReason() {
        ScriptedCheck check = new ScriptedCheck();
        CheckScheduler scheduler = new CheckScheduler(timer, d -> check, changes::add);
        scheduler.start(definition(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 1, false));

        assertThat(check.runs).hasSize(1);
        assertThat(check.timeouts).containsExactly(Duration.ofSeconds(1));
        check.finishLast(true);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.previous()).isEqualTo(CheckStatus.UNKNOWN);
            assertThat(c.current()).isEqualTo(CheckStatus.OK);
            assertThat(c.weight()).isEqualTo(-20);
            assertThat(c.checkName()).isEqualTo("chk");
        });

        timer.advance(Duration.ofMillis(1999));
        assertThat(check.runs).hasSize(1);
        timer.advance(Duration.ofMillis(1));
        assertThat(check.runs).hasSize(2);
        check.finishLast(false); // fall 2: still OK
        timer.advance(Duration.ofSeconds(2));
        check.finishLast(false);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).current()).isEqualTo(CheckStatus.KO);
        assertThat(changes.get(1).reason()).isEqualTo("exit code 1");
        assertThat(scheduler.status("chk")).contains(CheckStatus.KO);
        assertThat(scheduler.completedRuns("chk")).isEqualTo(3);
    }

    @Test
    void neverOverlapsRunsOfOneCheckAndSkipsTicksWhileOneIsInFlight() {
        ScriptedCheck check = new ScriptedCheck();
        CheckScheduler scheduler = new CheckScheduler(timer, d -> check, changes::add);
        scheduler.start(definition(Duration.ofSeconds(1), Duration.ofSeconds(5), 1, 1, false));
        timer.advance(Duration.ofSeconds(3)); // ticks at 1, 2, 3 while the first run hangs
        assertThat(check.runs).hasSize(1);
        assertThat(scheduler.skippedRuns("chk")).isEqualTo(3);
        assertThat(changes).isEmpty();

        check.finishLast(true);
        timer.advance(Duration.ofSeconds(1));
        assertThat(check.runs).hasSize(2);
        assertThat(changes).extracting(CheckStatusChange::current).containsExactly(CheckStatus.OK);
    }

    @Test
    void initFailStartsKoAndNeedsRiseSuccesses() {
        ScriptedCheck check = new ScriptedCheck();
        CheckScheduler scheduler = new CheckScheduler(timer, d -> check, changes::add);
        scheduler.start(definition(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 3, true));
        assertThat(scheduler.status("chk")).contains(CheckStatus.KO);
        for (int i = 0; i < 3; i++) {
            check.finishLast(true);
            timer.advance(Duration.ofSeconds(1));
        }
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.previous()).isEqualTo(CheckStatus.KO);
            assertThat(c.current()).isEqualTo(CheckStatus.OK);
        });
    }

    @Test
    void stopCancelsTheTimerAndIgnoresARunInFlight() {
        ScriptedCheck check = new ScriptedCheck();
        CheckScheduler scheduler = new CheckScheduler(timer, d -> check, changes::add);
        scheduler.start(definition(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1, false));
        scheduler.stop("chk");
        check.finishLast(true);
        timer.advance(Duration.ofSeconds(10));
        assertThat(check.runs).hasSize(1);
        assertThat(changes).isEmpty();
        assertThat(scheduler.status("chk")).isEmpty();
        assertThat(timer.pending()).isZero();
    }

    @Test
    void aCheckThatThrowsCountsAsAFailure() {
        CheckScheduler scheduler = new CheckScheduler(timer, d -> t -> {
            throw new IllegalStateException("boom");
        }, changes::add);
        scheduler.start(definition(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1, false));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.current()).isEqualTo(CheckStatus.KO);
            assertThat(c.reason()).contains("boom");
        });
    }
}
