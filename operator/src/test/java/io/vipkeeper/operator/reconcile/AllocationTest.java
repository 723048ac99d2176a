package io.vipkeeper.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipkeeper.api.v1alpha1.NodeInstanceSpec;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPhase;
import io.vipkeeper.operator.testing.OperatorHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Allocation stays unique when many VirtualIPs arrive at once. */
class AllocationTest {

    private static final int COUNT = 200;

    private OperatorHarness k8s;

    @BeforeEach
    void start() {
        k8s = OperatorHarness.start();
        k8s.namespace("shop", Map.of());
        k8s.node("n1", "10.199.0.1", Map.of());
        k8s.node("n2", "10.199.0.2", Map.of());
        k8s.node("n3", "10.199.0.3", Map.of());
        k8s.pool("lan", OperatorHarness.poolSpec("192.168.120.0/24"));
    }

    @AfterEach
    void stop() {
        k8s.close();
    }

    @Test
    void twoHundredConcurrentCreationsGetDistinctVridsAndAddresses() throws Exception {
        try (ExecutorService creators = Executors.newFixedThreadPool(16)) {
            List<Future<?>> created = new ArrayList<>();
            for (int i = 0; i < COUNT; i++) {
                String name = "vip-" + i;
                created.add(creators.submit(() -> k8s.virtualIP("shop", name, s -> s.setPool("lan"))));
            }
            for (Future<?> f : created) {
                f.get();
            }
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            List<VirtualIP> vips = k8s.client().resources(VirtualIP.class).inNamespace("shop").list().getItems();
            assertThat(vips).hasSize(COUNT);
            assertThat(vips).allSatisfy(v -> {
                assertThat(v.getStatus()).isNotNull();
                assertThat(v.getStatus().getPhase()).isNotNull().isNotEqualTo(VirtualIPPhase.Invalid);
                assertThat(v.getStatus().getVirtualRouterId()).isNotNull();
            });
            assertThat(k8s.getNode("n3").getSpec().getInstances()).hasSize(COUNT);
        });

        List<VirtualIP> vips = k8s.client().resources(VirtualIP.class).inNamespace("shop").list().getItems();
        Set<Integer> vrids = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (VirtualIP vip : vips) {
            assertThat(vrids.add(vip.getStatus().getVirtualRouterId())).as("VRID of %s unique",
                    vip.getMetadata().getName()).isTrue();
            assertThat(vip.getStatus().getAddresses()).hasSize(1);
            assertThat(addresses.add(vip.getStatus().getAddresses().getFirst())).as("address of %s unique",
                    vip.getMetadata().getName()).isTrue();
        }
        // What the nodes run agrees with what the statuses say.
        for (String node : List.of("n1", "n2", "n3")) {
            List<NodeInstanceSpec> instances = k8s.getNode(node).getSpec().getInstances();
            assertThat(instances.stream().map(NodeInstanceSpec::getVirtualRouterId).distinct()).hasSize(COUNT);
            for (NodeInstanceSpec instance : instances) {
                VirtualIP vip = k8s.getVirtualIP("shop", instance.getVirtualIPName());
                assertThat(instance.getVirtualRouterId()).isEqualTo(vip.getStatus().getVirtualRouterId());
                assertThat(instance.getAddresses()).isEqualTo(vip.getStatus().getAddresses());
            }
        }
    }
}
