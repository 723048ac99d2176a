package io.vipkeeper.agent.check.exec;

import java.time.Duration;
import java.time.Instant;

/**
 * Timers for checks, script timeouts and webhook back-off. An interface so that schedulers and the rise/fall logic
 * can be tested with a manual clock and no sleeping.
 */
public interface TaskScheduler {
    /** A scheduled task that may be cancelled. */
    interface Cancellable {
        void cancel();
    }

    /** Runs {@code task} once, after {@code delay}, on a scheduler thread (never the caller's). */
    Cancellable schedule(Duration delay, Runnable task);

    /** The scheduler's notion of now. */
    Instant now();
}
