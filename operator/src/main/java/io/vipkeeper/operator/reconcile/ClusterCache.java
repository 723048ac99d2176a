package io.vipkeeper.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vipkeeper.api.v1alpha1.NodeInstanceSpec;
import io.vipkeeper.api.v1alpha1.NodeInstanceStatus;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPNode;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPStatus;
import io.vipkeeper.operator.core.Allocation;
import io.vipkeeper.operator.core.ClusterView;
import io.vipkeeper.operator.core.NodeView;
import io.vipkeeper.operator.core.Plan;
import io.vipkeeper.operator.core.Planner;
import io.vipkeeper.operator.core.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One informer per kind the plan depends on, the {@link ClusterView} built from them, and the {@link Plan} of that
 * view, computed at most once per change of any informer.
 *
 * <p>Why one cache for all reconcilers: the plan is a function of the whole cluster (VRIDs and addresses are unique
 * per pool, a node's config holds every VirtualIP it serves), so every reconciler must see the same view. Listeners
 * are called after the informer's store holds the change, so a reconcile triggered by a listener always plans with
 * that change in view.
 *
 * <p>Allocations are sticky from the first plan that makes them: the planner keeps allocations recorded in
 * {@code VirtualIP.status}, and until that status is written (and seen by the informer) this cache overlays the
 * allocation it already handed out, so two plans computed a few milliseconds apart never give one VRID to two
 * VirtualIPs.
 */
public final class ClusterCache implements AutoCloseable {

    private final KubernetesClient client;
    private final AtomicLong version = new AtomicLong();
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    /** Allocation handed out per VirtualIP uid, until the VirtualIP is deleted. */
    private final Map<String, Allocation> allocations = new ConcurrentHashMap<>();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private final Object planLock = new Object();

    private SharedIndexInformer<VirtualIPPool> pools;
    private SharedIndexInformer<VirtualIP> virtualIPs;
    private SharedIndexInformer<Node> nodes;
    private SharedIndexInformer<Namespace> namespaces;
    private SharedIndexInformer<EndpointSlice> endpointSlices;
    private SharedIndexInformer<Service> services;
    private SharedIndexInformer<VirtualIPNode> virtualIPNodes;
    private volatile Snapshot snapshot;
    private volatile boolean synced;

    /** How long {@link #start()} waits for the first list of each kind. */
    private static final java.time.Duration SYNC_TIMEOUT = java.time.Duration.ofMinutes(2);

    private record Snapshot(long version, Plan plan) {
    }

    /** A cache over {@code client}; nothing is watched before {@link #start()}. */
    public ClusterCache(KubernetesClient client) {
        this.client = client;
    }

    /** Hears of every change the cache sees. */
    @FunctionalInterface
    public interface ChangeListener {
        /**
         * One change: {@code before} null on add, {@code after} null on delete; {@code planInput} when the change
         * can move the plan (see {@link #affectsPlan}). Called on an informer's thread after its store holds the
         * change; must be quick.
         */
        void changed(HasMetadata before, HasMetadata after, boolean planInput);
    }

    /** Registers a listener of every change after {@link #start()} returns. */
    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    /**
     * Starts every informer and returns when each has listed its kind once. Listeners hear of changes only from then
     * on: what the first lists hold, the controllers' first reconcile of every primary covers.
     */
    public void start() {
        pools = track(client.resources(VirtualIPPool.class).runnableInformer(0));
        virtualIPs = track(client.resources(VirtualIP.class).inAnyNamespace().runnableInformer(0));
        nodes = track(client.nodes().runnableInformer(0));
        namespaces = track(client.namespaces().runnableInformer(0));
        endpointSlices = track(client.discovery().v1().endpointSlices().inAnyNamespace().runnableInformer(0));
        services = track(client.services().inAnyNamespace().runnableInformer(0));
        virtualIPNodes = track(client.resources(VirtualIPNode.class).runnableInformer(0));
        try {
            for (SharedIndexInformer<?> informer : informers) {
                informer.start().toCompletableFuture().get(SYNC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the cluster", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not list the cluster: " + e.getMessage(), e);
        }
        synced = true;
    }

    private <T extends HasMetadata> SharedIndexInformer<T> track(SharedIndexInformer<T> informer) {
        informer.addEventHandler(handler());
        informers.add(informer);
        return informer;
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                changed(null, obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                changed(oldObj, newObj);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                if (obj instanceof VirtualIP vip) {
                    allocations.remove(vip.getMetadata().getUid());
                }
                changed(obj, null);
            }
        };
    }

    private void changed(HasMetadata oldObj, HasMetadata newObj) {
        boolean planInput = affectsPlan(oldObj, newObj);
        if (planInput) {
            version.incrementAndGet();
        }
        if (!synced) {
            return;
        }
        for (var listener : listeners) {
            listener.changed(oldObj, newObj, planInput);
        }
    }

    /**
     * Whether a change can move the plan. What the planner does not read — the agents' reports in VirtualIPNodes, a
     * VirtualIP's aggregated status, a node's heartbeat, a pool's status — does not: a report from an agent must not
     * cost a plan of the whole cluster. A VirtualIP's recorded allocation counts only when this cache has not handed
     * one out itself (the overlay already gave the planner that allocation).
     */
    boolean affectsPlan(HasMetadata before, HasMetadata after) {
        HasMetadata any = after != null ? after : before;
        if (any instanceof VirtualIPNode) {
            return false;
        }
        if (before == null || after == null) {
            return true;
        }
        return switch (after) {
            case VirtualIP vip -> {
                VirtualIP old = (VirtualIP) before;
                yield !Objects.equals(old.getSpec(), vip.getSpec())
                        || !Objects.equals(old.getMetadata().getLabels(), vip.getMetadata().getLabels())
                        || !Objects.equals(old.getMetadata().getDeletionTimestamp(), vip.getMetadata().getDeletionTimestamp())
                        || !Objects.equals(old.getMetadata().getCreationTimestamp(), vip.getMetadata().getCreationTimestamp())
                        || (!allocations.containsKey(vip.getMetadata().getUid())
                            && !Objects.equals(recordedAllocation(old), recordedAllocation(vip)));
            }
            case VirtualIPPool pool -> !Objects.equals(((VirtualIPPool) before).getSpec(), pool.getSpec())
                    || !Objects.equals(before.getMetadata().getDeletionTimestamp(), pool.getMetadata().getDeletionTimestamp());
            case Node node -> !nodeView((Node) before).equals(nodeView(node));
            case Namespace ns -> !Objects.equals(before.getMetadata().getLabels(), ns.getMetadata().getLabels());
            case Service service -> !Objects.equals(trafficPolicy((Service) before), trafficPolicy(service));
            case EndpointSlice slice -> !Objects.equals(((EndpointSlice) before).getEndpoints(), slice.getEndpoints())
                    || !Objects.equals(before.getMetadata().getLabels(), slice.getMetadata().getLabels());
            default -> true;
        };
    }

    private static String recordedAllocation(VirtualIP vip) {
        return vip.getStatus() == null ? null : vip.getStatus().getVirtualRouterId() + " " + vip.getStatus().getAddresses();
    }

    private static String trafficPolicy(Service service) {
        return service.getSpec() == null ? null : service.getSpec().getExternalTrafficPolicy();
    }

    /**
     * The plan of the current view. Recomputed only when an informer saw a change since the last plan: the version is
     * read before the stores, so the plan holds at least every change up to that version.
     */
    public Plan plan() {
        Snapshot s = snapshot;
        long v = version.get();
        if (s != null && s.version() == v) {
            return s.plan();
        }
        synchronized (planLock) {
            v = version.get();
            s = snapshot;
            if (s != null && s.version() == v) {
                return s.plan();
            }
            Map<String, String> uidByKey = new HashMap<>();
            Plan plan = Planner.plan(view(uidByKey));
            plan.verdicts().forEach((key, verdict) -> {
                String uid = uidByKey.get(key);
                if (uid != null && verdict instanceof Verdict.Valid valid) {
                    allocations.put(uid, valid.allocation());
                } else if (uid != null) {
                    allocations.remove(uid); // Invalid holds nothing
                }
            });
            snapshot = new Snapshot(v, plan);
            return plan;
        }
    }

    /** The cluster as plain values: VirtualIPs being deleted are left out (their finalizer waits for that). */
    private ClusterView view(Map<String, String> uidByKey) {
        List<VirtualIP> vips = new ArrayList<>();
        for (VirtualIP vip : virtualIPs.getStore().list()) {
            if (vip.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            uidByKey.put(key(vip), vip.getMetadata().getUid());
            vips.add(withRecordedAllocation(vip));
        }
        List<NodeView> nodeViews = nodes.getStore().list().stream().map(ClusterCache::nodeView).toList();
        Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
        for (Namespace ns : namespaces.getStore().list()) {
            namespaceLabels.put(ns.getMetadata().getName(), Objects.requireNonNullElse(ns.getMetadata().getLabels(), Map.of()));
        }
        return new ClusterView(List.copyOf(pools.getStore().list()), vips, nodeViews, namespaceLabels,
                readyEndpointNodes());
    }

    /** The VirtualIP as the planner must see it: with the allocation already handed out, even if not yet written. */
    private VirtualIP withRecordedAllocation(VirtualIP vip) {
        Allocation given = allocations.get(vip.getMetadata().getUid());
        VirtualIPStatus status = vip.getStatus();
        if (given == null || (status != null && Objects.equals(status.getVirtualRouterId(), given.virtualRouterId())
                && Objects.equals(status.getAddresses(), given.addresses()))) {
            return vip;
        }
        // A shallow copy: the planner only reads its input, and a deep clone of every VirtualIP per plan costs more
        // than the plan.
        VirtualIP copy = new VirtualIP();
        copy.setMetadata(vip.getMetadata());
        copy.setSpec(vip.getSpec());
        VirtualIPStatus copied = new VirtualIPStatus();
        if (status != null) {
            copied.setObservedGeneration(status.getObservedGeneration());
            copied.setMaster(status.getMaster());
            copied.setPhase(status.getPhase());
            copied.setNodes(status.getNodes());
            copied.setConditions(status.getConditions());
        }
        copied.setVirtualRouterId(given.virtualRouterId());
        copied.setAddresses(given.addresses());
        copy.setStatus(copied);
        return copy;
    }

    /**
     * For each Service with {@code externalTrafficPolicy: Local}: the nodes that hold a ready endpoint of it (from its
     * EndpointSlices; an endpoint whose ready condition is unset counts as ready, as the EndpointSlice API says).
     * Services with the default policy are absent: every eligible node may hold their address.
     */
    private Map<String, Set<String>> readyEndpointNodes() {
        Map<String, Set<String>> result = new HashMap<>();
        for (Service service : services.getStore().list()) {
            if (service.getSpec() != null && "Local".equals(service.getSpec().getExternalTrafficPolicy())) {
                result.put(key(service), new TreeSet<>());
            }
        }
        for (EndpointSlice slice : endpointSlices.getStore().list()) {
            Map<String, String> labels = slice.getMetadata().getLabels();
            String serviceName = labels == null ? null : labels.get("kubernetes.io/service-name");
            Set<String> nodesOfService = serviceName == null ? null
                    : result.get(slice.getMetadata().getNamespace() + "/" + serviceName);
            if (nodesOfService == null || slice.getEndpoints() == null) {
                continue;
            }
            for (Endpoint endpoint : slice.getEndpoints()) {
                boolean ready = endpoint.getConditions() == null || endpoint.getConditions().getReady() == null
                        || endpoint.getConditions().getReady();
                if (ready && endpoint.getNodeName() != null) {
                    nodesOfService.add(endpoint.getNodeName());
                }
            }
        }
        return result;
    }

    /** The node as the planner sees it: name, labels, Ready, InternalIPs. */
    static NodeView nodeView(Node node) {
        boolean ready = false;
        List<String> internalIPs = new ArrayList<>();
        if (node.getStatus() != null) {
            for (NodeCondition condition : Objects.requireNonNullElse(node.getStatus().getConditions(),
                    List.<NodeCondition>of())) {
                if ("Ready".equals(condition.getType())) {
                    ready = "True".equals(condition.getStatus());
                }
            }
            for (NodeAddress address : Objects.requireNonNullElse(node.getStatus().getAddresses(),
                    List.<NodeAddress>of())) {
                if ("InternalIP".equals(address.getType())) {
                    internalIPs.add(address.getAddress());
                }
            }
        }
        return new NodeView(node.getMetadata().getName(),
                Objects.requireNonNullElse(node.getMetadata().getLabels(), Map.of()), ready, List.copyOf(internalIPs));
    }

    /** {@code namespace/name} of a namespaced object, the key the planner uses. */
    public static String key(HasMetadata object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }

    /** The VirtualIPNode named after {@code node}, or null. */
    public VirtualIPNode virtualIPNode(String node) {
        return virtualIPNodes.getStore().getByKey(node);
    }

    /** Every VirtualIPNode. */
    public List<VirtualIPNode> virtualIPNodes() {
        return virtualIPNodes.getStore().list();
    }

    /** The Node named {@code name}, or null. */
    public Node node(String name) {
        return nodes.getStore().getByKey(name);
    }

    /** Names of every Node. */
    public List<String> nodeNames() {
        return nodes.getStore().list().stream().map(n -> n.getMetadata().getName()).toList();
    }

    /** Every VirtualIP (including those being deleted). */
    public List<VirtualIP> virtualIPs() {
        return virtualIPs.getStore().list();
    }

    /** The VirtualIP {@code namespace/name}, or null. */
    public VirtualIP virtualIP(String namespace, String name) {
        return virtualIPs.getStore().getByKey(namespace + "/" + name);
    }

    /** Every VirtualIPPool. */
    public List<VirtualIPPool> pools() {
        return pools.getStore().list();
    }

    /** The Service {@code namespace/name}, or null. */
    public Service service(String namespace, String name) {
        return services.getStore().getByKey(namespace + "/" + name);
    }

    /**
     * What each node's agent reports for this VirtualIP: node name to the status of the instance the node's spec
     * gives it. A node whose spec no longer holds the VirtualIP does not count, whatever its status still says.
     */
    public Map<String, NodeInstanceStatus> instanceStatuses(VirtualIP vip) {
        Map<String, NodeInstanceStatus> result = new HashMap<>();
        for (VirtualIPNode node : virtualIPNodes.getStore().list()) {
            for (NodeInstanceSpec instance : instancesOf(node)) {
                if (belongsTo(instance, vip) && node.getStatus() != null && node.getStatus().getInstances() != null) {
                    NodeInstanceStatus status = node.getStatus().getInstances().get(instance.getName());
                    if (status != null) {
                        result.put(node.getMetadata().getName(), status);
                    }
                }
            }
        }
        return result;
    }

    /** Names of the nodes whose VirtualIPNode spec still holds an instance of this VirtualIP. */
    public List<String> nodesServing(VirtualIP vip) {
        List<String> result = new ArrayList<>();
        for (VirtualIPNode node : virtualIPNodes.getStore().list()) {
            if (instancesOf(node).stream().anyMatch(instance -> belongsTo(instance, vip))) {
                result.add(node.getMetadata().getName());
            }
        }
        return result;
    }

    /** The instances of a node object's spec (never null). */
    public static List<NodeInstanceSpec> instancesOf(VirtualIPNode node) {
        if (node.getSpec() == null || node.getSpec().getInstances() == null) {
            return List.of();
        }
        return node.getSpec().getInstances();
    }

    private static boolean belongsTo(NodeInstanceSpec instance, VirtualIP vip) {
        return Objects.equals(instance.getVirtualIPNamespace(), vip.getMetadata().getNamespace())
                && Objects.equals(instance.getVirtualIPName(), vip.getMetadata().getName());
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }
}
