package io.vipkeeper.operator;

import static io.vipkeeper.operator.testing.OperatorHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPNode;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPSpec;
import io.vipkeeper.operator.testing.MockCluster;
import io.vipkeeper.operator.testing.OperatorHarness;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two replicas on one cluster: only the holder of the Lease writes; the other takes over when it goes. */
class LeaderElectionTest {

    private static OperatorSettings settings(String identity) {
        return OperatorSettings.defaults("default", identity)
                .withLeaseTimings(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(250));
    }

    private static void virtualIP(KubernetesClient client, String name) {
        VirtualIP vip = new VirtualIP();
        vip.setMetadata(new ObjectMetaBuilder().withNamespace("shop").withName(name).build());
        VirtualIPSpec spec = new VirtualIPSpec();
        spec.setPool("lan");
        vip.setSpec(spec);
        client.resource(vip).create();
    }

    private static boolean rendered(KubernetesClient client, String vip) {
        VirtualIPNode node = client.resources(VirtualIPNode.class).withName("n1").get();
        return node != null && node.getSpec() != null && node.getSpec().getInstances() != null
                && node.getSpec().getInstances().stream().anyMatch(i -> vip.equals(i.getVirtualIPName()));
    }

    @Test
    void onlyTheLeaderActsAndTheOtherTakesOverWhenItStops() {
        try (MockCluster cluster = MockCluster.start();
             KubernetesClient clientA = cluster.newClient();
             KubernetesClient clientB = cluster.newClient()) {
            KubernetesClient client = cluster.client();
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata()
                    .build()).create();
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName("n1").endMetadata()
                    .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition()
                    .addNewAddress().withType("InternalIP").withAddress("10.199.0.1").endAddress().endStatus()
                    .build()).create();
            VirtualIPPool pool = new VirtualIPPool();
            pool.setMetadata(new ObjectMetaBuilder().withName("lan").build());
            pool.setSpec(OperatorHarness.poolSpec("192.168.140.0/28"));
            client.resource(pool).create();

            VipKeeperOperator a = VipKeeperOperator.create(clientA, settings("replica-a"), Clock.systemUTC());
            VipKeeperOperator b = VipKeeperOperator.create(clientB, settings("replica-b"), Clock.systemUTC());
            boolean aClosed = false;
            boolean bClosed = false;
            try {
                a.start();
                b.start();
                virtualIP(client, "first");
                eventually(() -> assertThat(rendered(client, "first")).isTrue());
                String leader = client.resources(Lease.class).inNamespace("default")
                        .withName(OperatorSettings.DEFAULT_LEASE_NAME).get().getSpec().getHolderIdentity();
                VipKeeperOperator leading = "replica-a".equals(leader) ? a : b;
                VipKeeperOperator following = leading == a ? b : a;

                assertThat(leader).isIn("replica-a", "replica-b");
                assertThat(leading.writes().total()).isPositive();
                assertThat(following.writes().total()).as("the replica without the Lease wrote nothing").isZero();

                leading.close();
                if (leading == a) {
                    aClosed = true;
                } else {
                    bClosed = true;
                }
                virtualIP(client, "second");

                eventually(() -> assertThat(rendered(client, "second")).isTrue());
                assertThat(following.writes().total()).isPositive();
                assertThat(client.resources(Lease.class).inNamespace("default")
                        .withName(OperatorSettings.DEFAULT_LEASE_NAME).get().getSpec().getHolderIdentity())
                        .isNotEqualTo(leader);
            } finally {
                if (!aClosed) {
                    a.close();
                }
                if (!bClosed) {
                    b.close();
                }
            }
        }
    }
}
