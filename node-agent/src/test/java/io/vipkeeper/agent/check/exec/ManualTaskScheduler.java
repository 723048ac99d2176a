package io.vipkeeper.agent.check.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link TaskScheduler} on a manual clock: tasks run only in {@link #advance}, on the calling thread. */
public final class ManualTaskScheduler implements TaskScheduler {
    private record Task(Instant due, long seq, Runnable action, boolean[] cancelled) {}

    private final List<Task> tasks = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long seq;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now.plus(delay), seq++, task, cancelled));
        return () -> {
            synchronized (ManualTaskScheduler.this) {
                cancelled[0] = true;
            }
        };
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    /** Moves the clock forward, running every task that falls due, in due order. */
    public void advance(Duration by) {
        Instant target;
        synchronized (this) {
            target = now.plus(by);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream()
                        .filter(t -> !t.due().isAfter(target))
                        .min(Comparator.comparing(Task::due).thenComparingLong(Task::seq))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                tasks.remove(next);
                now = next.due();
                if (next.cancelled()[0]) {
                    continue;
                }
            }
            next.action().run();
        }
    }

    /** Tasks scheduled and not yet run or cancelled. */
    public synchronized long pending() {
        return tasks.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
