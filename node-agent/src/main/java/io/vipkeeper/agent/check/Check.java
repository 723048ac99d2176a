package io.vipkeeper.agent.check;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** One runnable probe. {@link #run} starts the work and returns at once; the future never completes exceptionally. */
@FunctionalInterface
public interface Check {
    CompletableFuture<CheckResult> run(Duration timeout);
}
