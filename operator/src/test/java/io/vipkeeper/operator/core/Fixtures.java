package io.vipkeeper.operator.core;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.vipkeeper.api.VipKeeper;
import io.vipkeeper.api.v1alpha1.AdvertisementMode;
import io.vipkeeper.api.v1alpha1.InterfaceSelector;
import io.vipkeeper.api.v1alpha1.PreferredNode;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPPoolSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPStatus;
import io.vipkeeper.api.v1alpha1.VridRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders for the planner's inputs. Addresses live in 10.199.0.0/16 and fd00:199::/64 (documentation only). */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");

    private Fixtures() {
    }

    static VirtualIPPool pool(String name, String... addresses) {
        VirtualIPPool pool = new VirtualIPPool();
        pool.setMetadata(new ObjectMetaBuilder().withName(name).withGeneration(1L).build());
        VirtualIPPoolSpec spec = new VirtualIPPoolSpec();
        spec.setAddresses(List.of(addresses));
        InterfaceSelector nic = new InterfaceSelector();
        nic.setName("eth0");
        spec.setNetworkInterface(nic);
        pool.setSpec(spec);
        return pool;
    }

    static VirtualIPPool unicast(VirtualIPPool pool) {
        pool.getSpec().setMode(AdvertisementMode.Unicast);
        return pool;
    }

    static VirtualIPPool vrids(VirtualIPPool pool, int min, int max) {
        VridRange range = new VridRange();
        range.setMin(min);
        range.setMax(max);
        pool.getSpec().setVirtualRouterIds(range);
        return pool;
    }

    static VirtualIPPool selecting(VirtualIPPool pool, String label, String value) {
        pool.getSpec().setNodeSelector(new LabelSelectorBuilder().withMatchLabels(Map.of(label, value)).build());
        return pool;
    }

    /** A VirtualIP created {@code secondsAfterT0} after {@link #T0}. */
    static VirtualIP vip(String namespace, String name, String pool, int secondsAfterT0) {
        VirtualIP vip = new VirtualIP();
        vip.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).withGeneration(1L)
                .withUid("uid-" + namespace + "-" + name)
                .withCreationTimestamp(T0.plusSeconds(secondsAfterT0).toString()).build());
        VirtualIPSpec spec = new VirtualIPSpec();
        spec.setPool(pool);
        vip.setSpec(spec);
        return vip;
    }

    static VirtualIP withAddresses(VirtualIP vip, String... addresses) {
        vip.getSpec().setAddresses(List.of(addresses));
        return vip;
    }

    static VirtualIP withVrid(VirtualIP vip, int vrid) {
        vip.getSpec().setVirtualRouterId(vrid);
        return vip;
    }

    static VirtualIP preferring(VirtualIP vip, Object... nodeThenPriority) {
        List<PreferredNode> preferred = new ArrayList<>();
        for (int i = 0; i < nodeThenPriority.length; i += 2) {
            PreferredNode p = new PreferredNode();
            p.setNode((String) nodeThenPriority[i]);
            p.setPriority((Integer) nodeThenPriority[i + 1]);
            preferred.add(p);
        }
        vip.getSpec().setPreferredNodes(preferred);
        return vip;
    }

    static VirtualIP forService(VirtualIP vip, String service) {
        vip.getMetadata().setLabels(Map.of(VipKeeper.LABEL_SERVICE_NAME, service));
        return vip;
    }

    /** Records a valid verdict's allocation in the VirtualIP's status, as the operator would after a plan. */
    static void recordAllocation(VirtualIP vip, Verdict verdict) {
        VirtualIPStatus status = new VirtualIPStatus();
        if (verdict instanceof Verdict.Valid valid) {
            status.setVirtualRouterId(valid.allocation().virtualRouterId());
            status.setAddresses(valid.allocation().addresses());
        }
        vip.setStatus(status);
    }

    static NodeView node(String name, String... internalIPs) {
        return new NodeView(name, Map.of(), true, List.of(internalIPs));
    }

    static NodeView node(String name, Map<String, String> labels, boolean ready, String... internalIPs) {
        return new NodeView(name, labels, ready, List.of(internalIPs));
    }

    static ClusterView view(List<VirtualIPPool> pools, List<VirtualIP> vips, List<NodeView> nodes) {
        return new ClusterView(pools, vips, nodes, Map.of(), Map.of());
    }

    static ClusterView view(List<VirtualIPPool> pools, List<VirtualIP> vips, List<NodeView> nodes,
                            Map<String, Set<String>> readyEndpointNodes) {
        return new ClusterView(pools, vips, nodes, Map.of(), readyEndpointNodes);
    }

    static String key(VirtualIP vip) {
        return vip.getMetadata().getNamespace() + "/" + vip.getMetadata().getName();
    }
}
