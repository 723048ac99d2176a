package io.vipkeeper.operator.core;

import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPNodeSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.vipkeeper.operator.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change to one pool, node or VirtualIP changes only the node specs it concerns, so the operator writes only
 * those VirtualIPNodes (and an agent restarts nothing else).
 */
class ChangesTest {

    /** Nodes a1..a3 serve pool A, b1..b3 pool B. */
    private static List<NodeView> nodes() {
        List<NodeView> nodes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            nodes.add(node("a" + i, Map.of("pool", "a"), true, "10.199.1." + i));
            nodes.add(node("b" + i, Map.of("pool", "b"), true, "10.199.2." + i));
        }
        return nodes;
    }

    private static List<VirtualIPPool> pools() {
        return List.of(unicast(selecting(pool("a", "10.199.10.0/24"), "pool", "a")),
                selecting(pool("b", "10.199.20.0/24"), "pool", "b"));
    }

    private static List<VirtualIP> vips() {
        return List.of(vip("shop", "a-web", "a", 0), vip("shop", "a-api", "a", 1),
                preferring(vip("shop", "b-web", "b", 2), "b1", 200, "b2", 150, "b3", 120));
    }

    private static Set<String> changedNodes(Plan before, Plan after) {
        Set<String> changed = new TreeSet<>();
        Set<String> all = new TreeSet<>(before.nodeSpecs().keySet());
        all.addAll(after.nodeSpecs().keySet());
        for (String node : all) {
            VirtualIPNodeSpec b = before.nodeSpecs().get(node);
            VirtualIPNodeSpec a = after.nodeSpecs().get(node);
            if (b == null || !b.equals(a)) {
                changed.add(node);
            }
        }
        return changed;
    }

    @Test
    void poolChangeTouchesOnlyItsNodes() {
        Plan before = Planner.plan(view(pools(), vips(), nodes()));
        List<VirtualIPPool> changed = pools();
        changed.getFirst().getSpec().setAdvertisementInterval("200ms");
        Plan after = Planner.plan(view(changed, vips(), nodes()));
        assertThat(changedNodes(before, after)).containsExactly("a1", "a2", "a3");
        assertThat(after.nodeSpecs().get("a1").getInstances())
                .allSatisfy(i -> assertThat(i.getAdvertisementInterval()).isEqualTo("200ms"));
    }

    @Test
    void newVirtualIpTouchesOnlyItsPoolsNodes() {
        Plan before = Planner.plan(view(pools(), vips(), nodes()));
        List<VirtualIP> more = new ArrayList<>(vips());
        more.add(vip("shop", "b-new", "b", 3));
        Plan after = Planner.plan(view(pools(), more, nodes()));
        assertThat(changedNodes(before, after)).containsExactly("b1", "b2", "b3");
        // the existing instances on those nodes are unchanged; only the new one is added
        for (String node : List.of("b1", "b2", "b3")) {
            assertThat(after.nodeSpecs().get(node).getInstances()).containsAll(before.nodeSpecs().get(node).getInstances());
            assertThat(after.nodeSpecs().get(node).getInstances()).hasSize(2);
        }
    }

    @Test
    void nodeNotReadyInAPoolWithEveryNodePreferredTouchesOnlyThatNode() {
        Plan before = Planner.plan(view(pools(), vips(), nodes()));
        List<NodeView> nodes = new ArrayList<>(nodes());
        nodes.replaceAll(n -> n.name().equals("b3") ? new NodeView("b3", n.labels(), false, n.internalIPs()) : n);
        Plan after = Planner.plan(view(pools(), vips(), nodes));
        assertThat(changedNodes(before, after)).containsExactly("b3");
        assertThat(after.nodeSpecs().get("b3").getInstances()).isEmpty();
    }

    @Test
    void nodeLeavingAUnicastPoolChangesThePeersOfTheOthersOnly() {
        Plan before = Planner.plan(view(pools(), vips(), nodes()));
        List<NodeView> nodes = new ArrayList<>(nodes());
        // a3 loses the label: it leaves pool A
        nodes.replaceAll(n -> n.name().equals("a3") ? new NodeView("a3", Map.of(), true, n.internalIPs()) : n);
        Plan after = Planner.plan(view(pools(), vips(), nodes));
        assertThat(changedNodes(before, after)).isSubsetOf("a1", "a2", "a3").contains("a1", "a2", "a3");
        assertThat(after.nodeSpecs().get("a3").getInstances()).isEmpty();
        assertThat(after.nodeSpecs().get("a1").getInstances())
                .allSatisfy(i -> assertThat(i.getUnicastPeers()).containsExactly("10.199.1.2"));
        // the relative order of the two that stay is kept, so the master among them does not move
        for (int index = 0; index < 2; index++) {
            int beforeA1 = before.nodeSpecs().get("a1").getInstances().get(index).getPriority();
            int beforeA2 = before.nodeSpecs().get("a2").getInstances().get(index).getPriority();
            int afterA1 = after.nodeSpecs().get("a1").getInstances().get(index).getPriority();
            int afterA2 = after.nodeSpecs().get("a2").getInstances().get(index).getPriority();
            assertThat(Integer.compare(afterA1, afterA2)).isEqualTo(Integer.compare(beforeA1, beforeA2));
        }
    }

    @Test
    void readyEndpointsFollowTheService() {
        VirtualIP svc = forService(vip("shop", "svc-web", "b", 5), "web");
        List<VirtualIP> vips = new ArrayList<>(vips());
        vips.add(svc);
        String key = ClusterView.serviceKey("shop", "web");
        Plan before = Planner.plan(view(pools(), vips, nodes(), Map.of(key, Set.of("b2"))));
        assertThat(((Verdict.Valid) before.verdicts().get("shop/svc-web")).eligibleNodes()).containsExactly("b2");
        Plan after = Planner.plan(view(pools(), vips, nodes(), Map.of(key, Set.of("b2", "b3"))));
        assertThat(((Verdict.Valid) after.verdicts().get("shop/svc-web")).eligibleNodes()).containsExactly("b2", "b3");
        // b3 gets the instance; b2's instance of svc-web keeps its priority (the rank order of b2 is unchanged at top
        // or moves by one only when b3 ranks above it)
        assertThat(changedNodes(before, after)).contains("b3").doesNotContain("a1", "a2", "a3", "b1");
    }

    @Test
    void invalidatingOneVirtualIpRemovesOnlyItsInstances() {
        Plan before = Planner.plan(view(pools(), vips(), nodes()));
        List<VirtualIP> vips = new ArrayList<>(vips());
        vips.set(2, withAddresses(vip("shop", "b-web", "b", 2), "10.199.99.1/32"));
        Plan after = Planner.plan(view(pools(), vips, nodes()));
        assertThat(after.verdicts().get("shop/b-web")).isInstanceOf(Verdict.Invalid.class);
        assertThat(changedNodes(before, after)).containsExactly("b1", "b2", "b3");
        assertThat(after.nodeSpecs().get("b1").getInstances()).isEmpty();
        assertThat(after.verdicts().get("shop/a-web")).isEqualTo(before.verdicts().get("shop/a-web"));
    }

    @Test
    void aNewNodeGetsAnEmptySpecAndDisturbsNothingWhenOutsideEveryPool() {
        Plan before = Planner.plan(view(pools(), vips(), nodes()));
        List<NodeView> nodes = new ArrayList<>(nodes());
        nodes.add(node("c1", Map.of("pool", "c"), true, "10.199.3.1"));
        Plan after = Planner.plan(view(pools(), vips(), nodes));
        assertThat(changedNodes(before, after)).containsExactly("c1");
        assertThat(after.nodeSpecs().get("c1").getInstances()).isEmpty();
    }
}
