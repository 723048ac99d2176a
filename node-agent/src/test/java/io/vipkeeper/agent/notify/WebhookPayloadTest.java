package io.vipkeeper.agent.notify;

import io.vipkeeper.agent.vrrp.engine.NotifyState;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void describesTheTransition() throws Exception {
        JsonNode json = JSON.readTree(WebhookPayload.toJson(
                Transitions.of("shop-web", NotifyState.BACKUP, NotifyState.MASTER, 200)));
        assertThat(json.get("scope").asText()).isEqualTo("INSTANCE");
        assertThat(json.get("instance").asText()).isEqualTo("shop-web");
        assertThat(json.get("node").asText()).isEqualTo("node-1");
        assertThat(json.get("oldState").asText()).isEqualTo("BACKUP");
        assertThat(json.get("newState").asText()).isEqualTo("MASTER");
        assertThat(json.get("priority").asInt()).isEqualTo(200);
        assertThat(json.get("addresses")).extracting(JsonNode::asText)
                .containsExactly("192.168.1.1/32", "fd00:199::1/128");
        assertThat(json.get("interface").asText()).isEqualTo("eth0");
        assertThat(Instant.parse(json.get("time").asText())).isEqualTo(Instant.parse("2026-11-25T18:00:00.250Z"));
        assertThat(json.size()).isEqualTo(9);
    }

    @Test
    void theFirstStateHasANullOldState() throws Exception {
        JsonNode json = JSON.readTree(WebhookPayload.toJson(Transitions.of("x", null, NotifyState.BACKUP, 1)));
        assertThat(json.get("oldState").isNull()).isTrue();
    }

    @Test
    void backoffDoublesUpToTheCap() {
        HookDefinition.Webhook w = new HookDefinition.Webhook(URI.create("http://127.0.0.1:1/"), null, null,
                Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(List.of(w.backoff(1), w.backoff(2), w.backoff(3), w.backoff(4), w.backoff(50))).containsExactly(
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
    }
}
