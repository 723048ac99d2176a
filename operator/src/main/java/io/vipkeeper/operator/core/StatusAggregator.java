package io.vipkeeper.operator.core;

import io.fabric8.kubernetes.api.model.Condition;
import io.vipkeeper.api.v1alpha1.InstanceState;
import io.vipkeeper.api.v1alpha1.NodeInstanceStatus;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPhase;
import io.vipkeeper.api.v1alpha1.VirtualIPStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * VirtualIP.status from a verdict and the per-node statuses of its instances. Pure: the time is passed in.
 *
 * <p>Phase: Invalid from the verdict; else SplitBrain when two or more nodes report MASTER, Ready when exactly one
 * does; with none: NoMaster when some node reported or no node is eligible, Pending while no eligible node has
 * reported yet. Conditions, always in the order Ready, Valid, SplitBrain: each carries the VirtualIP's
 * generation as observedGeneration and keeps its previous lastTransitionTime unless its status moves.
 */
public final class StatusAggregator {

    private StatusAggregator() {
    }

    /**
     * VirtualIP.status from the per-node statuses of its instances: master, nodes, phase (Ready: exactly one MASTER;
     * NoMaster; SplitBrain: two or more; Invalid from the verdict; Pending while no node reported), conditions (Ready,
     * SplitBrain, Valid) with observedGeneration and a lastTransitionTime that moves only when the condition's status
     * moves.
     *
     * @param vip      the VirtualIP (its metadata.generation becomes observedGeneration)
     * @param verdict  the planner's verdict on it
     * @param perNode  per node name: the status its agent reports for this VirtualIP's instance (nodes that report
     *                 nothing are absent; may be null)
     * @param previous the status the VirtualIP carries now (may be null)
     * @param now      the time a moving condition gets as lastTransitionTime
     * @return a new status; {@code nodes} holds state, priority, since, transitions, masterAddress and message of
     *         each reporting node (counters stay on the VirtualIPNode)
     */
    public static VirtualIPStatus aggregate(VirtualIP vip, Verdict verdict, Map<String, NodeInstanceStatus> perNode,
                                            VirtualIPStatus previous, Instant now) {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(now, "now");
        Long generation = vip.getMetadata() == null ? null : vip.getMetadata().getGeneration();
        List<Condition> before = previous == null ? null : previous.getConditions();

        Map<String, NodeInstanceStatus> nodes = new TreeMap<>();
        List<String> masters = new ArrayList<>();
        if (perNode != null) {
            perNode.forEach((node, reported) -> {
                if (node != null && reported != null) {
                    nodes.put(node, summary(reported));
                }
            });
        }
        nodes.forEach((node, reported) -> {
            if (reported.getState() == InstanceState.MASTER) {
                masters.add(node);
            }
        });

        VirtualIPStatus status = new VirtualIPStatus();
        status.setObservedGeneration(generation);
        status.setNodes(nodes.isEmpty() ? null : nodes);

        Condition ready;
        Condition valid;
        switch (verdict) {
            case Verdict.Invalid invalid -> {
                status.setPhase(VirtualIPPhase.Invalid);
                String why = String.join("; ", invalid.problems().stream().map(Problem::message).toList());
                valid = Conditions.next(Reasons.TYPE_VALID, false, invalid.problems().getFirst().reason(), why,
                        generation, before, now);
                ready = Conditions.next(Reasons.TYPE_READY, false, Reasons.INVALID, "the VirtualIP is invalid: " + why,
                        generation, before, now);
            }
            case Verdict.Valid ok -> {
                status.setVirtualRouterId(ok.allocation().virtualRouterId());
                status.setAddresses(ok.allocation().addresses());
                valid = Conditions.next(Reasons.TYPE_VALID, true, Reasons.VALID,
                        "the VirtualIP keeps the rules of its pool", generation, before, now);
                if (masters.size() == 1) {
                    status.setPhase(VirtualIPPhase.Ready);
                    status.setMaster(masters.getFirst());
                    ready = Conditions.next(Reasons.TYPE_READY, true, Reasons.ONE_MASTER,
                            masters.getFirst() + " is MASTER", generation, before, now);
                } else if (masters.size() > 1) {
                    status.setPhase(VirtualIPPhase.SplitBrain);
                    // the master stays named while it is one of them, so a split brain raises no master-change Event
                    String kept = previous == null ? null : previous.getMaster();
                    status.setMaster(masters.contains(kept) ? kept : masters.getFirst());
                    ready = Conditions.next(Reasons.TYPE_READY, false, Reasons.SPLIT_BRAIN,
                            String.join(", ", masters) + " all report MASTER", generation, before, now);
                } else if (ok.eligibleNodes().isEmpty()) {
                    status.setPhase(VirtualIPPhase.NoMaster);
                    ready = Conditions.next(Reasons.TYPE_READY, false, Reasons.NO_ELIGIBLE_NODES,
                            "no node is eligible (Ready, selected by the pool, with a ready endpoint)", generation,
                            before, now);
                } else if (nodes.isEmpty()) {
                    status.setPhase(VirtualIPPhase.Pending);
                    ready = Conditions.next(Reasons.TYPE_READY, false, Reasons.PENDING,
                            "waiting for the node agents of " + String.join(", ", ok.eligibleNodes()) + " to report",
                            generation, before, now);
                } else {
                    status.setPhase(VirtualIPPhase.NoMaster);
                    ready = Conditions.next(Reasons.TYPE_READY, false, Reasons.NO_MASTER,
                            "no node reports MASTER (" + nodes.size() + " reporting)", generation, before, now);
                }
            }
        }
        Condition splitBrain = masters.size() > 1
                ? Conditions.next(Reasons.TYPE_SPLIT_BRAIN, true, Reasons.SPLIT_BRAIN,
                        String.join(", ", masters) + " all report MASTER", generation, before, now)
                : Conditions.next(Reasons.TYPE_SPLIT_BRAIN, false, Reasons.NO_SPLIT_BRAIN,
                        "at most one node reports MASTER", generation, before, now);
        status.setConditions(List.of(ready, valid, splitBrain));
        return status;
    }

    /** The per-node fields a VirtualIP's status shows (no counters: they stay on the VirtualIPNode). */
    private static NodeInstanceStatus summary(NodeInstanceStatus reported) {
        NodeInstanceStatus s = new NodeInstanceStatus();
        s.setState(reported.getState());
        s.setPriority(reported.getPriority());
        s.setSince(reported.getSince());
        s.setTransitions(reported.getTransitions());
        s.setMasterAddress(reported.getMasterAddress());
        s.setMessage(reported.getMessage());
        return s;
    }

    /**
     * The master's node name when it changed between two statuses (for a Normal Event), else empty. Empty too when
     * the new status names no master (losing the master shows in the Ready condition instead).
     */
    public static Optional<String> masterChange(VirtualIPStatus before, VirtualIPStatus after) {
        String was = before == null ? null : before.getMaster();
        String is = after == null ? null : after.getMaster();
        return is != null && !is.equals(was) ? Optional.of(is) : Optional.empty();
    }
}
