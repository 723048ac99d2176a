package io.vipkeeper.operator.core;

import io.vipkeeper.api.v1alpha1.AdvertisementMode;
import io.vipkeeper.api.v1alpha1.Formats;
import io.vipkeeper.api.v1alpha1.NodeInstanceSpec;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.vipkeeper.operator.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The same cluster, in any order of its lists, gives the same plan, every time. */
class DeterminismPropertyTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** A random cluster: pools (some invalid, some unicast), VirtualIPs (some clashing), nodes (some not ready). */
    private static ClusterView randomCluster(Random r) {
        List<VirtualIPPool> pools = new ArrayList<>();
        int poolCount = 1 + r.nextInt(4);
        for (int p = 0; p < poolCount; p++) {
            VirtualIPPool pool = vrids(pool("pool" + p, "10.199." + p + ".0/" + (26 + r.nextInt(5)),
                    "fd00:199:" + p + "::/124"), 1 + r.nextInt(5), 6 + r.nextInt(30));
            if (r.nextBoolean()) {
                pool.getSpec().setMode(AdvertisementMode.Unicast);
            }
            if (r.nextInt(4) == 0) {
                selecting(pool, "zone", "z" + r.nextInt(2));
            }
            if (r.nextInt(8) == 0) {
                pool.getSpec().setDefaultPriority(300); // invalid
            }
            if (r.nextInt(4) == 0) {
                pool.getSpec().setAllowedNamespaces(List.of("ns0", "ns1"));
            }
            pools.add(pool);
        }
        List<NodeView> nodes = new ArrayList<>();
        int nodeCount = 1 + r.nextInt(8);
        for (int n = 0; n < nodeCount; n++) {
            nodes.add(node("node" + n, Map.of("zone", "z" + r.nextInt(2)), r.nextInt(6) != 0,
                    "10.199.100." + n, "fd00:199:100::" + n));
        }
        List<VirtualIP> vips = new ArrayList<>();
        int vipCount = r.nextInt(60);
        for (int v = 0; v < vipCount; v++) {
            int p = r.nextInt(poolCount + 1); // poolCount: a missing pool
            VirtualIP vip = vip("ns" + r.nextInt(3), "vip" + v, "pool" + p, r.nextInt(20));
            if (r.nextInt(5) == 0) {
                withAddresses(vip, "10.199." + p + "." + r.nextInt(64) + "/32");
            }
            if (r.nextInt(5) == 0) {
                withVrid(vip, 1 + r.nextInt(40));
            }
            if (r.nextInt(5) == 0) {
                preferring(vip, "node" + r.nextInt(nodeCount), 150 + r.nextInt(50));
            }
            if (r.nextInt(6) == 0) {
                forService(vip, "svc" + v);
            }
            vips.add(vip);
        }
        Map<String, Set<String>> endpoints = new HashMap<>();
        for (VirtualIP vip : vips) {
            var labels = vip.getMetadata().getLabels();
            String service = labels == null ? null : labels.get(io.vipkeeper.api.VipKeeper.LABEL_SERVICE_NAME);
            if (service != null && r.nextBoolean()) {
                endpoints.put(ClusterView.serviceKey(vip.getMetadata().getNamespace(), service),
                        Set.of("node" + r.nextInt(nodeCount)));
            }
        }
        return view(pools, vips, nodes, endpoints);
    }

    @Property(tries = 200)
    void shuffledInputGivesTheSamePlan(@ForAll long seed) {
        ClusterView cluster = randomCluster(new Random(seed));
        String before = SERIALIZATION.asJson(cluster.pools()) + SERIALIZATION.asJson(cluster.virtualIPs());
        Plan plan = Planner.plan(cluster);
        // the planner reads its input and never changes it
        assertThat(SERIALIZATION.asJson(cluster.pools()) + SERIALIZATION.asJson(cluster.virtualIPs())).isEqualTo(before);
        assertThat(Planner.plan(cluster)).isEqualTo(plan);

        Random shuffle = new Random(~seed);
        List<VirtualIPPool> pools = new ArrayList<>(cluster.pools());
        List<VirtualIP> vips = new ArrayList<>(cluster.virtualIPs());
        List<NodeView> nodes = new ArrayList<>(cluster.nodes());
        Collections.shuffle(pools, shuffle);
        Collections.shuffle(vips, shuffle);
        Collections.shuffle(nodes, shuffle);
        Plan shuffled = Planner.plan(view(pools, vips, nodes, cluster.readyEndpointNodes()));
        assertThat(shuffled).isEqualTo(plan);
        // the maps iterate in key order too (the operator writes in that order)
        assertThat(new ArrayList<>(shuffled.nodeSpecs().keySet())).isEqualTo(new ArrayList<>(plan.nodeSpecs().keySet()));
        assertThat(new ArrayList<>(shuffled.verdicts().keySet())).isSorted();
        // invariants: every node has a spec; instance names unique per node and sorted
        assertThat(plan.nodeSpecs()).hasSize(cluster.nodes().size());
        plan.nodeSpecs().values().forEach(spec -> assertThat(spec.getInstances())
                .extracting(i -> i.getName()).isSorted().doesNotHaveDuplicates());
        // what is rendered keeps the VirtualIPNode schema's patterns and ranges
        plan.nodeSpecs().values().forEach(spec -> spec.getInstances().forEach(i -> {
            assertThat(i.getName()).matches(NodeInstanceSpec.NAME_PATTERN);
            assertThat(i.getPriority()).isBetween(1, 254);
            assertThat(i.getVirtualRouterId()).isBetween(1, 255);
            assertThat(i.getAddresses()).isNotEmpty().allMatch(a -> a.matches(Formats.CIDR));
            assertThat(i.getUnicastPeers()).allMatch(a -> a.matches(Formats.IP_ADDRESS))
                    .doesNotContain(i.getUnicastSource());
            if (i.getMode() == AdvertisementMode.Unicast) {
                assertThat(i.getUnicastSource()).matches(Formats.IP_ADDRESS);
            } else {
                assertThat(i.getUnicastPeers()).isEmpty();
            }
            assertThat(i.getAdvertisementInterval()).matches(Formats.DURATION);
            assertThat(i.getPreemptDelay()).matches(Formats.DURATION);
        }));
    }
}
