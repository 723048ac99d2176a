package io.vipkeeper.agent.notify;

import io.vipkeeper.agent.vrrp.engine.NotifyState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queueing and ordering with fake hooks. */
class TransitionNotifierTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void manyQuickTransitionsReachEachHookInOrderOneAtATime() {
        NotifyCounters counters = new NotifyCounters();
        TransitionNotifier notifier = new TransitionNotifier(1000, counters, pool);
        List<Integer> seenA = Collections.synchronizedList(new ArrayList<>());
        List<Integer> seenB = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        Hook slowAsync = t -> CompletableFuture.supplyAsync(() -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seenA.add(t.priority());
            concurrent.decrementAndGet();
            return new HookOutcome.Delivered("ok");
        }, pool);
        Thread caller = Thread.currentThread();
        List<Thread> hookThreads = Collections.synchronizedList(new ArrayList<>());
        Hook immediate = t -> {
            hookThreads.add(Thread.currentThread());
            seenB.add(t.priority());
            return CompletableFuture.completedFuture(new HookOutcome.Failed("exit code 1"));
        };
        notifier.setHooks("vip", List.of(slowAsync, immediate));
        NotifyState[] states = {NotifyState.MASTER, NotifyState.BACKUP, NotifyState.FAULT};
        for (int i = 0; i < 300; i++) {
            notifier.notify(Transitions.of("vip", null, states[i % 3], i));
        }
        notifier.notify(Transitions.of("other-instance-without-hooks", null, NotifyState.MASTER, 1));

        List<Integer> expected = java.util.stream.IntStream.range(0, 300).boxed().toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> seenA.size() == 300);
        assertThat(seenA).containsExactlyElementsOf(expected);
        await().atMost(Duration.ofSeconds(30)).until(() -> seenB.size() == 300);
        assertThat(seenB).containsExactlyElementsOf(expected);
        assertThat(maxConcurrent.get()).isEqualTo(1);
        // The thread that called notify() never ran a hook.
        assertThat(hookThreads).doesNotContain(caller);
        await().atMost(Duration.ofSeconds(30)).until(() -> counters.delivered() == 300);
        assertThat(counters.failed()).isEqualTo(300);
        assertThat(counters.dropped()).isZero();
    }

    @Test
    void notifyReturnsWhileAHookIsStuckAndAFullQueueDropsTheOldestWaiting() {
        NotifyCounters counters = new NotifyCounters();
        // A direct dispatcher makes the queue's moves visible synchronously.
        TransitionNotifier notifier = new TransitionNotifier(3, counters, Runnable::run);
        List<CompletableFuture<HookOutcome>> inFlight = Collections.synchronizedList(new ArrayList<>());
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        notifier.setHooks("vip", List.of(t -> {
            seen.add(t.priority());
            CompletableFuture<HookOutcome> f = new CompletableFuture<>();
            inFlight.add(f);
            return f;
        }));
        for (int i = 1; i <= 6; i++) {
            notifier.notify(Transitions.of("vip", null, NotifyState.MASTER, i)); // never blocks
        }
        // 1 is running; 2..6 queued into room for 3: 2 and 3 were dropped (oldest waiting first).
        assertThat(seen).containsExactly(1);
        assertThat(counters.dropped()).isEqualTo(2);
        for (int i = 0; i < 4; i++) {
            inFlight.get(i).complete(new HookOutcome.Delivered("ok"));
        }
        assertThat(seen).containsExactly(1, 4, 5, 6);
        assertThat(counters.delivered()).isEqualTo(4);
    }
}
