package io.vipkeeper.agent.notify;

import io.vipkeeper.agent.check.exec.TaskScheduler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs the transition as JSON, retrying with exponential back-off for a bounded total time.
 *
 * <p>Uses the JDK's {@link HttpClient} rather than the checks' Netty loop: webhooks are rare (one per transition),
 * and the JDK client brings what a webhook needs and a bare Netty pipeline does not — TLS with host name
 * verification against the system trust store, redirects, per-request timeouts — with no code of ours; its
 * asynchronous API never blocks the caller. Timers for back-off run on the injected {@link TaskScheduler}.
 *
 * <p>Retry rule: a 2xx answer is delivery. Connection errors, timeouts, 5xx, 408 and 429 are retried; any other
 * status (a 4xx: the receiver rejects the document) will not change by retrying and gives up at once. A retry is
 * attempted only if it would start within {@code retryBudget} of the first attempt; after that the hook gives up
 * with a log line and {@link NotifyCounters#webhookGiveUps()}. The first failed attempt of a delivery is logged at
 * once (the later retries only at debug level), so a receiver that is down is reported without waiting for the
 * budget to run out.
 */
public final class WebhookHook implements Hook {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookHook.class);

    private final HookDefinition.Webhook definition;
    private final HttpClient client;
    private final TaskScheduler timer;
    private final NotifyCounters counters;

    public WebhookHook(HookDefinition.Webhook definition, HttpClient client, TaskScheduler timer,
            NotifyCounters counters) {
        this.definition = definition;
        this.client = client;
        this.timer = timer;
        this.counters = counters;
    }

    @Override
    public CompletableFuture<HookOutcome> deliver(Transition transition) {
        CompletableFuture<HookOutcome> result = new CompletableFuture<>();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(definition.url())
                    .timeout(definition.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "vipkeeper-agent")
                    .POST(HttpRequest.BodyPublishers.ofString(WebhookPayload.toJson(transition)))
                    .build();
        } catch (RuntimeException e) {
            result.complete(new HookOutcome.Failed("bad webhook request: " + e));
            return result;
        }
        attempt(request, 1, timer.now(), result);
        return result;
    }

    private void attempt(HttpRequest request, int attempt, Instant firstAttempt,
            CompletableFuture<HookOutcome> result) {
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            String problem;
            boolean retryable;
            if (error == null && response.statusCode() / 100 == 2) {
                result.complete(new HookOutcome.Delivered(
                        "HTTP " + response.statusCode() + " after " + attempt + " attempt(s)"));
                return;
            } else if (error != null) {
                problem = error.toString();
                retryable = true;
            } else {
                int status = response.statusCode();
                problem = "HTTP " + status;
                retryable = status >= 500 || status == 408 || status == 429;
            }
            Duration delay = definition.backoff(attempt);
            Instant retryAt = timer.now().plus(delay);
            if (retryable && Duration.between(firstAttempt, retryAt).compareTo(definition.retryBudget()) <= 0) {
                counters.webhookRetry();
                if (attempt == 1) {
                    // Said at once, not only when the budget runs out: a down receiver is news the operator needs
                    // now (DESIGN §5: an unreachable webhook gets a log line), and one line per delivery is enough.
                    LOG.warn("webhook {} failed ({}); retrying with back-off for up to {}", definition.url(),
                            problem, definition.retryBudget());
                } else {
                    LOG.debug("webhook {} attempt {} failed ({}); retrying in {}", definition.url(), attempt, problem,
                            delay);
                }
                timer.schedule(delay, () -> attempt(request, attempt + 1, firstAttempt, result));
            } else {
                counters.webhookGiveUp();
                LOG.warn("webhook {} gave up after {} attempt(s): {}", definition.url(), attempt, problem);
                result.complete(new HookOutcome.Failed(
                        "gave up after " + attempt + " attempt(s), last: " + problem));
            }
        });
    }
}
