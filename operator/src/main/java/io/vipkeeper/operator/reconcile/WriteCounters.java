package io.vipkeeper.operator.reconcile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many writes this operator instance sent to the API server, by kind of write and by object. Tests use it to show
 * that an unchanged input writes nothing and that a change rewrites only what it changes; it is also what an operator
 * of the system would export as a metric.
 */
public final class WriteCounters {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WriteCounters.class);

    /** What was written. */
    public enum Kind {
        /** A VirtualIPNode created. */
        NODE_CREATE,
        /** A VirtualIPNode's spec replaced. */
        NODE_UPDATE,
        /** A VirtualIPNode deleted because its Node is gone. */
        NODE_DELETE,
        /** A VirtualIP's status replaced. */
        VIRTUAL_IP_STATUS,
        /** A VirtualIPPool's status replaced. */
        POOL_STATUS,
        /** A VirtualIP created for a Service. */
        SERVICE_VIRTUAL_IP_CREATE,
        /** A Service's VirtualIP spec changed. */
        SERVICE_VIRTUAL_IP_UPDATE,
        /** A Service's VirtualIP deleted. */
        SERVICE_VIRTUAL_IP_DELETE,
        /** A Service's status.loadBalancer written. */
        SERVICE_STATUS,
        /** An Event recorded. */
        EVENT
    }

    private final Map<Kind, AtomicLong> byKind = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byObject = new ConcurrentHashMap<>();

    /** Creates counters at zero. */
    public WriteCounters() {
    }

    void count(Kind kind, String object) {
        LOG.debug("write {} {}", kind, object);
        byKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        byObject.computeIfAbsent(kind + ":" + object, k -> new AtomicLong()).incrementAndGet();
    }

    /** Writes of one kind so far. */
    public long get(Kind kind) {
        AtomicLong n = byKind.get(kind);
        return n == null ? 0 : n.get();
    }

    /** Writes of one kind to one object ({@code name} or {@code namespace/name}) so far. */
    public long get(Kind kind, String object) {
        AtomicLong n = byObject.get(kind + ":" + object);
        return n == null ? 0 : n.get();
    }

    /** All writes so far. */
    public long total() {
        return byKind.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
