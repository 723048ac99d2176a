package io.vipkeeper.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.vipkeeper.api.VipKeeper;
import io.vipkeeper.api.v1alpha1.NodeInstanceSpec;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPNode;
import io.vipkeeper.api.v1alpha1.VirtualIPPhase;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.Map;
import java.util.Objects;

/**
 * Which reconciles a change in the cluster asks for: the one place that maps a change of any kind to the primaries
 * whose result it can change. JOSDK coalesces a burst of triggers for one primary into one reconcile.
 *
 * <ul>
 *   <li>Node configs depend on pools, VirtualIPs (spec, allocation, deletion), Nodes (labels, Ready, InternalIPs),
 *       Namespaces, Services with their EndpointSlices (externalTrafficPolicy Local): any such change asks every node
 *       to compare its config with the new plan; only nodes whose config changed are written. Changes that cannot
 *       move the plan (a VirtualIP's aggregated status, a node heartbeat, an agent's status) do not.</li>
 *   <li>A VirtualIP's status depends on its verdict and on the agents' reports: a VirtualIPNode change asks the
 *       VirtualIPs its spec holds; a pool change every VirtualIP of the pool; a VirtualIP change the Invalid
 *       VirtualIPs of its pool (one may have freed what another needed); a Namespace change the VirtualIPs in it; a
 *       Service change the VirtualIP of its name (made for it, perhaps orphaned).</li>
 *   <li>A pool's status and deletion depend on the VirtualIPs that name it.</li>
 *   <li>A VirtualIP or pool whose own plan input changed is reconciled again from here too: JOSDK's event for it
 *       may have been handled before this cache held the change, with a plan that did not have it yet.</li>
 *   <li>A Service's ingress depends on its VirtualIP's status.</li>
 * </ul>
 */
final class ClusterTriggers implements ClusterCache.ChangeListener {

    private final ClusterCache cache;
    private final NodeConfigReconciler nodeConfig;
    private final VirtualIPReconciler virtualIPs;
    private final VirtualIPPoolReconciler pools;
    private final ServiceReconciler services;

    ClusterTriggers(ClusterCache cache, NodeConfigReconciler nodeConfig, VirtualIPReconciler virtualIPs,
                    VirtualIPPoolReconciler pools, ServiceReconciler services) {
        this.cache = cache;
        this.nodeConfig = nodeConfig;
        this.virtualIPs = virtualIPs;
        this.pools = pools;
        this.services = services;
    }

    /**
     * Hands a trigger to a controller. A controller that is not running (this replica is not the leader, or it is
     * still starting) drops it: when it starts, JOSDK reconciles every primary anyway.
     */
    static <P extends HasMetadata> void propagate(SimpleInboundEventSource<P> source, ResourceID id) {
        if (source.isRunning()) {
            source.propagateEvent(id);
        }
    }

    @Override
    public void changed(HasMetadata before, HasMetadata after, boolean planInput) {
        if (planInput) {
            nodeConfig.triggerAll();
        }
        HasMetadata any = after != null ? after : before;
        switch (any) {
            case VirtualIP vip -> virtualIPChanged((VirtualIP) before, (VirtualIP) after, planInput);
            case VirtualIPNode node -> virtualIPNodeChanged((VirtualIPNode) before, (VirtualIPNode) after);
            case VirtualIPPool pool -> {
                if (planInput) {
                    // JOSDK's own event for the pool may come before this cache holds the change: plan it again.
                    pools.trigger(pool.getMetadata().getName());
                    String name = pool.getMetadata().getName();
                    cache.virtualIPs().stream().filter(v -> v.getSpec() != null && name.equals(v.getSpec().getPool()))
                            .forEach(v -> virtualIPs.trigger(v.getMetadata().getNamespace(), v.getMetadata().getName()));
                }
            }
            case Namespace namespace -> {
                if (planInput) {
                    String name = namespace.getMetadata().getName();
                    cache.virtualIPs().stream().filter(v -> name.equals(v.getMetadata().getNamespace()))
                            .forEach(v -> virtualIPs.trigger(v.getMetadata().getNamespace(), v.getMetadata().getName()));
                }
            }
            case Service service ->
                    virtualIPs.trigger(service.getMetadata().getNamespace(), service.getMetadata().getName());
            default -> {
            }
        }
    }

    private void virtualIPChanged(VirtualIP before, VirtualIP after, boolean planInput) {
        VirtualIP any = after != null ? after : before;
        if (planInput) {
            // JOSDK's own event for the VirtualIP may come before this cache holds the change: plan it again now.
            if (after != null) {
                virtualIPs.trigger(after.getMetadata().getNamespace(), after.getMetadata().getName());
            }
            // An Invalid VirtualIP of the same pool may now get what it asked for.
            String pool = any.getSpec() == null ? null : any.getSpec().getPool();
            for (VirtualIP other : cache.virtualIPs()) {
                if (other.getSpec() != null && Objects.equals(pool, other.getSpec().getPool())
                        && other.getStatus() != null && other.getStatus().getPhase() == VirtualIPPhase.Invalid) {
                    virtualIPs.trigger(other.getMetadata().getNamespace(), other.getMetadata().getName());
                }
            }
            if (before != null && before.getSpec() != null) {
                pools.trigger(before.getSpec().getPool());
            }
            if (after != null && after.getSpec() != null) {
                pools.trigger(after.getSpec().getPool());
            }
        }
        Map<String, String> labels = any.getMetadata().getLabels();
        String service = labels == null ? null : labels.get(VipKeeper.LABEL_SERVICE_NAME);
        if (service != null) {
            services.trigger(any.getMetadata().getNamespace(), service);
        }
    }

    private void virtualIPNodeChanged(VirtualIPNode before, VirtualIPNode after) {
        if (after == null || before == null || !Objects.equals(before.getSpec(), after.getSpec())) {
            nodeConfig.trigger((after != null ? after : before).getMetadata().getName());
        }
        for (VirtualIPNode node : new VirtualIPNode[] {before, after}) {
            if (node == null) {
                continue;
            }
            for (NodeInstanceSpec instance : ClusterCache.instancesOf(node)) {
                virtualIPs.trigger(instance.getVirtualIPNamespace(), instance.getVirtualIPName());
            }
        }
    }
}
