package io.vipkeeper.agent.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** A notify hook: the agent's own config record; the operator's CRD spec maps onto it. */
public sealed interface HookDefinition {
    /**
     * Run a script from the script directory after every transition, with keepalived's argv
     * ({@link KeepalivedNotifyArgv}).
     *
     * @param command the script and its fixed arguments
     * @param timeout after this the script's process group is killed (default 30 s)
     */
    record ExecHook(List<String> command, Duration timeout) implements HookDefinition {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

        public ExecHook {
            command = List.copyOf(command);
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
            if (command.isEmpty()) {
                throw new IllegalArgumentException("exec hook needs a command");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
        }
    }

    /**
     * POST the transition as JSON ({@link WebhookPayload}); retried with exponential back-off until a 2xx answer or
     * until {@code retryBudget} has passed since the first attempt.
     *
     * @param url http or https URL
     * @param requestTimeout per attempt (default 5 s)
     * @param retryBudget total time after which the agent gives up (default 60 s)
     * @param initialBackoff delay before the first retry, doubled each time (default 500 ms)
     * @param maxBackoff cap on one delay (default 10 s)
     */
    record Webhook(URI url, Duration requestTimeout, Duration retryBudget, Duration initialBackoff,
            Duration maxBackoff) implements HookDefinition {
        public Webhook {
            Objects.requireNonNull(url, "url");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("webhook URL must be http or https: " + url);
            }
            requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
            retryBudget = retryBudget == null ? Duration.ofSeconds(60) : retryBudget;
            initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
        }

        /** A webhook with all defaults. */
        public static Webhook to(URI url) {
            return new Webhook(url, null, null, null, null);
        }

        /** The delay before retry number {@code retry} (1-based): initial × 2^(retry-1), capped; pure. */
        public Duration backoff(int retry) {
            Duration d = initialBackoff;
            for (int i = 1; i < retry && d.compareTo(maxBackoff) < 0; i++) {
                d = d.multipliedBy(2);
            }
            return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
        }
    }
}
