package io.vipkeeper.operator.reconcile;

import static io.vipkeeper.operator.testing.OperatorHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.api.v1alpha1.InstanceState;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPhase;
import io.vipkeeper.operator.core.Reasons;
import io.vipkeeper.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agents' reports (status patches of their own VirtualIPNode) aggregated into the VirtualIP's status. */
class AggregationTest {

    private OperatorHarness k8s;
    private String instance;

    @BeforeEach
    void start() {
        k8s = OperatorHarness.start();
        k8s.namespace("shop", Map.of());
        for (int i = 1; i <= 3; i++) {
            k8s.node("n" + i, "10.199.0." + i, Map.of());
        }
        k8s.pool("lan", OperatorHarness.poolSpec("192.168.110.0/28"));
        k8s.virtualIP("shop", "web", s -> s.setPool("lan"));
        eventually(() -> assertThat(List.of("n1", "n2", "n3")).allSatisfy(n ->
                assertThat(k8s.instanceOn(n, "shop", "web")).isPresent()));
        instance = k8s.instanceOn("n1", "shop", "web").orElseThrow().getName();
    }

    @AfterEach
    void stop() {
        k8s.close();
    }

    private VirtualIP web() {
        return k8s.getVirtualIP("shop", "web");
    }

    private long masterEvents(String node) {
        return k8s.events("shop", "web").stream()
                .filter(e -> "Normal".equals(e.getType()) && "MasterChanged".equals(e.getReason())
                        && e.getMessage().startsWith("node " + node + " "))
                .count();
    }

    @Test
    void reportsBecomeNoMasterThenReadyThenSplitBrainThenANewMaster() {
        eventually(() -> assertThat(web().getStatus().getPhase()).isEqualTo(VirtualIPPhase.Pending));

        for (String node : List.of("n1", "n2", "n3")) {
            k8s.report(node, instance, InstanceState.BACKUP, 100);
        }
        eventually(() -> {
            assertThat(web().getStatus().getPhase()).isEqualTo(VirtualIPPhase.NoMaster);
            assertThat(web().getStatus().getNodes()).containsOnlyKeys("n1", "n2", "n3");
            assertThat(web().getStatus().getMaster()).isNull();
        });

        k8s.report("n1", instance, InstanceState.MASTER, 100);
        eventually(() -> {
            assertThat(web().getStatus().getPhase()).isEqualTo(VirtualIPPhase.Ready);
            assertThat(web().getStatus().getMaster()).isEqualTo("n1");
            assertThat(web().getStatus().getNodes().get("n1").getState()).isEqualTo(InstanceState.MASTER);
            assertThat(web().getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo(Reasons.TYPE_READY);
                assertThat(c.getStatus()).isEqualTo("True");
                assertThat(c.getObservedGeneration()).isEqualTo(web().getMetadata().getGeneration());
            });
            assertThat(masterEvents("n1")).isEqualTo(1);
        });

        k8s.report("n2", instance, InstanceState.MASTER, 99);
        eventually(() -> {
            assertThat(web().getStatus().getPhase()).isEqualTo(VirtualIPPhase.SplitBrain);
            assertThat(web().getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo(Reasons.TYPE_SPLIT_BRAIN);
                assertThat(c.getStatus()).isEqualTo("True");
            });
        });

        k8s.report("n1", instance, InstanceState.BACKUP, 100);
        eventually(() -> {
            assertThat(web().getStatus().getPhase()).isEqualTo(VirtualIPPhase.Ready);
            assertThat(web().getStatus().getMaster()).isEqualTo("n2");
            assertThat(web().getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo(Reasons.TYPE_SPLIT_BRAIN);
                assertThat(c.getStatus()).isEqualTo("False");
            });
            assertThat(masterEvents("n2")).isEqualTo(1);
        });
        assertThat(masterEvents("n1")).isEqualTo(1);
    }

    @Test
    void aSteadyClusterCausesNoWrites() {
        k8s.report("n1", instance, InstanceState.MASTER, 100);
        eventually(() -> assertThat(web().getStatus().getMaster()).isEqualTo("n1"));
        long[] last = {-1};
        Awaitility.await().atMost(OperatorHarness.CONVERGE).pollInterval(Duration.ofMillis(300)).until(() -> {
            long now = k8s.operator().writes().total();
            boolean quiet = now == last[0];
            last[0] = now;
            return quiet;
        });
        long settled = k8s.operator().writes().total();

        // A report that changes nothing the status shows (same state, same priority) and an agent heartbeat.
        k8s.report("n1", instance, InstanceState.MASTER, 100);
        k8s.client().resources(io.vipkeeper.api.v1alpha1.VirtualIPNode.class).withName("n2").subresource("status")
                .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                        io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                        "{\"status\":{\"heartbeat\":\"2026-11-25T12:00:05Z\"}}");

        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> k8s.operator().writes().total() == settled);
    }
}
