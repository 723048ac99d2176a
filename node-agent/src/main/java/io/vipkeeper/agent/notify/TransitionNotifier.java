package io.vipkeeper.agent.notify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands transitions to an instance's hooks without ever blocking the caller (the VRRP thread calls
 * {@link #notify} and returns at once).
 *
 * <p>Ordering: each (instance, hook) pair has a serial queue, so a hook sees the transitions of an instance in the
 * order they happened, one at a time. Queues are per hook rather than per instance so that a webhook retrying
 * against an unreachable receiver for its whole retry budget does not hold back the exec hook that moves a
 * service on MASTER.
 *
 * <p>Overflow: each queue holds at most {@code capacity} waiting transitions. When full, the <em>oldest waiting</em>
 * transition is dropped (counted in {@link NotifyCounters#dropped()} and logged): the newest state is the one a
 * hook must not miss, and a hook that is that far behind is reporting history anyway.
 */
public final class TransitionNotifier {
    /** Default waiting transitions per (instance, hook). */
    public static final int DEFAULT_CAPACITY = 64;
    private static final Logger LOG = LoggerFactory.getLogger(TransitionNotifier.class);

    private final int capacity;
    private final NotifyCounters counters;
    private final Executor dispatcher;
    private final Map<String, List<HookQueue>> queues = new ConcurrentHashMap<>();

    /**
     * @param capacity waiting transitions per (instance, hook)
     * @param counters where drops and outcomes are counted
     * @param dispatcher starts each delivery, so that not even the start of a hook (building a webhook request,
     *     handing a script to the launcher) runs on the thread that called {@link #notify}
     */
    public TransitionNotifier(int capacity, NotifyCounters counters, Executor dispatcher) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.counters = Objects.requireNonNull(counters);
        this.dispatcher = Objects.requireNonNull(dispatcher);
    }

    /** Sets (or replaces) the hooks of an instance; transitions already queued for the old hooks still run. */
    public void setHooks(String instance, List<Hook> hooks) {
        queues.put(instance, hooks.stream().map(h -> new HookQueue(instance, h)).toList());
    }

    /** Forgets an instance's hooks. */
    public void removeHooks(String instance) {
        queues.remove(instance);
    }

    /** Queues {@code transition} for every hook of its instance and returns at once. */
    public void notify(Transition transition) {
        for (HookQueue queue : queues.getOrDefault(transition.name(), List.of())) {
            queue.offer(transition);
        }
    }

    public NotifyCounters counters() {
        return counters;
    }

    private final class HookQueue {
        private final String instance;
        private final Hook hook;
        private final Deque<Transition> waiting = new ArrayDeque<>();
        private boolean busy;

        HookQueue(String instance, Hook hook) {
            this.instance = instance;
            this.hook = hook;
        }

        void offer(Transition transition) {
            synchronized (this) {
                if (waiting.size() >= capacity) {
                    Transition lost = waiting.pollFirst();
                    counters.drop();
                    LOG.warn("notify queue of {} is full ({}); dropped the transition to {} at {}", instance,
                            capacity, lost.newState(), lost.at());
                }
                waiting.addLast(transition);
                if (busy) {
                    return;
                }
                busy = true;
            }
            dispatch();
        }

        private void dispatch() {
            try {
                dispatcher.execute(this::runNext);
            } catch (RuntimeException e) {
                // A dispatcher that refuses work (shut down) leaves the queue idle; nothing may reach the caller.
                synchronized (this) {
                    busy = false;
                }
                LOG.warn("notify dispatcher refused work for {}: {}", instance, e.toString());
            }
        }

        private void runNext() {
            Transition next;
            synchronized (this) {
                next = waiting.pollFirst();
                if (next == null) {
                    busy = false;
                    return;
                }
            }
            CompletableFuture<HookOutcome> delivery;
            try {
                delivery = hook.deliver(next);
            } catch (RuntimeException e) {
                delivery = CompletableFuture.completedFuture(new HookOutcome.Failed(e.toString()));
            }
            delivery.whenComplete((outcome, error) -> {
                HookOutcome o = outcome != null ? outcome : new HookOutcome.Failed(String.valueOf(error));
                counters.record(o);
                if (!(o instanceof HookOutcome.Delivered)) {
                    LOG.warn("notify hook for {} ({}): {}", instance, next.newState(), o.detail());
                }
                dispatch();
            });
        }
    }
}
