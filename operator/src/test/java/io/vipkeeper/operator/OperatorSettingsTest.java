package io.vipkeeper.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The replica's settings: leader-election timings that make sense, retries that back off and stop. */
class OperatorSettingsTest {

    @Test
    void retriesBackOffExponentiallyUpToTheCapAndStop() {
        RetryExecution retry = OperatorSettings.defaults("ns", "me").retry().initExecution();
        List<Long> delays = new ArrayList<>();
        for (Optional<Long> next = retry.nextDelay(); next.isPresent(); next = retry.nextDelay()) {
            delays.add(next.get());
        }
        assertThat(delays).hasSize(10);
        assertThat(delays.getFirst()).isEqualTo(500L);
        for (int i = 1; i < delays.size(); i++) {
            assertThat(delays.get(i)).isBetween(delays.get(i - 1), Math.min(2 * delays.get(i - 1), 30_000L));
        }
        assertThat(delays).contains(4000L, 8000L, 16_000L);
        assertThat(delays).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(30_000L));
        assertThat(delays.getLast()).isEqualTo(30_000L);
    }

    @Test
    void leaderElectionTimingsMustNest() {
        assertThatThrownBy(() -> OperatorSettings.defaults("ns", "me")
                .withLeaseTimings(Duration.ofSeconds(5), Duration.ofSeconds(6), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OperatorSettings.defaults("ns", "me")
                .withLeaseTimings(Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEnvironmentNamesTheLeaseNamespaceAndIdentity() {
        OperatorSettings settings = OperatorSettings.fromEnvironment(Map.of("POD_NAMESPACE", "vip-sys",
                "POD_NAME", "operator-7d9f"));
        assertThat(settings.leaseNamespace()).isEqualTo("vip-sys");
        assertThat(settings.identity()).isEqualTo("operator-7d9f");
        assertThat(settings.leaderElection()).isTrue();
        assertThat(OperatorSettings.fromEnvironment(Map.of("VIPKEEPER_LEADER_ELECTION", "false")).leaderElection())
                .isFalse();
    }
}
