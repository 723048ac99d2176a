package io.vipkeeper.operator.core;

import io.vipkeeper.api.v1alpha1.AdvertisementMode;
import io.vipkeeper.api.v1alpha1.CheckSpec;
import io.vipkeeper.api.v1alpha1.ExecProbe;
import io.vipkeeper.api.v1alpha1.NodeInstanceSpec;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.vipkeeper.operator.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** What the planner renders for three nodes: priorities, unicast peers, VRIDs, resolved settings. */
class PlannerRenderingTest {

    private static NodeInstanceSpec only(Plan plan, String node) {
        assertThat(plan.nodeSpecs().get(node).getInstances()).as(node).hasSize(1);
        return plan.nodeSpecs().get(node).getInstances().getFirst();
    }

    @Test
    void threeNodesUnicast() {
        VirtualIPPool pool = vrids(unicast(pool("lan", "10.199.0.10/31")), 50, 60);
        pool.getSpec().setScriptDirectory("/usr/local/bin");
        VirtualIP web = preferring(vip("shop", "web", "lan", 0), "n1", 200);
        CheckSpec check = new CheckSpec();
        check.setName("chk");
        check.setExec(new ExecProbe(List.of("check.sh")));
        web.getSpec().setChecks(List.of(check));
        List<NodeView> nodes = List.of(node("n1", "10.199.1.1", "fd00:199::1"), node("n2", "fd00:199::2", "10.199.1.2"),
                node("n3", "10.199.1.3"));

        Plan plan = Planner.plan(view(List.of(pool), List.of(web), nodes));

        assertThat(plan.verdicts().get("shop/web")).isEqualTo(new Verdict.Valid(
                new Allocation(50, List.of("10.199.0.10/32")), List.of("n1", "n2", "n3")));
        NodeInstanceSpec n1 = only(plan, "n1");
        NodeInstanceSpec n2 = only(plan, "n2");
        NodeInstanceSpec n3 = only(plan, "n3");
        assertThat(n1.getName()).isEqualTo("shop.web.ipv4");
        assertThat(n1.getPriority()).isEqualTo(200);
        // the two other nodes: 100 and 99, distinct, in the rendezvous order of (VirtualIP, node)
        assertThat(Set.of(n2.getPriority(), n3.getPriority())).containsExactlyInAnyOrder(100, 99);
        boolean n2First = Long.compareUnsigned(Planner.rendezvous("shop/web", "n2"), Planner.rendezvous("shop/web", "n3")) > 0;
        assertThat(n2.getPriority()).isEqualTo(n2First ? 100 : 99);
        // peers: the other nodes' IPv4 InternalIP, in node order (n2 lists its IPv6 address first)
        assertThat(n1.getUnicastPeers()).containsExactly("10.199.1.2", "10.199.1.3");
        assertThat(n2.getUnicastPeers()).containsExactly("10.199.1.1", "10.199.1.3");
        assertThat(n3.getUnicastPeers()).containsExactly("10.199.1.1", "10.199.1.2");
        assertThat(List.of(n1.getUnicastSource(), n2.getUnicastSource(), n3.getUnicastSource()))
                .containsExactly("10.199.1.1", "10.199.1.2", "10.199.1.3");
        assertThat(n1.getMode()).isEqualTo(AdvertisementMode.Unicast);
        for (NodeInstanceSpec i : List.of(n1, n2, n3)) {
            assertThat(i.getVirtualRouterId()).isEqualTo(50);
            assertThat(i.getAddresses()).containsExactly("10.199.0.10/32");
            assertThat(i.getVersion()).isEqualTo(3);
            assertThat(i.getAdvertisementInterval()).isEqualTo("1s");
            assertThat(i.getPreempt()).isTrue();
            assertThat(i.getPreemptDelay()).isEqualTo("0s");
            assertThat(i.getChecksumWithPseudoHeader()).isTrue();
            assertThat(i.getInterfaceName()).isEqualTo("eth0");
            assertThat(i.getInterfaceCidr()).isNull();
            assertThat(i.getVirtualIPNamespace()).isEqualTo("shop");
            assertThat(i.getVirtualIPName()).isEqualTo("web");
            assertThat(i.getVirtualIPUid()).isEqualTo("uid-shop-web");
            assertThat(i.getChecks()).containsExactly(check);
            assertThat(i.getScriptDirectory()).isEqualTo("/usr/local/bin");
            assertThat(i.getRunScriptsAsRoot()).isFalse();
        }
    }

    @Test
    void secondVirtualIpGetsTheNextVridAndAddressAndSpreadsItsMaster() {
        VirtualIPPool pool = vrids(pool("lan", "10.199.0.10/31"), 50, 60);
        VirtualIP a = vip("shop", "a", "lan", 0);
        VirtualIP b = vip("shop", "b", "lan", 1);
        List<NodeView> nodes = List.of(node("n1"), node("n2"), node("n3"));

        Plan plan = Planner.plan(view(List.of(pool), List.of(b, a), nodes));

        assertThat(((Verdict.Valid) plan.verdicts().get("shop/a")).allocation())
                .isEqualTo(new Allocation(50, List.of("10.199.0.10/32")));
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/b")).allocation())
                .isEqualTo(new Allocation(51, List.of("10.199.0.11/32")));
        for (String node : List.of("n1", "n2", "n3")) {
            List<NodeInstanceSpec> instances = plan.nodeSpecs().get(node).getInstances();
            assertThat(instances).extracting(NodeInstanceSpec::getName).containsExactly("shop.a.ipv4", "shop.b.ipv4");
            // multicast pool: no peers, no source
            assertThat(instances).allSatisfy(i -> {
                assertThat(i.getMode()).isEqualTo(AdvertisementMode.Multicast);
                assertThat(i.getUnicastPeers()).isEmpty();
                assertThat(i.getUnicastSource()).isNull();
            });
        }
        // each VirtualIP: three distinct priorities 100, 99, 98
        for (int index = 0; index < 2; index++) {
            Set<Integer> priorities = new HashSet<>();
            for (String node : List.of("n1", "n2", "n3")) {
                priorities.add(plan.nodeSpecs().get(node).getInstances().get(index).getPriority());
            }
            assertThat(priorities).containsExactlyInAnyOrder(100, 99, 98);
        }
    }

    @Test
    void theOnlyNodeOfAUnicastPoolStaysUnicastWithNoPeers() {
        VirtualIPPool pool = unicast(pool("lan", "10.199.0.0/24"));
        Plan plan = Planner.plan(view(List.of(pool), List.of(vip("shop", "web", "lan", 0)),
                List.of(node("n1", "10.199.1.1"), node("n2", Map.of(), false, "10.199.1.2"))));
        NodeInstanceSpec n1 = only(plan, "n1");
        assertThat(n1.getMode()).isEqualTo(AdvertisementMode.Unicast);
        assertThat(n1.getUnicastPeers()).isEmpty();
        assertThat(n1.getUnicastSource()).isEqualTo("10.199.1.1");
    }

    @Test
    void aRecordedAllocationOutsideAShrunkPoolIsReplaced() {
        VirtualIPPool pool = vrids(pool("lan", "10.199.0.0/24"), 1, 50);
        VirtualIP v = vip("shop", "web", "lan", 0);
        VirtualIP other = vip("shop", "other", "lan", 1);
        Plan first = Planner.plan(view(List.of(pool), List.of(v, other), List.of(node("n1"))));
        recordAllocation(v, first.verdicts().get("shop/web"));
        recordAllocation(other, first.verdicts().get("shop/other"));
        assertThat(((Verdict.Valid) first.verdicts().get("shop/web")).allocation())
                .isEqualTo(new Allocation(1, List.of("10.199.0.0/32")));
        // the admin narrows the pool: web's address and VRID are no longer in it, other's still are
        pool.getSpec().setAddresses(List.of("10.199.0.1/32", "10.199.0.8/29"));
        vrids(pool, 2, 10);
        Plan plan = Planner.plan(view(List.of(pool), List.of(v, other), List.of(node("n1"))));
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/other")).allocation())
                .isEqualTo(new Allocation(2, List.of("10.199.0.1/32")));
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/web")).allocation())
                .isEqualTo(new Allocation(3, List.of("10.199.0.8/32")));
    }

    @Test
    void defaultsComeFromThePool() {
        VirtualIPPool pool = pool("lan", "10.199.0.0/24");
        pool.getSpec().setVersion(2);
        pool.getSpec().setAdvertisementInterval("3s");
        pool.getSpec().setDefaultPriority(150);
        pool.getSpec().setRunScriptsAsRoot(true);
        VirtualIP v = vip("shop", "web", "lan", 0);
        Plan plan = Planner.plan(view(List.of(pool), List.of(v), List.of(node("n1"), node("n2"))));
        NodeInstanceSpec i = plan.nodeSpecs().get("n1").getInstances().getFirst();
        assertThat(i.getVersion()).isEqualTo(2);
        assertThat(i.getAdvertisementInterval()).isEqualTo("3s");
        assertThat(i.getRunScriptsAsRoot()).isTrue();
        assertThat(List.of(i.getPriority(), plan.nodeSpecs().get("n2").getInstances().getFirst().getPriority()))
                .containsExactlyInAnyOrder(150, 149);
        // the VirtualIP's own settings win over the pool's
        v.getSpec().setVersion(3);
        v.getSpec().setAdvertisementInterval("100ms");
        v.getSpec().setPreempt(false);
        v.getSpec().setPreemptDelay("5s");
        v.getSpec().setChecksumWithPseudoHeader(false);
        i = Planner.plan(view(List.of(pool), List.of(v), List.of(node("n1")))).nodeSpecs().get("n1").getInstances().getFirst();
        assertThat(i.getVersion()).isEqualTo(3);
        assertThat(i.getAdvertisementInterval()).isEqualTo("100ms");
        assertThat(i.getPreempt()).isFalse();
        assertThat(i.getPreemptDelay()).isEqualTo("5s");
        assertThat(i.getChecksumWithPseudoHeader()).isFalse();
    }

    @Test
    void preferredPrioritiesAreSkippedByTheSpread() {
        VirtualIPPool pool = pool("lan", "10.199.0.0/24");
        VirtualIP v = preferring(vip("shop", "web", "lan", 0), "n1", 100, "n2", 99);
        Plan plan = Planner.plan(view(List.of(pool), List.of(v),
                List.of(node("n1"), node("n2"), node("n3"), node("n4"))));
        assertThat(only(plan, "n1").getPriority()).isEqualTo(100);
        assertThat(only(plan, "n2").getPriority()).isEqualTo(99);
        assertThat(Set.of(only(plan, "n3").getPriority(), only(plan, "n4").getPriority()))
                .containsExactlyInAnyOrder(98, 97);
    }

    @Test
    void priorityNeverDropsBelowOne() {
        VirtualIPPool pool = pool("lan", "10.199.0.0/24");
        pool.getSpec().setDefaultPriority(2);
        Plan plan = Planner.plan(view(List.of(pool), List.of(vip("shop", "web", "lan", 0)),
                List.of(node("n1"), node("n2"), node("n3"), node("n4"))));
        List<Integer> priorities = plan.nodeSpecs().values().stream()
                .map(s -> s.getInstances().getFirst().getPriority()).sorted().toList();
        assertThat(priorities).containsExactly(1, 1, 1, 2);
    }

    @Test
    void everyNodeGetsASpecAndOnlyEligibleNodesGetInstances() {
        VirtualIPPool pool = selecting(pool("lan", "10.199.0.0/24"), "vip", "yes");
        List<NodeView> nodes = List.of(
                node("a-selected", Map.of("vip", "yes"), true),
                node("b-not-ready", Map.of("vip", "yes"), false),
                node("c-not-selected", Map.of("vip", "no"), true),
                node("d-unlabelled", Map.of(), true));
        Plan plan = Planner.plan(view(List.of(pool), List.of(vip("shop", "web", "lan", 0)), nodes));
        assertThat(plan.nodeSpecs()).containsOnlyKeys("a-selected", "b-not-ready", "c-not-selected", "d-unlabelled");
        assertThat(plan.nodeSpecs().get("a-selected").getInstances()).hasSize(1);
        assertThat(plan.nodeSpecs().get("b-not-ready").getInstances()).isEmpty();
        assertThat(plan.nodeSpecs().get("c-not-selected").getInstances()).isEmpty();
        assertThat(plan.nodeSpecs().get("d-unlabelled").getInstances()).isEmpty();
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/web")).eligibleNodes()).containsExactly("a-selected");
    }

    @Test
    void matchExpressionsSelectNodes() {
        VirtualIPPool pool = pool("lan", "10.199.0.0/24");
        pool.getSpec().setNodeSelector(new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
                .addNewMatchExpression().withKey("zone").withOperator("In").withValues("a", "b").endMatchExpression()
                .addNewMatchExpression().withKey("edge").withOperator("DoesNotExist").endMatchExpression()
                .build());
        List<NodeView> nodes = List.of(
                node("n1", Map.of("zone", "a"), true),
                node("n2", Map.of("zone", "b", "edge", ""), true),
                node("n3", Map.of("zone", "c"), true),
                node("n4", Map.of("zone", "b"), true));
        Plan plan = Planner.plan(view(List.of(pool), List.of(vip("shop", "web", "lan", 0)), nodes));
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/web")).eligibleNodes()).containsExactly("n1", "n4");
    }

    @Test
    void ipv6VirtualIpInAUnicastPoolUsesIpv6PeersAndSkipsNodesWithoutOne() {
        VirtualIPPool pool = unicast(pool("lan6", "fd00:199::/120"));
        pool.getSpec().getNetworkInterface().setName(null);
        pool.getSpec().getNetworkInterface().setCidr("fd00:199::/64");
        List<NodeView> nodes = List.of(node("n1", "10.199.1.1", "fd00:198::1", "fd00:199::1"),
                node("n2", "fd00:199::2"), node("n3", "10.199.1.3"));
        Plan plan = Planner.plan(view(List.of(pool), List.of(vip("shop", "web6", "lan6", 0)), nodes));
        assertThat(plan.verdicts().get("shop/web6")).isEqualTo(new Verdict.Valid(
                new Allocation(1, List.of("fd00:199::/128")), List.of("n1", "n2")));
        NodeInstanceSpec n1 = only(plan, "n1");
        assertThat(n1.getName()).isEqualTo("shop.web6.ipv6");
        assertThat(n1.getInterfaceCidr()).isEqualTo("fd00:199::/64");
        assertThat(n1.getInterfaceName()).isNull();
        assertThat(n1.getUnicastPeers()).containsExactly("fd00:199::2");
        // n1's address inside the interface CIDR is preferred over its first IPv6 address
        assertThat(only(plan, "n2").getUnicastPeers()).containsExactly("fd00:199::1");
        assertThat(plan.nodeSpecs().get("n3").getInstances()).isEmpty();
    }

    @Test
    void externalTrafficPolicyLocalLimitsNodesToReadyEndpoints() {
        VirtualIPPool pool = pool("lan", "10.199.0.0/24");
        VirtualIP svcVip = forService(vip("shop", "svc-web", "lan", 0), "web");
        VirtualIP clusterVip = forService(vip("shop", "svc-api", "lan", 1), "api");
        List<NodeView> nodes = List.of(node("n1"), node("n2"), node("n3"));
        Plan plan = Planner.plan(view(List.of(pool), List.of(svcVip, clusterVip), nodes,
                Map.of(ClusterView.serviceKey("shop", "web"), Set.of("n2", "n9"))));
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/svc-web")).eligibleNodes()).containsExactly("n2");
        // no entry: externalTrafficPolicy Cluster, every node of the pool
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/svc-api")).eligibleNodes()).containsExactly("n1", "n2", "n3");
        // an entry with no node: valid, nowhere
        plan = Planner.plan(view(List.of(pool), List.of(svcVip), nodes,
                Map.of(ClusterView.serviceKey("shop", "web"), Set.of())));
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/svc-web")).eligibleNodes()).isEmpty();
        assertThat(plan.nodeSpecs().values()).allSatisfy(s -> assertThat(s.getInstances()).isEmpty());
    }

    @Test
    void instancesOnANodeAreSortedByName() {
        VirtualIPPool pool = pool("lan", "10.199.0.0/24");
        List<VirtualIP> vips = List.of(vip("b", "z", "lan", 0), vip("a", "y", "lan", 1), vip("a", "x", "lan", 2));
        Plan plan = Planner.plan(view(List.of(pool), vips, List.of(node("n1"))));
        assertThat(plan.nodeSpecs().get("n1").getInstances()).extracting(NodeInstanceSpec::getName)
                .containsExactly("a.x.ipv4", "a.y.ipv4", "b.z.ipv4");
    }

    @Test
    void aVirtualIpBeingDeletedIsRenderedNowhereButKeepsItsAddressReserved() {
        VirtualIPPool pool = pool("lan", "10.199.0.10/31");
        VirtualIP old = vip("shop", "old", "lan", 0);
        Plan first = Planner.plan(view(List.of(pool), List.of(old), List.of(node("n1"))));
        recordAllocation(old, first.verdicts().get("shop/old"));
        old.getMetadata().setDeletionTimestamp(T0.plusSeconds(60).toString());
        VirtualIP fresh = vip("shop", "fresh", "lan", 61);

        Plan plan = Planner.plan(view(List.of(pool), List.of(old, fresh), List.of(node("n1"))));

        assertThat(plan.verdicts()).containsOnlyKeys("shop/fresh");
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/fresh")).allocation().addresses())
                .containsExactly("10.199.0.11/32");
        assertThat(plan.nodeSpecs().get("n1").getInstances()).extracting(NodeInstanceSpec::getName)
                .containsExactly("shop.fresh.ipv4");
        assertThat(plan.poolStatuses().get("lan").getAddressesInUse()).isEqualTo(2);
    }
}
