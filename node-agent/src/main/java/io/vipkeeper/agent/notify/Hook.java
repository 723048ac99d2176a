package io.vipkeeper.agent.notify;

import java.util.concurrent.CompletableFuture;

/** Delivers one transition; returns at once and completes (never exceptionally) when done or given up. */
@FunctionalInterface
public interface Hook {
    CompletableFuture<HookOutcome> deliver(Transition transition);
}
