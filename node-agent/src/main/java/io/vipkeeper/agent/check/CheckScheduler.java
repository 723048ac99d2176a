package io.vipkeeper.agent.check;

import io.vipkeeper.agent.check.exec.TaskScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every started check each {@code interval}, off the VRRP thread, and reports status changes to a listener.
 *
 * <p>Like keepalived, the first run starts at once and later runs start {@code interval} after the previous start.
 * Runs of one check never overlap: when a run is still going at the next tick (possible only when the timeout
 * exceeds the interval) that tick is skipped and counted, not treated as a result — keepalived skips it too. Each
 * result goes through the check's {@link CheckStatusTracker}; a change is passed to the listener, in order.
 * Nothing here blocks: the timer thread only starts runs, and each {@link Check} finishes on its own threads
 * within its timeout.
 */
public final class CheckScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckScheduler.class);

    private final TaskScheduler timer;
    private final CheckFactory factory;
    private final CheckStatusListener listener;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CheckScheduler(TaskScheduler timer, CheckFactory factory, CheckStatusListener listener) {
        this.timer = Objects.requireNonNull(timer);
        this.factory = Objects.requireNonNull(factory);
        this.listener = Objects.requireNonNull(listener);
    }

    /**
     * Starts running {@code definition} (replacing a running check of the same name, whose status restarts).
     */
    public void start(CheckDefinition definition) {
        Entry entry = new Entry(definition, factory.create(definition));
        Entry previous = entries.put(definition.name(), entry);
        if (previous != null) {
            previous.stop();
        }
        entry.tick(timer.now());
    }

    /** Stops a check; a run in flight finishes but its result is ignored. */
    public void stop(String name) {
        Entry entry = entries.remove(name);
        if (entry != null) {
            entry.stop();
        }
    }

    /** The check's current status, or empty when no such check runs. */
    public Optional<CheckStatus> status(String name) {
        Entry entry = entries.get(name);
        return entry == null ? Optional.empty() : Optional.of(entry.status());
    }

    /** Ticks skipped because the previous run of the check was still going. */
    public long skippedRuns(String name) {
        Entry entry = entries.get(name);
        return entry == null ? 0 : entry.skipped();
    }

    /** Runs completed (any result) for the check. */
    public long completedRuns(String name) {
        Entry entry = entries.get(name);
        return entry == null ? 0 : entry.completed();
    }

    @Override
    public void close() {
        entries.keySet().forEach(this::stop);
    }

    private final class Entry {
        private final CheckDefinition definition;
        private final Check check;
        private final CheckStatusTracker tracker;
        private boolean running;
        private boolean stopped;
        private long skipped;
        private long completed;
        private TaskScheduler.Cancellable nextTick;

        Entry(CheckDefinition definition, Check check) {
            this.definition = definition;
            this.check = check;
            this.tracker = CheckStatusTracker.of(definition);
        }

        void tick(Instant due) {
            boolean startRun;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                Instant next = due.plus(definition.interval());
                Duration delay = Duration.between(timer.now(), next);
                nextTick = timer.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> tick(next));
                startRun = !running;
                if (startRun) {
                    running = true;
                } else {
                    skipped++;
                    LOG.debug("check {} still running at its next interval; skipping this run", definition.name());
                }
            }
            if (startRun) {
                CompletableFuture<CheckResult> run;
                try {
                    run = check.run(definition.timeout());
                } catch (RuntimeException e) {
                    run = CompletableFuture.completedFuture(
                            new CheckResult.Failure(CheckResult.FailureReason.IO_ERROR, e.toString()));
                }
                run.whenComplete((result, error) -> complete(result != null ? result
                        : new CheckResult.Failure(CheckResult.FailureReason.IO_ERROR, String.valueOf(error))));
            }
        }

        private synchronized void complete(CheckResult result) {
            running = false;
            if (stopped) {
                return;
            }
            completed++;
            CheckStatus before = tracker.status();
            Optional<CheckStatus> change = tracker.record(result.succeeded());
            if (change.isPresent()) {
                LOG.info("check {} is now {} (was {}): {}", definition.name(), change.get(), before, result.detail());
                try {
                    listener.onStatusChange(new CheckStatusChange(definition.name(), before, change.get(),
                            definition.weight(), result, timer.now()));
                } catch (RuntimeException e) {
                    LOG.error("check status listener failed for {}", definition.name(), e);
                }
            }
        }

        synchronized void stop() {
            stopped = true;
            if (nextTick != null) {
                nextTick.cancel();
            }
        }

        synchronized CheckStatus status() {
            return tracker.status();
        }

        synchronized long skipped() {
            return skipped;
        }

        synchronized long completed() {
            return completed;
        }
    }
}
