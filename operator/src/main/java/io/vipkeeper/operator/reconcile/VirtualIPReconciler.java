package io.vipkeeper.operator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.vipkeeper.api.VipKeeper;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPhase;
import io.vipkeeper.api.v1alpha1.VirtualIPStatus;
import io.vipkeeper.operator.core.Problem;
import io.vipkeeper.operator.core.StatusAggregator;
import io.vipkeeper.operator.core.Verdict;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A VirtualIP's status: the planner's verdict (allocation, or {@code phase: Invalid} with the reason) and, from the
 * statuses the nodes' agents write into their VirtualIPNode, master, per-node state, phase and conditions
 * ({@link StatusAggregator}). A Warning Event when it becomes invalid (or invalid for a new reason), a Normal Event on
 * each change of master.
 *
 * <p>Finalizer {@link VipKeeper#FINALIZER}: a deleted VirtualIP leaves the plan at once, and the finalizer is removed
 * only when no node object's spec holds it any more, so its address is released on every node first.
 *
 * <p>Also the garbage collector of Service-owned VirtualIPs for the mock server (a real cluster's garbage collector does
 * it through the owner reference): a VirtualIP made for a Service that is gone is deleted.
 */
@ControllerConfiguration(name = VirtualIPReconciler.NAME, finalizerName = VipKeeper.FINALIZER)
public final class VirtualIPReconciler implements Reconciler<VirtualIP>, Cleaner<VirtualIP> {

    /** Controller name. */
    public static final String NAME = "vipkeeper-virtualip";

    /** How often a deleting VirtualIP checks again whether every node has released it. */
    static final long RELEASE_POLL_MILLIS = 200;

    private final ClusterCache cache;
    private final ApiWrites api;
    private final EventRecorder events;
    private final WriteCounters writes;
    private final Clock clock;
    private final SimpleInboundEventSource<VirtualIP> triggers = new SimpleInboundEventSource<>("cluster-changes");
    /** The status this instance last wrote per VirtualIP uid: the operator is its only writer, so it is the latest. */
    private final Map<String, VirtualIPStatus> lastWritten = new ConcurrentHashMap<>();

    VirtualIPReconciler(ClusterCache cache, ApiWrites api, EventRecorder events, WriteCounters writes, Clock clock) {
        this.cache = cache;
        this.api = api;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Asks for a reconcile of one VirtualIP. */
    void trigger(String namespace, String name) {
        ClusterTriggers.propagate(triggers, new ResourceID(name, namespace));
    }

    @Override
    public List<EventSource<?, VirtualIP>> prepareEventSources(EventSourceContext<VirtualIP> context) {
        return List.of(triggers);
    }

    @Override
    public UpdateControl<VirtualIP> reconcile(VirtualIP vip, Context<VirtualIP> context) {
        if (isOrphanOfService(vip)) {
            api.client().resource(vip).delete();
            writes.count(WriteCounters.Kind.SERVICE_VIRTUAL_IP_DELETE, ClusterCache.key(vip));
            return UpdateControl.noUpdate();
        }
        Verdict verdict = cache.plan().verdicts().get(ClusterCache.key(vip));
        if (verdict == null) {
            // The plan predates this VirtualIP; the informer's event for it triggers another reconcile.
            return UpdateControl.noUpdate();
        }
        String uid = vip.getMetadata().getUid();
        VirtualIPStatus previous = lastWritten.getOrDefault(uid, vip.getStatus());
        VirtualIPStatus next = StatusAggregator.aggregate(vip, verdict, cache.instanceStatuses(vip), previous,
                clock.instant());
        if (!Objects.equals(next, previous)) {
            api.replaceStatus(VirtualIP.class, vip, next);
            lastWritten.put(uid, next);
            writes.count(WriteCounters.Kind.VIRTUAL_IP_STATUS, ClusterCache.key(vip));
            recordEvents(vip, verdict, previous, next);
        }
        return UpdateControl.noUpdate();
    }

    private void recordEvents(VirtualIP vip, Verdict verdict, VirtualIPStatus previous, VirtualIPStatus next) {
        if (verdict instanceof Verdict.Invalid invalid) {
            boolean newlyInvalid = previous == null || previous.getPhase() != VirtualIPPhase.Invalid
                    || !Objects.equals(validCondition(previous), validCondition(next));
            if (newlyInvalid) {
                List<Problem> problems = invalid.problems();
                String reason = problems.isEmpty() ? "Invalid" : problems.getFirst().reason();
                String message = problems.stream().map(Problem::message).collect(Collectors.joining("; "));
                events.warning(vip, reason, message);
            }
        }
        StatusAggregator.masterChange(previous, next).ifPresent(master ->
                events.normal(vip, "MasterChanged", "node " + master + " is now MASTER"
                        + (previous == null || previous.getMaster() == null ? "" : " (was " + previous.getMaster() + ")")));
    }

    private static String validCondition(VirtualIPStatus status) {
        if (status.getConditions() == null) {
            return null;
        }
        for (Condition condition : status.getConditions()) {
            if ("Valid".equals(condition.getType())) {
                return condition.getStatus() + "/" + condition.getReason() + "/" + condition.getMessage();
            }
        }
        return null;
    }

    /** A VirtualIP this operator made for a Service (label and owner reference) whose Service no longer exists. */
    private boolean isOrphanOfService(VirtualIP vip) {
        Map<String, String> labels = vip.getMetadata().getLabels();
        if (labels == null || !VipKeeper.MANAGED_BY.equals(labels.get(VipKeeper.LABEL_MANAGED_BY))
                || labels.get(VipKeeper.LABEL_SERVICE_NAME) == null || vip.getMetadata().getOwnerReferences() == null) {
            return false;
        }
        return vip.getMetadata().getOwnerReferences().stream()
                .filter(owner -> "Service".equals(owner.getKind()))
                .anyMatch(owner -> {
                    String namespace = vip.getMetadata().getNamespace();
                    Service cached = cache.service(namespace, owner.getName());
                    if (cached != null && Objects.equals(cached.getMetadata().getUid(), owner.getUid())) {
                        return false;
                    }
                    // The Service watch may lag behind the VirtualIP watch (a Service created a moment ago): ask the
                    // API server before deleting anything.
                    Service live = api.client().services().inNamespace(namespace).withName(owner.getName()).get();
                    return live == null || !Objects.equals(live.getMetadata().getUid(), owner.getUid());
                });
    }

    @Override
    public DeleteControl cleanup(VirtualIP vip, Context<VirtualIP> context) {
        if (!cache.nodesServing(vip).isEmpty()) {
            // The node configs are re-rendered without it (the plan leaves deleting VirtualIPs out); wait for that.
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(RELEASE_POLL_MILLIS);
        }
        lastWritten.remove(vip.getMetadata().getUid());
        return DeleteControl.defaultDelete();
    }
}
