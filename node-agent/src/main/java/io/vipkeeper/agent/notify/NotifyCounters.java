package io.vipkeeper.agent.notify;

import java.util.concurrent.atomic.AtomicLong;

/** Counters an operator wants about notify hooks; exported as metrics by the agent. Thread-safe. */
public final class NotifyCounters {
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong webhookRetries = new AtomicLong();
    private final AtomicLong webhookGiveUps = new AtomicLong();

    /** Hook deliveries that succeeded. */
    public long delivered() {
        return delivered.get();
    }

    /** Hook deliveries that failed (non-zero exit, refused, webhook gave up). */
    public long failed() {
        return failed.get();
    }

    /** Exec hooks killed at their timeout. */
    public long timedOut() {
        return timedOut.get();
    }

    /** Transitions dropped because a hook's queue was full (the oldest waiting one goes). */
    public long dropped() {
        return dropped.get();
    }

    /** Webhook attempts that were retried. */
    public long webhookRetries() {
        return webhookRetries.get();
    }

    /** Webhooks abandoned after the retry budget (or a non-retryable answer). */
    public long webhookGiveUps() {
        return webhookGiveUps.get();
    }

    void record(HookOutcome outcome) {
        switch (outcome) {
            case HookOutcome.Delivered d -> delivered.incrementAndGet();
            case HookOutcome.Failed f -> failed.incrementAndGet();
            case HookOutcome.TimedOut t -> timedOut.incrementAndGet();
        }
    }

    void drop() {
        dropped.incrementAndGet();
    }

    void webhookRetry() {
        webhookRetries.incrementAndGet();
    }

    void webhookGiveUp() {
        webhookGiveUps.incrementAndGet();
    }
}
