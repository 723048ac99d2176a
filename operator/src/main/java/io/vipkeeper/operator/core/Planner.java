package io.vipkeeper.operator.core;

/** Turns a {@link ClusterView} into a {@link Plan}. Pure: no I/O, no clock, no threads. */
public final class Planner {

    private Planner() {
    }

    /**
     * Deterministic: same input → same plan. Allocations already recorded in VirtualIP.status (virtualRouterId,
     * addresses) are kept; new ones are allocated lowest-free-first; two VirtualIPs of one pool never share a VRID or
     * an address; the older VirtualIP (creationTimestamp, then name) wins a conflict, the other gets Invalid.
     */
    public static Plan plan(ClusterView cluster) {
        throw new UnsupportedOperationException("not yet");
    }
}
