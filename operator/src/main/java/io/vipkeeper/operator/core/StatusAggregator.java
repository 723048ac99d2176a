package io.vipkeeper.operator.core;

import io.vipkeeper.api.v1alpha1.NodeInstanceStatus;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPStatus;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** VirtualIP.status from a verdict and the per-node statuses of its instances. Pure. */
public final class StatusAggregator {

    private StatusAggregator() {
    }

    /**
     * VirtualIP.status from the per-node statuses of its instances: master, nodes, phase (Ready: exactly one MASTER;
     * NoMaster; SplitBrain: two or more; Invalid from the verdict; Pending while no node reported), conditions (Ready,
     * SplitBrain, Valid) with observedGeneration and a lastTransitionTime that moves only when the condition's status
     * moves.
     */
    public static VirtualIPStatus aggregate(VirtualIP vip, Verdict verdict, Map<String, NodeInstanceStatus> perNode,
                                            VirtualIPStatus previous, Instant now) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The master's node name when it changed between two statuses (for a Normal Event), else empty. */
    public static Optional<String> masterChange(VirtualIPStatus before, VirtualIPStatus after) {
        throw new UnsupportedOperationException("not yet");
    }
}
