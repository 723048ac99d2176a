package io.vipkeeper.operator.reconcile;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.vipkeeper.api.VipKeeper;
import io.vipkeeper.api.v1alpha1.VirtualIPNode;
import io.vipkeeper.api.v1alpha1.VirtualIPNodeSpec;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders one node's desired config: the {@code VirtualIPNode} named after the Node gets the spec the plan gives that
 * node (no instances when it serves none). Primary: core/v1 Node; triggered by the Node itself and, through
 * {@link #trigger(String)}, by every change the plan depends on.
 *
 * <p>Writes are minimal: the spec is written only when it differs from what the node object holds; and a write the
 * informer has not echoed yet is not repeated (the cache still shows the object as it was before that write).
 * VirtualIPNodes whose Node is gone are deleted here, as garbage collection would on a real cluster (they also carry
 * an owner reference to their Node for that).
 */
@ControllerConfiguration(name = NodeConfigReconciler.NAME)
public final class NodeConfigReconciler implements Reconciler<Node> {

    /** Controller name. */
    public static final String NAME = "vipkeeper-node-config";

    private final ClusterCache cache;
    private final ApiWrites api;
    private final WriteCounters writes;
    private final SimpleInboundEventSource<Node> triggers = new SimpleInboundEventSource<>("plan-changes");
    /** What this instance last wrote per node, and the resourceVersion the cache showed before that write. */
    private final Map<String, Written> lastWritten = new ConcurrentHashMap<>();

    private record Written(VirtualIPNodeSpec spec, String resourceVersionBefore) {
    }

    NodeConfigReconciler(ClusterCache cache, ApiWrites api, WriteCounters writes) {
        this.cache = cache;
        this.api = api;
        this.writes = writes;
    }

    /** Asks for a reconcile of the node named {@code node}. */
    void trigger(String node) {
        ClusterTriggers.propagate(triggers, new ResourceID(node));
    }

    /** Asks for a reconcile of every node. */
    void triggerAll() {
        cache.nodeNames().forEach(this::trigger);
    }

    @Override
    public List<EventSource<?, Node>> prepareEventSources(EventSourceContext<Node> context) {
        return List.of(triggers);
    }

    @Override
    public UpdateControl<Node> reconcile(Node node, Context<Node> context) {
        String name = node.getMetadata().getName();
        VirtualIPNodeSpec desired = cache.plan().nodeSpecs().get(name);
        if (desired == null) {
            desired = new VirtualIPNodeSpec();
            desired.setInstances(List.of());
        }
        VirtualIPNode current = cache.virtualIPNode(name);
        String resourceVersion = current == null ? null : current.getMetadata().getResourceVersion();
        Written written = lastWritten.get(name);
        boolean upToDate = current != null && Objects.equals(current.getSpec(), desired);
        boolean inFlight = written != null && written.spec().equals(desired)
                && Objects.equals(written.resourceVersionBefore(), resourceVersion);
        if (!upToDate && !inFlight) {
            if (current == null) {
                create(node, desired);
            } else {
                api.replaceSpec(VirtualIPNode.class, current, desired);
                writes.count(WriteCounters.Kind.NODE_UPDATE, name);
            }
            lastWritten.put(name, new Written(desired, resourceVersion));
        }
        deleteOrphans();
        return UpdateControl.noUpdate();
    }

    private void create(Node node, VirtualIPNodeSpec desired) {
        VirtualIPNode object = new VirtualIPNode();
        object.setMetadata(new ObjectMetaBuilder()
                .withName(node.getMetadata().getName())
                .addToLabels(VipKeeper.LABEL_MANAGED_BY, VipKeeper.MANAGED_BY)
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("v1").withKind("Node")
                        .withName(node.getMetadata().getName()).withUid(node.getMetadata().getUid())
                        .build())
                .build());
        object.setSpec(desired);
        try {
            api.client().resource(object).create();
            writes.count(WriteCounters.Kind.NODE_CREATE, node.getMetadata().getName());
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            // Created meanwhile (the informer had not shown it yet): make its spec ours.
            api.replaceSpec(VirtualIPNode.class, object, desired);
            writes.count(WriteCounters.Kind.NODE_UPDATE, node.getMetadata().getName());
        }
    }

    /** Deletes node objects this operator made for Nodes that no longer exist. */
    private void deleteOrphans() {
        List<VirtualIPNode> orphans = new ArrayList<>();
        for (VirtualIPNode object : cache.virtualIPNodes()) {
            Map<String, String> labels = object.getMetadata().getLabels();
            if (cache.node(object.getMetadata().getName()) == null && labels != null
                    && VipKeeper.MANAGED_BY.equals(labels.get(VipKeeper.LABEL_MANAGED_BY))) {
                orphans.add(object);
            }
        }
        for (VirtualIPNode orphan : orphans) {
            api.client().resource(orphan).delete();
            lastWritten.remove(orphan.getMetadata().getName());
            writes.count(WriteCounters.Kind.NODE_DELETE, orphan.getMetadata().getName());
        }
    }
}
