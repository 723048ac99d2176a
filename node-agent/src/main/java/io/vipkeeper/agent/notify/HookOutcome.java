package io.vipkeeper.agent.notify;

/** How delivering one transition to one hook ended. */
public sealed interface HookOutcome {
    String detail();

    /** Delivered (exit code 0, or a 2xx answer). */
    record Delivered(String detail) implements HookOutcome {}

    /** The script exited non-zero, was refused or could not start, or the webhook gave up. */
    record Failed(String detail) implements HookOutcome {}

    /** The script ran past its timeout and its process group was killed. */
    record TimedOut(String detail) implements HookOutcome {}
}
