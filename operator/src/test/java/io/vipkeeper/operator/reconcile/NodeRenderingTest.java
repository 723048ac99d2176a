package io.vipkeeper.operator.reconcile;

import static io.vipkeeper.operator.testing.OperatorHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.vipkeeper.api.v1alpha1.AdvertisementMode;
import io.vipkeeper.api.v1alpha1.NodeInstanceSpec;
import io.vipkeeper.api.v1alpha1.PreferredNode;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPPoolSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPPhase;
import io.vipkeeper.operator.testing.OperatorHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VirtualIPs rendered into one VirtualIPNode per node, and only what changed re-rendered, on the mock server. */
class NodeRenderingTest {

    private OperatorHarness k8s;

    @BeforeEach
    void start() {
        k8s = OperatorHarness.start();
        k8s.namespace("shop", Map.of());
        k8s.node("n1", "10.199.0.1", Map.of("vip", "yes"));
        k8s.node("n2", "10.199.0.2", Map.of("vip", "yes"));
        k8s.node("n3", "10.199.0.3", Map.of("vip", "yes"));
    }

    @AfterEach
    void stop() {
        k8s.close();
    }

    private static PreferredNode preferred(String node, int priority) {
        PreferredNode p = new PreferredNode();
        p.setNode(node);
        p.setPriority(priority);
        return p;
    }

    @Test
    void threeNodesGetTheInstanceWithPrioritiesPeersAndTheAllocatedVrid() {
        VirtualIPPoolSpec spec = OperatorHarness.poolSpec("192.168.50.0/29");
        spec.setMode(AdvertisementMode.Unicast);
        spec.setVirtualRouterIds(vrids(40, 49));
        k8s.pool("lan", spec);
        k8s.virtualIP("shop", "web", s -> {
            s.setPool("lan");
            s.setPreferredNodes(List.of(preferred("n2", 200)));
        });

        eventually(() -> {
            for (String node : List.of("n1", "n2", "n3")) {
                assertThat(k8s.instanceOn(node, "shop", "web")).as(node).isPresent();
            }
        });
        NodeInstanceSpec n1 = k8s.instanceOn("n1", "shop", "web").orElseThrow();
        NodeInstanceSpec n2 = k8s.instanceOn("n2", "shop", "web").orElseThrow();
        NodeInstanceSpec n3 = k8s.instanceOn("n3", "shop", "web").orElseThrow();
        assertThat(n2.getPriority()).isEqualTo(200);
        // The others: the pool's default and one below, distinct so the failover order is fixed.
        assertThat(List.of(n1.getPriority(), n3.getPriority())).containsExactlyInAnyOrder(100, 99);
        assertThat(n1.getVirtualRouterId()).isEqualTo(40).isEqualTo(n2.getVirtualRouterId()).isEqualTo(n3.getVirtualRouterId());
        assertThat(n1.getUnicastPeers()).containsExactlyInAnyOrder("10.199.0.2", "10.199.0.3");
        assertThat(n2.getUnicastPeers()).containsExactlyInAnyOrder("10.199.0.1", "10.199.0.3");
        assertThat(n1.getAddresses()).hasSize(1).isEqualTo(n2.getAddresses());
        assertThat(n1.getInterfaceName()).isEqualTo("eth0");
        assertThat(n1.getName()).startsWith("shop.web.");
        assertThat(k8s.getNode("n1").getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo("Node"));

        eventually(() -> {
            VirtualIP vip = k8s.getVirtualIP("shop", "web");
            assertThat(vip.getStatus()).isNotNull();
            assertThat(vip.getStatus().getVirtualRouterId()).isEqualTo(40);
            assertThat(vip.getStatus().getAddresses()).isEqualTo(n1.getAddresses());
            assertThat(vip.getStatus().getPhase()).isEqualTo(VirtualIPPhase.Pending);
            assertThat(vip.getMetadata().getFinalizers()).contains(io.vipkeeper.api.VipKeeper.FINALIZER);
        });
    }

    @Test
    void nodeAndPoolChangesRewriteOnlyTheNodesTheyChange() {
        VirtualIPPoolSpec lan = OperatorHarness.poolSpec("192.168.60.0/28");
        lan.setNodeSelector(new LabelSelectorBuilder().addToMatchLabels("vip", "yes").build());
        k8s.pool("lan", lan);
        k8s.pool("other", OperatorHarness.poolSpec("192.168.61.0/28"));
        k8s.virtualIP("shop", "web", s -> s.setPool("lan"));
        eventually(() -> assertThat(List.of("n1", "n2", "n3")).allSatisfy(n ->
                assertThat(k8s.instanceOn(n, "shop", "web")).as(n).isPresent()));
        eventually(() -> assertThat(k8s.getVirtualIP("shop", "web").getStatus()).isNotNull());
        WriteCounters writes = k8s.operator().writes();
        long n1Before = writesTo(writes, "n1");
        long n2Before = writesTo(writes, "n2");
        long n3Before = writesTo(writes, "n3");

        // n3 leaves the pool's node selector: only n3's config changes (multicast: no peer lists to update; n3
        // ranked below the others or not, n1 and n2 keep their priorities relative to each other).
        var n1Spec = k8s.instanceOn("n1", "shop", "web").orElseThrow();
        var n2Spec = k8s.instanceOn("n2", "shop", "web").orElseThrow();
        k8s.client().nodes().withName("n3").edit(n -> {
            n.getMetadata().getLabels().put("vip", "no");
            return n;
        });
        eventually(() -> assertThat(k8s.instanceOn("n3", "shop", "web")).isEmpty());
        // A change to another pool touches none of these nodes' configs.
        k8s.client().resources(VirtualIPPool.class).withName("other").patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"replace\",\"path\":\"/spec/defaultPriority\",\"value\":150}]");
        waitForQuiet();
        assertThat(writesTo(writes, "n3")).isEqualTo(n3Before + 1);
        assertThat(writesTo(writes, "n1")).isEqualTo(n1Before
                + (n1Spec.equals(k8s.instanceOn("n1", "shop", "web").orElseThrow()) ? 0 : 1));
        assertThat(writesTo(writes, "n2")).isEqualTo(n2Before
                + (n2Spec.equals(k8s.instanceOn("n2", "shop", "web").orElseThrow()) ? 0 : 1));

        // A node that joins gets the instance; another node is rewritten only if its own instance changed.
        n1Before = writesTo(writes, "n1");
        n1Spec = k8s.instanceOn("n1", "shop", "web").orElseThrow();
        n3Before = writesTo(writes, "n3");
        k8s.node("n4", "10.199.0.4", Map.of("vip", "yes"));
        eventually(() -> assertThat(k8s.instanceOn("n4", "shop", "web")).isPresent());
        waitForQuiet();
        assertThat(writesTo(writes, "n1")).isEqualTo(n1Before
                + (n1Spec.equals(k8s.instanceOn("n1", "shop", "web").orElseThrow()) ? 0 : 1));
        assertThat(writesTo(writes, "n3")).as("n3 serves nothing; nothing to rewrite").isEqualTo(n3Before);

        // The pool's default priority moves: every node that runs the instance is rewritten exactly once.
        long n1BeforePriority = writesTo(writes, "n1");
        long n4BeforePriority = writesTo(writes, "n4");
        k8s.client().resources(VirtualIPPool.class).withName("lan").patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"replace\",\"path\":\"/spec/defaultPriority\",\"value\":120}]");
        eventually(() -> assertThat(List.of("n1", "n2", "n4").stream()
                .map(n -> k8s.instanceOn(n, "shop", "web").orElseThrow().getPriority()).toList())
                .containsExactlyInAnyOrder(120, 119, 118));
        waitForQuiet();
        assertThat(writesTo(writes, "n1")).isEqualTo(n1BeforePriority + 1);
        assertThat(writesTo(writes, "n4")).isEqualTo(n4BeforePriority + 1);
        assertThat(writesTo(writes, "n3")).isEqualTo(n3Before);
    }

    private static long writesTo(WriteCounters writes, String node) {
        return writes.get(WriteCounters.Kind.NODE_UPDATE, node) + writes.get(WriteCounters.Kind.NODE_CREATE, node);
    }

    @Test
    void aDeletedVirtualIPLeavesEveryNodeBeforeItGoes() {
        k8s.pool("lan", OperatorHarness.poolSpec("192.168.70.0/28"));
        k8s.virtualIP("shop", "web", s -> s.setPool("lan"));
        k8s.virtualIP("shop", "api", s -> s.setPool("lan"));
        eventually(() -> assertThat(k8s.instanceOn("n1", "shop", "web")).isPresent());
        eventually(() -> assertThat(k8s.instanceOn("n1", "shop", "api")).isPresent());

        k8s.client().resources(VirtualIP.class).inNamespace("shop").withName("web").delete();

        eventually(() -> assertThat(k8s.getVirtualIP("shop", "web")).isNull());
        for (String node : List.of("n1", "n2", "n3")) {
            assertThat(k8s.instanceOn(node, "shop", "web")).as(node).isEmpty();
            assertThat(k8s.instanceOn(node, "shop", "api")).as(node).isPresent();
        }
    }

    @Test
    void aDeletedNodeLosesItsNodeObject() {
        k8s.pool("lan", OperatorHarness.poolSpec("192.168.80.0/28"));
        eventually(() -> assertThat(k8s.getNode("n3")).isNotNull());

        k8s.client().nodes().withName("n3").delete();

        eventually(() -> assertThat(k8s.getNode("n3")).isNull());
        assertThat(k8s.getNode("n1")).isNotNull();
    }

    @Test
    void aPoolInUseIsNotDeletedUntilItsVirtualIPsAreGone() {
        k8s.pool("lan", OperatorHarness.poolSpec("192.168.90.0/28"));
        k8s.virtualIP("shop", "web", s -> s.setPool("lan"));
        eventually(() -> assertThat(k8s.instanceOn("n1", "shop", "web")).isPresent());
        eventually(() -> assertThat(k8s.client().resources(VirtualIPPool.class).withName("lan").get()
                .getMetadata().getFinalizers()).contains(VirtualIPPoolReconciler.FINALIZER));

        k8s.client().resources(VirtualIPPool.class).withName("lan").delete();

        eventually(() -> {
            VirtualIPPool pool = k8s.client().resources(VirtualIPPool.class).withName("lan").get();
            assertThat(pool).isNotNull();
            assertThat(pool.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo(VirtualIPPoolReconciler.CONDITION_DELETION_BLOCKED);
                assertThat(c.getStatus()).isEqualTo("True");
                assertThat(c.getMessage()).contains("shop/web");
            });
            assertThat(k8s.events(null, "lan")).anySatisfy(e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getReason()).isEqualTo(VirtualIPPoolReconciler.REASON_IN_USE);
            });
        });
        assertThat(k8s.instanceOn("n1", "shop", "web")).isPresent();

        k8s.client().resources(VirtualIP.class).inNamespace("shop").withName("web").delete();

        eventually(() -> assertThat(k8s.client().resources(VirtualIPPool.class).withName("lan").get()).isNull());
    }

    private static io.vipkeeper.api.v1alpha1.VridRange vrids(int min, int max) {
        var range = new io.vipkeeper.api.v1alpha1.VridRange();
        range.setMin(min);
        range.setMax(max);
        return range;
    }

    /** Waits until the operator has written nothing for a while (the writes a change causes are done). */
    private void waitForQuiet() {
        long[] last = {-1};
        org.awaitility.Awaitility.await().atMost(OperatorHarness.CONVERGE).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> {
                    long now = k8s.operator().writes().total();
                    boolean quiet = now == last[0];
                    last[0] = now;
                    return quiet;
                });
    }
}
