package io.vipkeeper.agent.check.exec;

import java.time.Duration;

/** How one script run ended. */
public sealed interface ScriptOutcome {
    /** The script ran to completion (exit code 0 is success; a signal death shows as 128 + signal). */
    record Exited(int exitCode) implements ScriptOutcome {}

    /** The script ran past its timeout; its whole process group was terminated (SIGTERM, then SIGKILL). */
    record TimedOut(Duration timeout) implements ScriptOutcome {}

    /** The script was refused before start (path or permission rules); nothing ran. */
    record Refused(ScriptRefusedException refusal) implements ScriptOutcome {}

    /** The process could not be started (for example {@code setsid} missing, fork failure). */
    record NotStarted(String reason) implements ScriptOutcome {}

    /** True only for {@code Exited(0)}. */
    default boolean succeeded() {
        return this instanceof Exited(int code) && code == 0;
    }
}
