package io.vipkeeper.agent.notify;

import io.vipkeeper.agent.check.exec.ScriptOutcome;
import io.vipkeeper.agent.check.exec.ScriptRunner;
import java.util.concurrent.CompletableFuture;

/** Runs a notify script with keepalived's argv and the {@code VIPKEEPER_*} environment. */
public final class ExecNotifyHook implements Hook {
    private final HookDefinition.ExecHook definition;
    private final ScriptRunner runner;

    public ExecNotifyHook(HookDefinition.ExecHook definition, ScriptRunner runner) {
        this.definition = definition;
        this.runner = runner;
    }

    @Override
    public CompletableFuture<HookOutcome> deliver(Transition transition) {
        return runner.run(KeepalivedNotifyArgv.argv(definition.command(), transition),
                        KeepalivedNotifyArgv.environment(transition), definition.timeout())
                .thenApply(outcome -> switch (outcome) {
                    case ScriptOutcome.Exited(int code) when code == 0 -> new HookOutcome.Delivered("exit code 0");
                    case ScriptOutcome.Exited(int code) -> new HookOutcome.Failed("exit code " + code);
                    case ScriptOutcome.TimedOut(var t) -> new HookOutcome.TimedOut(
                            "killed after " + t + " with its process group");
                    case ScriptOutcome.Refused(var r) -> new HookOutcome.Failed(r.getMessage());
                    case ScriptOutcome.NotStarted(String reason) -> new HookOutcome.Failed(reason);
                });
    }
}
