package io.vipkeeper.agent.notify;

import io.vipkeeper.agent.vrrp.engine.NotifyState;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.vipkeeper.agent.check.exec.ExecutorTaskScheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks against a loopback server. */
class WebhookHookTest {
    private final ExecutorTaskScheduler timer = new ExecutorTaskScheduler("test-timer");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final NotifyCounters counters = new NotifyCounters();
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> contentTypes = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/flaky", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(ex.getRequestHeaders().getFirst("Content-Type") + " " + ex.getRequestMethod());
            ex.sendResponseHeaders(requests.incrementAndGet() <= 2 ? 503 : 200, -1);
            ex.close();
        });
        server.createContext("/reject", ex -> {
            requests.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(400, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
        timer.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private HookDefinition.Webhook webhook(URI url, Duration budget) {
        return new HookDefinition.Webhook(url, Duration.ofSeconds(2), budget, Duration.ofMillis(50),
                Duration.ofMillis(200));
    }

    @Test
    void failsTwiceThenSucceedsAfterRetries() throws Exception {
        Transition t = Transitions.of("shop-web", NotifyState.BACKUP, NotifyState.MASTER, 200);
        HookOutcome outcome = new WebhookHook(webhook(url("/flaky"), Duration.ofSeconds(30)), client, timer, counters)
                .deliver(t).get(60, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(HookOutcome.Delivered.class);
        assertThat(outcome.detail()).contains("3 attempt");
        assertThat(requests.get()).isEqualTo(3);
        assertThat(counters.webhookRetries()).isEqualTo(2);
        assertThat(counters.webhookGiveUps()).isZero();
        assertThat(bodies).allSatisfy(b -> assertThat(new ObjectMapper().readTree(b))
                .isEqualTo(new ObjectMapper().readTree(WebhookPayload.toJson(t))));
        assertThat(contentTypes).allSatisfy(c -> assertThat(c).isEqualTo("application/json POST"));
    }

    @Test
    void aClosedPortGivesUpAfterTheBudgetWithACounter() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        HookOutcome outcome = new WebhookHook(webhook(URI.create("http://127.0.0.1:" + port + "/x"),
                Duration.ofSeconds(1)), client, timer, counters)
                .deliver(Transitions.of("vip", null, NotifyState.FAULT, 0)).get(60, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(HookOutcome.Failed.class);
        assertThat(outcome.detail()).contains("gave up");
        assertThat(counters.webhookGiveUps()).isEqualTo(1);
        // 50, 100, 200, 200, … ms of back-off within one second: several retries, then it stopped.
        assertThat(counters.webhookRetries()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        HookOutcome outcome = new WebhookHook(webhook(url("/reject"), Duration.ofSeconds(30)), client, timer,
                counters).deliver(Transitions.of("vip", null, NotifyState.FAULT, 0)).get(60, TimeUnit.SECONDS);
        assertThat(outcome.detail()).contains("HTTP 400");
        assertThat(requests.get()).isEqualTo(1);
        assertThat(counters.webhookRetries()).isZero();
        assertThat(counters.webhookGiveUps()).isEqualTo(1);
    }
}
