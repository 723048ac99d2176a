package io.vipkeeper.operator.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.retry.Retry;
import java.time.Clock;

/**
 * The operator's controllers wired to one {@link ClusterCache}: {@link NodeConfigReconciler} (Node → VirtualIPNode
 * spec), {@link VirtualIPReconciler} (status, Events, finalizer), {@link VirtualIPPoolReconciler} (status, deletion
 * protection) and {@link ServiceReconciler} (Service → VirtualIP and ingress), triggered by
 * {@link ClusterTriggers}.
 */
public final class Controllers implements AutoCloseable {

    private final ClusterCache cache;
    private final WriteCounters writes = new WriteCounters();
    private final NodeConfigReconciler nodeConfig;
    private final VirtualIPReconciler virtualIPs;
    private final VirtualIPPoolReconciler pools;
    private final ServiceReconciler services;

    private Controllers(KubernetesClient client, Clock clock) {
        this.cache = new ClusterCache(client);
        ApiWrites api = new ApiWrites(client);
        EventRecorder events = new EventRecorder(client, clock, writes);
        this.nodeConfig = new NodeConfigReconciler(cache, api, writes);
        this.virtualIPs = new VirtualIPReconciler(cache, api, events, writes, clock);
        this.pools = new VirtualIPPoolReconciler(cache, api, events, writes, clock);
        this.services = new ServiceReconciler(cache, api, events, writes);
        cache.addListener(new ClusterTriggers(cache, nodeConfig, virtualIPs, pools, services));
    }

    /** The controllers of one operator instance, writing through {@code client}, stamping times with {@code clock}. */
    public static Controllers create(KubernetesClient client, Clock clock) {
        return new Controllers(client, clock);
    }

    /** Starts the shared informers (returns when they have listed once), then registers every controller. */
    public void register(Operator operator, Retry retry) {
        cache.start();
        operator.register(nodeConfig, o -> o.withRetry(retry));
        operator.register(virtualIPs, o -> o.withRetry(retry));
        operator.register(pools, o -> o.withRetry(retry));
        operator.register(services, o -> o.withRetry(retry));
    }

    /** The writes this instance made. */
    public WriteCounters writes() {
        return writes;
    }

    /** The shared cache (for tests and the lab). */
    public ClusterCache cache() {
        return cache;
    }

    @Override
    public void close() {
        cache.close();
    }
}
