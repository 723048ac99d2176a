package io.vipkeeper.agent.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vipkeeper.agent.config.AgentConfig;
import io.vipkeeper.agent.runtime.AgentSnapshot;
import io.vipkeeper.api.v1alpha1.VirtualIPNode;
import io.vipkeeper.api.v1alpha1.VirtualIPNodeSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPNodeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's link to Kubernetes (DESIGN.md §3): watches this node's own {@code VirtualIPNode} and nothing else
 * (an informer with a field selector on metadata.name), hands each new spec, mapped by {@link NodeSpecMapper}, to
 * a {@code Consumer<AgentConfig>} (in production the runtime's start/reload), and writes the node's status from
 * the published snapshots.
 *
 * <p>Status writes run on one thread of their own, never on the VRRP thread: {@link #publish} only stores the
 * snapshot and wakes that thread. A status is written when its content changed and at least every heartbeat
 * interval, as a JSON patch that replaces the whole {@code status} through the status subresource (only this
 * agent writes it, so no resourceVersion is needed; a whole replace also shrinks maps, which a merge patch on the
 * fabric8 mock server would not). A failed write is retried a few times; if the API server stays unreachable the
 * agent keeps running — VRRP never depends on it — and says so once per outage.
 */
public final class NodeAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** keepalived-style liveness: the operator treats a status older than a few heartbeats as stale. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);
    private static final int WRITE_ATTEMPTS = 3;
    private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(200);

    private final KubernetesClient client;
    private final String nodeName;
    private final Supplier<NodeInterfaces> interfaces;
    private final Consumer<AgentConfig> configSink;
    private final Clock clock;
    private final String agentVersion;
    private final Duration heartbeat;
    private final ScheduledExecutorService writer;
    private final AtomicReference<AgentSnapshot> latest = new AtomicReference<>();

    // Written by the informer thread, read by the writer thread.
    private volatile List<NodeSpecMapper.InstanceProblem> problems = List.of();
    private volatile Long observedGeneration;
    private volatile VirtualIPNodeSpec appliedSpec;
    private volatile boolean applied;

    // Writer thread only.
    private VirtualIPNodeStatus lastWritten;
    private Instant lastWriteTime;
    private boolean outage;

    private SharedIndexInformer<VirtualIPNode> informer;
    private final java.util.concurrent.atomic.AtomicInteger watchFailures = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean watchOutage;
    private volatile boolean closed;
    private volatile Consumer<NodeSpecMapper.Result> mappingListener = result -> { };

    /**
     * @param client a client whose lifetime the caller owns
     * @param nodeName this node's name: the name of its VirtualIPNode
     * @param interfaces reads the node's interfaces at each spec change
     * @param configSink receives each new configuration, on the informer's thread
     * @param clock the heartbeat's clock
     * @param agentVersion reported in status.agentVersion
     * @param heartbeat the longest time between two status writes
     */
    public NodeAgent(KubernetesClient client, String nodeName, Supplier<NodeInterfaces> interfaces,
            Consumer<AgentConfig> configSink, Clock clock, String agentVersion, Duration heartbeat) {
        this.client = Objects.requireNonNull(client, "client");
        this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
        this.interfaces = Objects.requireNonNull(interfaces, "interfaces");
        this.configSink = Objects.requireNonNull(configSink, "configSink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agentVersion = Objects.requireNonNull(agentVersion, "agentVersion");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vipkeeper-status");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Also hands each whole mapping (problems, script directory) to {@code listener}, just before its configuration
     * goes to the config consumer, on the same thread. Set it before {@link #start()}.
     */
    public void setMappingListener(Consumer<NodeSpecMapper.Result> listener) {
        this.mappingListener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts watching this node's object and the heartbeat; returns at once (the API server may be down). */
    public synchronized void start() {
        // withName on a list-watch is a field selector on metadata.name: the agent sees its own object only.
        // start() does not wait for the first list, so an unreachable API server does not hold the agent up;
        // the informer keeps retrying in the background.
        informer = client.resources(VirtualIPNode.class).withName(nodeName).runnableInformer(0);
        informer.addEventHandler(new Handler());
        // fabric8's default gives up when the first list fails (an agent started while the API server is down
        // would never get its configuration): retry always, until closed, and say so once per outage.
        informer.exceptionHandler((started, failure) -> {
            watchFailures.incrementAndGet();
            if (!watchOutage && !closed) {
                watchOutage = true;
                LOG.warn("VirtualIPNode {}: cannot list or watch ({}); retrying, VRRP goes on with what it has",
                        nodeName, failure.getMessage());
            }
            return !closed;
        });
        informer.start();
        long period = heartbeat.toMillis();
        writer.scheduleAtFixedRate(this::writeStatus, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes a snapshot the runtime published (any thread, the VRRP thread included: it only stores it) and has
     * the status written soon if it changed.
     */
    public void publish(AgentSnapshot snapshot) {
        latest.set(snapshot);
        publishNow();
    }

    /** Stops the watch and the status writes; the client stays open. */
    @Override
    public synchronized void close() {
        closed = true;
        if (informer != null) {
            informer.close();
        }
        writer.shutdownNow();
        try {
            // Let a write in flight end before the caller closes the client.
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Handler implements ResourceEventHandler<VirtualIPNode> {
        @Override
        public void onAdd(VirtualIPNode node) {
            specSeen(node);
        }

        @Override
        public void onUpdate(VirtualIPNode before, VirtualIPNode after) {
            specSeen(after);
        }

        @Override
        public void onDelete(VirtualIPNode node, boolean finalStateUnknown) {
            // The operator removed this node's work: run nothing (spec "Empty: none").
            LOG.info("VirtualIPNode {} deleted: stopping every instance", nodeName);
            apply(new VirtualIPNodeSpec(), null);
        }
    }

    /** How often listing or watching failed (for tests). */
    int watchFailures() {
        return watchFailures.get();
    }

    private void specSeen(VirtualIPNode node) {
        if (watchOutage) {
            watchOutage = false;
            LOG.info("VirtualIPNode {}: watching again", nodeName);
        }
        if (!nodeName.equals(node.getMetadata().getName())) {
            return; // the field selector should make this impossible; never act on another node's object
        }
        apply(node.getSpec() == null ? new VirtualIPNodeSpec() : node.getSpec(), node.getMetadata().getGeneration());
    }

    private synchronized void apply(VirtualIPNodeSpec spec, Long generation) {
        observedGeneration = generation;
        if (applied && Objects.equals(spec, appliedSpec)) {
            publishNow(); // a status-only change or a resync: nothing to reconfigure
            return;
        }
        NodeSpecMapper.Result result = NodeSpecMapper.map(spec, interfaces.get(), "VirtualIPNode/" + nodeName);
        result.problems().forEach(p -> LOG.warn("VirtualIPNode {}: instance {} left out: {}", nodeName,
                p.instance(), p.message()));
        problems = result.problems();
        appliedSpec = spec;
        applied = true;
        try {
            mappingListener.accept(result);
            configSink.accept(result.config());
        } catch (RuntimeException e) {
            LOG.error("VirtualIPNode {}: the new configuration could not be applied", nodeName, e);
        }
        publishNow();
    }

    private void publishNow() {
        try {
            writer.execute(this::writeStatus);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: nothing more is written
        }
    }

    /** On the writer thread: writes the status if its content changed or the heartbeat is due. */
    private void writeStatus() {
        try {
            Instant now = clock.instant();
            VirtualIPNodeStatus status = NodeStatusBuilder.build(latest.get(), problems, observedGeneration,
                    agentVersion, now);
            boolean due = lastWriteTime == null || !now.isBefore(lastWriteTime.plus(heartbeat));
            if (!due && !NodeStatusBuilder.contentChanged(lastWritten, status)) {
                return;
            }
            if (write(status)) {
                lastWritten = status;
                lastWriteTime = now;
            }
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.error("VirtualIPNode {}: status not written", nodeName, e);
            }
        }
    }

    private boolean write(VirtualIPNodeStatus status) {
        ArrayNode patch = JSON.createArrayNode();
        ObjectNode op = patch.addObject();
        // RFC 6902 "add" on an existing member replaces it, and also works when status is absent.
        op.put("op", "add").put("path", "/status").set("value", JSON.valueToTree(status));
        String body = patch.toString();
        Duration delay = FIRST_RETRY_DELAY;
        for (int attempt = 1; ; attempt++) {
            try {
                client.resources(VirtualIPNode.class).withName(nodeName).subresource("status")
                        .patch(PatchContext.of(PatchType.JSON), body);
                if (outage) {
                    LOG.info("VirtualIPNode {}: status written again; the API server is reachable", nodeName);
                    outage = false;
                }
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    if (!outage) {
                        LOG.warn("VirtualIPNode {} does not exist (yet): status not written", nodeName);
                        outage = true;
                    }
                    return false;
                }
                if (attempt >= WRITE_ATTEMPTS) {
                    if (!outage) {
                        LOG.warn("VirtualIPNode {}: status not written after {} attempts ({}); VRRP goes on, "
                                + "retrying every {}", nodeName, attempt, e.getMessage(), heartbeat);
                        outage = true;
                    }
                    return false;
                }
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            delay = delay.multipliedBy(2);
        }
    }
}
