package io.vipkeeper.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.notify.NotifyCounters;
import io.vipkeeper.agent.runtime.AgentSnapshot;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** /healthz, /readyz and /metrics on loopback, and the Prometheus text of a known snapshot. */
class StatusServerTest {

    static AgentSnapshot.InstanceSnapshot instance(String name, String state, int priority) {
        return new AgentSnapshot.InstanceSnapshot(name, "eth0", "IPV4", 3, 51, state, 150, priority, List.of(),
                List.of("10.0.0.100/24"), "10.0.0.1", priority, Instant.EPOCH, 2, 40, 3, 10, 0,
                Map.of("chk", true));
    }

    static AgentSnapshot snapshot(String state) {
        return new AgentSnapshot(Instant.EPOCH, List.of(instance("VI_1", state, 150)),
                List.of(new AgentSnapshot.ReceiveSnapshot("eth0", "IPV4", 39, Map.of("BAD_TTL", 2L), Map.of(), 1, 0)));
    }

    @Test
    void metricsCarryEveryCounterWithItsLabels() {
        String text = PrometheusText.render(snapshot("MASTER"), new NotifyCounters());
        assertThat(text)
                .contains("vipkeeper_instance_state{instance=\"VI_1\",state=\"MASTER\"} 1\n")
                .contains("vipkeeper_instance_state{instance=\"VI_1\",state=\"BACKUP\"} 0\n")
                .contains("vipkeeper_instance_priority{instance=\"VI_1\"} 150\n")
                .contains("vipkeeper_instance_transitions_total{instance=\"VI_1\"} 2\n")
                .contains("vipkeeper_adverts_sent_total{instance=\"VI_1\"} 40\n")
                .contains("vipkeeper_adverts_received_total{instance=\"VI_1\"} 3\n")
                .contains("vipkeeper_announcements_sent_total{instance=\"VI_1\"} 10\n")
                .contains("vipkeeper_receive_accepted_total{interface=\"eth0\",family=\"IPV4\"} 39\n")
                .contains("vipkeeper_receive_dropped_total{interface=\"eth0\",family=\"IPV4\",reason=\"BAD_TTL\"} 2\n")
                .contains("vipkeeper_receive_ignored_total{interface=\"eth0\",family=\"IPV4\",why=\"unknown_peer\"} 1\n")
                .contains("vipkeeper_notify_total{outcome=\"delivered\"} 0\n")
                .contains("# TYPE vipkeeper_adverts_sent_total counter\n");
        // every sample line belongs to a declared metric
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                String name = line.substring(0, line.indexOf(line.contains("{") ? '{' : ' '));
                assertThat(text).contains("# TYPE " + name + " ");
            }
        }
    }

    @Test
    void endpointsAnswerOnLoopback() throws Exception {
        AtomicBoolean alive = new AtomicBoolean(true);
        AtomicReference<AgentSnapshot> current = new AtomicReference<>(snapshot("INITIALIZE"));
        try (StatusServer server = StatusServer.start(new InetSocketAddress("127.0.0.1", 0), alive::get,
                current::get, new NotifyCounters())) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.address().getPort();
            assertThat(get(client, base + "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(client, base + "/readyz").statusCode()).isEqualTo(503);
            current.set(snapshot("BACKUP"));
            assertThat(get(client, base + "/readyz").statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = get(client, base + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(v -> v.contains("0.0.4"));
            assertThat(metrics.body()).contains("vipkeeper_instance_state{instance=\"VI_1\",state=\"BACKUP\"} 1");
            assertThat(get(client, base + "/nope").statusCode()).isEqualTo(404);
            alive.set(false);
            assertThat(get(client, base + "/healthz").statusCode()).isEqualTo(503);
        }
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
