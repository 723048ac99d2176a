package io.vipkeeper.agent.check;

import io.vipkeeper.agent.check.exec.ScriptOutcome;
import io.vipkeeper.agent.check.exec.ScriptRunner;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An {@code exec} check: runs the script; exit code 0 is success. Any other exit code, a signal, a timeout (the
 * process group is killed), a refusal by the path rules, or a failure to start is a failure, each with its own
 * reason — never a success (keepalived counts a script it cannot run as failed, too).
 */
public final class ExecCheck implements Check {
    private final CheckDefinition.ExecProbe probe;
    private final ScriptRunner runner;

    public ExecCheck(CheckDefinition.ExecProbe probe, ScriptRunner runner) {
        this.probe = probe;
        this.runner = runner;
    }

    @Override
    public CompletableFuture<CheckResult> run(Duration timeout) {
        return runner.run(probe.command(), Map.of(), timeout).thenApply(ExecCheck::toResult);
    }

    /** Maps a script outcome to a check result; pure. */
    static CheckResult toResult(ScriptOutcome outcome) {
        return switch (outcome) {
            case ScriptOutcome.Exited(int code) when code == 0 -> new CheckResult.Success("exit code 0");
            case ScriptOutcome.Exited(int code) -> new CheckResult.Failure(CheckResult.FailureReason.EXIT_CODE,
                    code > 128 ? "killed by signal " + (code - 128) + " (exit code " + code + ")" : "exit code " + code);
            case ScriptOutcome.TimedOut(Duration t) -> new CheckResult.Failure(CheckResult.FailureReason.TIMED_OUT,
                    "timed out after " + t + "; process group killed");
            case ScriptOutcome.Refused(var refusal) -> new CheckResult.Failure(CheckResult.FailureReason.REFUSED,
                    refusal.getMessage());
            case ScriptOutcome.NotStarted(String reason) -> new CheckResult.Failure(
                    CheckResult.FailureReason.NOT_STARTED, reason);
        };
    }
}
