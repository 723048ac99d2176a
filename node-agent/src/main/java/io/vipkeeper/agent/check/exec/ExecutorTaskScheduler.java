package io.vipkeeper.agent.check.exec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link TaskScheduler}: one daemon timer thread. Tasks must be short (they start work elsewhere);
 * a slow task would delay other timers, never the VRRP thread.
 */
public final class ExecutorTaskScheduler implements TaskScheduler, AutoCloseable {
    private final ScheduledExecutorService executor;
    private final Clock clock;

    public ExecutorTaskScheduler(String threadName) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.clock = Clock.systemUTC();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
