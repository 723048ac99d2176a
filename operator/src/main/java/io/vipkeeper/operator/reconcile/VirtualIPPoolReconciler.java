package io.vipkeeper.operator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
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
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPPoolStatus;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pool's status (addresses and VRIDs in use and free, from the plan), and the protection of a pool in use: its
 * finalizer {@link #FINALIZER} is removed only when no VirtualIP names the pool any more; until then the status
 * carries a {@value #CONDITION_DELETION_BLOCKED} condition and a Warning Event says which VirtualIPs hold it.
 */
@ControllerConfiguration(name = VirtualIPPoolReconciler.NAME, finalizerName = VirtualIPPoolReconciler.FINALIZER)
public final class VirtualIPPoolReconciler implements Reconciler<VirtualIPPool>, Cleaner<VirtualIPPool> {

    /** Controller name. */
    public static final String NAME = "vipkeeper-virtualippool";

    /** Finalizer that keeps a pool while VirtualIPs use it. */
    public static final String FINALIZER = VipKeeper.GROUP + "/pool-in-use";

    /** Condition type set on a pool whose deletion waits for its VirtualIPs. */
    public static final String CONDITION_DELETION_BLOCKED = "DeletionBlocked";

    /** Reason of the condition and the Warning Event. */
    public static final String REASON_IN_USE = "PoolInUse";

    /** How often a blocked deletion checks again (VirtualIP changes also trigger it). */
    static final long BLOCKED_POLL_MILLIS = 2_000;

    private final ClusterCache cache;
    private final ApiWrites api;
    private final EventRecorder events;
    private final WriteCounters writes;
    private final Clock clock;
    private final SimpleInboundEventSource<VirtualIPPool> triggers = new SimpleInboundEventSource<>("virtualip-changes");
    private final Map<String, VirtualIPPoolStatus> lastWritten = new ConcurrentHashMap<>();

    VirtualIPPoolReconciler(ClusterCache cache, ApiWrites api, EventRecorder events, WriteCounters writes, Clock clock) {
        this.cache = cache;
        this.api = api;
        this.events = events;
        this.writes = writes;
        this.clock = clock;
    }

    /** Asks for a reconcile of one pool. */
    void trigger(String pool) {
        if (pool != null) {
            ClusterTriggers.propagate(triggers, new ResourceID(pool));
        }
    }

    @Override
    public List<EventSource<?, VirtualIPPool>> prepareEventSources(EventSourceContext<VirtualIPPool> context) {
        return List.of(triggers);
    }

    @Override
    public UpdateControl<VirtualIPPool> reconcile(VirtualIPPool pool, Context<VirtualIPPool> context) {
        VirtualIPPoolStatus planned = cache.plan().poolStatuses().get(pool.getMetadata().getName());
        if (planned != null) {
            write(pool, planned);
        }
        return UpdateControl.noUpdate();
    }

    @Override
    public DeleteControl cleanup(VirtualIPPool pool, Context<VirtualIPPool> context) {
        String name = pool.getMetadata().getName();
        List<String> users = new ArrayList<>();
        for (VirtualIP vip : cache.virtualIPs()) {
            if (vip.getSpec() != null && name.equals(vip.getSpec().getPool())) {
                users.add(ClusterCache.key(vip));
            }
        }
        if (users.isEmpty()) {
            lastWritten.remove(pool.getMetadata().getUid());
            return DeleteControl.defaultDelete();
        }
        users.sort(null);
        String message = "deletion waits until no VirtualIP uses this pool; " + users.size() + " still do: "
                + String.join(", ", users.subList(0, Math.min(10, users.size())))
                + (users.size() > 10 ? ", …" : "");
        VirtualIPPoolStatus base = lastWritten.getOrDefault(pool.getMetadata().getUid(), pool.getStatus());
        VirtualIPPoolStatus blocked = copy(base);
        List<Condition> conditions = new ArrayList<>(Objects.requireNonNullElse(blocked.getConditions(), List.of()));
        Condition existing = conditions.stream().filter(c -> CONDITION_DELETION_BLOCKED.equals(c.getType()))
                .findFirst().orElse(null);
        if (existing == null || !Objects.equals(existing.getMessage(), message)) {
            conditions.remove(existing);
            conditions.add(new ConditionBuilder()
                    .withType(CONDITION_DELETION_BLOCKED).withStatus("True").withReason(REASON_IN_USE)
                    .withMessage(message).withObservedGeneration(pool.getMetadata().getGeneration())
                    .withLastTransitionTime(existing != null ? existing.getLastTransitionTime()
                            : DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)))
                    .build());
            blocked.setConditions(conditions);
            write(pool, blocked);
            events.warning(pool, REASON_IN_USE, message);
        }
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(BLOCKED_POLL_MILLIS);
    }

    private void write(VirtualIPPool pool, VirtualIPPoolStatus status) {
        VirtualIPPoolStatus previous = lastWritten.getOrDefault(pool.getMetadata().getUid(), pool.getStatus());
        if (!status.equals(previous)) {
            api.replaceStatus(VirtualIPPool.class, pool, status);
            lastWritten.put(pool.getMetadata().getUid(), status);
            writes.count(WriteCounters.Kind.POOL_STATUS, pool.getMetadata().getName());
        }
    }

    private static VirtualIPPoolStatus copy(VirtualIPPoolStatus status) {
        VirtualIPPoolStatus copy = new VirtualIPPoolStatus();
        if (status != null) {
            copy.setAddressesTotal(status.getAddressesTotal());
            copy.setAddressesInUse(status.getAddressesInUse());
            copy.setAddressesFree(status.getAddressesFree());
            copy.setVirtualRouterIdsInUse(status.getVirtualRouterIdsInUse());
            copy.setVirtualRouterIdsFree(status.getVirtualRouterIdsFree());
            copy.setConditions(status.getConditions());
        }
        return copy;
    }
}
