package io.vipkeeper.operator.core;

import io.fabric8.kubernetes.api.model.Condition;
import io.vipkeeper.api.v1alpha1.InstanceState;
import io.vipkeeper.api.v1alpha1.NodeInstanceStatus;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPhase;
import io.vipkeeper.api.v1alpha1.VirtualIPStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.vipkeeper.operator.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Per-node states into VirtualIP.status: phase, master, nodes, and conditions whose times move only with them. */
class StatusAggregatorTest {

    private static final Instant T1 = T0.plusSeconds(10);
    private static final Instant T2 = T0.plusSeconds(20);
    private static final Instant T3 = T0.plusSeconds(30);
    private static final Verdict VALID = new Verdict.Valid(new Allocation(5, List.of("10.199.0.1/32")),
            List.of("n1", "n2", "n3"));

    private static NodeInstanceStatus reported(InstanceState state, int priority) {
        NodeInstanceStatus s = new NodeInstanceStatus();
        s.setState(state);
        s.setPriority(priority);
        s.setSince("2026-11-25T17:59:00Z");
        s.setTransitions(1L);
        s.setCounters(Map.of("advertisementsSent", 10L));
        return s;
    }

    private static Map<String, NodeInstanceStatus> states(Object... nodeThenState) {
        Map<String, NodeInstanceStatus> map = new HashMap<>();
        for (int i = 0; i < nodeThenState.length; i += 2) {
            map.put((String) nodeThenState[i], reported((InstanceState) nodeThenState[i + 1], 100 + i));
        }
        return map;
    }

    private static Condition condition(VirtualIPStatus status, String type) {
        return Conditions.find(status.getConditions(), type);
    }

    private static VirtualIP web() {
        VirtualIP v = vip("shop", "web", "lan", 0);
        v.getMetadata().setGeneration(3L);
        return v;
    }

    @Test
    void pendingUntilANodeReports() {
        VirtualIPStatus s = StatusAggregator.aggregate(web(), VALID, Map.of(), null, T0);
        assertThat(s.getPhase()).isEqualTo(VirtualIPPhase.Pending);
        assertThat(s.getMaster()).isNull();
        assertThat(s.getNodes()).isNull();
        assertThat(s.getVirtualRouterId()).isEqualTo(5);
        assertThat(s.getAddresses()).containsExactly("10.199.0.1/32");
        assertThat(s.getObservedGeneration()).isEqualTo(3L);
        assertThat(s.getConditions()).extracting(Condition::getType).containsExactly("Ready", "Valid", "SplitBrain");
        assertThat(s.getConditions()).allSatisfy(c -> {
            assertThat(c.getObservedGeneration()).isEqualTo(3L);
            assertThat(c.getLastTransitionTime()).isEqualTo("2026-11-25T18:00:00Z");
        });
        assertThat(condition(s, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(s, "Ready").getReason()).isEqualTo(Reasons.PENDING);
        assertThat(condition(s, "Valid").getStatus()).isEqualTo("True");
        assertThat(condition(s, "SplitBrain").getStatus()).isEqualTo("False");
    }

    @Test
    void readyWithExactlyOneMaster() {
        VirtualIPStatus s = StatusAggregator.aggregate(web(), VALID,
                states("n1", InstanceState.MASTER, "n2", InstanceState.BACKUP, "n3", InstanceState.FAULT), null, T0);
        assertThat(s.getPhase()).isEqualTo(VirtualIPPhase.Ready);
        assertThat(s.getMaster()).isEqualTo("n1");
        assertThat(s.getNodes()).containsOnlyKeys("n1", "n2", "n3");
        assertThat(s.getNodes().get("n2").getState()).isEqualTo(InstanceState.BACKUP);
        // counters stay on the VirtualIPNode
        assertThat(s.getNodes().values()).allSatisfy(n -> assertThat(n.getCounters()).isNull());
        assertThat(s.getNodes().get("n1").getPriority()).isEqualTo(100);
        assertThat(condition(s, "Ready").getStatus()).isEqualTo("True");
        assertThat(condition(s, "Ready").getReason()).isEqualTo(Reasons.ONE_MASTER);
        assertThat(condition(s, "Ready").getMessage()).isEqualTo("n1 is MASTER");
    }

    @Test
    void noMasterWhenNodesReportButNoneIsMaster() {
        VirtualIPStatus s = StatusAggregator.aggregate(web(), VALID,
                states("n1", InstanceState.BACKUP, "n2", InstanceState.FAULT), null, T0);
        assertThat(s.getPhase()).isEqualTo(VirtualIPPhase.NoMaster);
        assertThat(s.getMaster()).isNull();
        assertThat(condition(s, "Ready").getReason()).isEqualTo(Reasons.NO_MASTER);
    }

    @Test
    void noMasterWhenNoNodeIsEligible() {
        VirtualIPStatus s = StatusAggregator.aggregate(web(),
                new Verdict.Valid(new Allocation(5, List.of("10.199.0.1/32")), List.of()), Map.of(), null, T0);
        assertThat(s.getPhase()).isEqualTo(VirtualIPPhase.NoMaster);
        assertThat(condition(s, "Ready").getReason()).isEqualTo(Reasons.NO_ELIGIBLE_NODES);
    }

    @Test
    void splitBrainWhenTwoReportMaster() {
        VirtualIPStatus s = StatusAggregator.aggregate(web(), VALID,
                states("n1", InstanceState.MASTER, "n2", InstanceState.BACKUP, "n3", InstanceState.MASTER), null, T0);
        assertThat(s.getPhase()).isEqualTo(VirtualIPPhase.SplitBrain);
        assertThat(condition(s, "SplitBrain").getStatus()).isEqualTo("True");
        assertThat(condition(s, "SplitBrain").getMessage()).isEqualTo("n1, n3 all report MASTER");
        assertThat(condition(s, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(s, "Ready").getReason()).isEqualTo(Reasons.SPLIT_BRAIN);
    }

    @Test
    void invalidClearsTheAllocationAndSaysWhy() {
        Verdict invalid = new Verdict.Invalid(List.of(
                new Problem(Reasons.ADDRESS_OUTSIDE_POOL, "address 10.0.0.1/32 lies outside VirtualIPPool lan"),
                new Problem(Reasons.EXEC_NOT_ALLOWED, "check c runs a script")));
        VirtualIPStatus previous = StatusAggregator.aggregate(web(), VALID, states("n1", InstanceState.MASTER), null, T0);
        VirtualIPStatus s = StatusAggregator.aggregate(web(), invalid, Map.of(), previous, T1);
        assertThat(s.getPhase()).isEqualTo(VirtualIPPhase.Invalid);
        assertThat(s.getAddresses()).isNull();
        assertThat(s.getVirtualRouterId()).isNull();
        assertThat(s.getMaster()).isNull();
        Condition valid = condition(s, "Valid");
        assertThat(valid.getStatus()).isEqualTo("False");
        assertThat(valid.getReason()).isEqualTo(Reasons.ADDRESS_OUTSIDE_POOL);
        assertThat(valid.getMessage()).isEqualTo("address 10.0.0.1/32 lies outside VirtualIPPool lan; check c runs a script");
        assertThat(valid.getLastTransitionTime()).isEqualTo("2026-11-25T18:00:10Z");
        assertThat(condition(s, "Ready").getReason()).isEqualTo(Reasons.INVALID);
        assertThat(condition(s, "Ready").getLastTransitionTime()).isEqualTo("2026-11-25T18:00:10Z");
        // SplitBrain stayed False: its time did not move
        assertThat(condition(s, "SplitBrain").getLastTransitionTime()).isEqualTo("2026-11-25T18:00:00Z");
    }

    @Test
    void transitionTimesMoveOnlyWhenTheStatusMoves() {
        VirtualIP vip = web();
        VirtualIPStatus s0 = StatusAggregator.aggregate(vip, VALID, states("n1", InstanceState.MASTER), null, T0);
        // same states later: nothing moves
        VirtualIPStatus s1 = StatusAggregator.aggregate(vip, VALID,
                states("n1", InstanceState.MASTER, "n2", InstanceState.BACKUP), s0, T1);
        assertThat(s1.getConditions()).extracting(Condition::getLastTransitionTime)
                .containsOnly("2026-11-25T18:00:00Z");
        assertThat(StatusAggregator.masterChange(s0, s1)).isEmpty();

        // the master moves to n2: Ready stays True (time kept), an Event is due
        VirtualIPStatus s2 = StatusAggregator.aggregate(vip, VALID,
                states("n1", InstanceState.BACKUP, "n2", InstanceState.MASTER), s1, T2);
        assertThat(s2.getMaster()).isEqualTo("n2");
        assertThat(condition(s2, "Ready").getLastTransitionTime()).isEqualTo("2026-11-25T18:00:00Z");
        assertThat(condition(s2, "Ready").getMessage()).isEqualTo("n2 is MASTER");
        assertThat(StatusAggregator.masterChange(s1, s2)).contains("n2");

        // split brain at T3: Ready and SplitBrain move, Valid does not; the named master stays n2
        vip.getMetadata().setGeneration(4L);
        VirtualIPStatus s3 = StatusAggregator.aggregate(vip, VALID,
                states("n1", InstanceState.MASTER, "n2", InstanceState.MASTER), s2, T3);
        assertThat(s3.getPhase()).isEqualTo(VirtualIPPhase.SplitBrain);
        assertThat(s3.getMaster()).isEqualTo("n2");
        assertThat(StatusAggregator.masterChange(s2, s3)).isEmpty();
        assertThat(condition(s3, "Ready").getLastTransitionTime()).isEqualTo("2026-11-25T18:00:30Z");
        assertThat(condition(s3, "SplitBrain").getLastTransitionTime()).isEqualTo("2026-11-25T18:00:30Z");
        assertThat(condition(s3, "Valid").getLastTransitionTime()).isEqualTo("2026-11-25T18:00:00Z");
        assertThat(s3.getConditions()).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(4L));
        assertThat(s3.getObservedGeneration()).isEqualTo(4L);

        // resolved back to one master
        VirtualIPStatus s4 = StatusAggregator.aggregate(vip, VALID,
                states("n1", InstanceState.BACKUP, "n2", InstanceState.MASTER), s3, T3.plusSeconds(5));
        assertThat(s4.getPhase()).isEqualTo(VirtualIPPhase.Ready);
        assertThat(condition(s4, "SplitBrain").getStatus()).isEqualTo("False");
        assertThat(condition(s4, "SplitBrain").getLastTransitionTime()).isEqualTo("2026-11-25T18:00:35Z");
    }

    @Test
    void aggregateIsPureAndRepeatable() {
        Map<String, NodeInstanceStatus> perNode = states("n1", InstanceState.MASTER);
        VirtualIPStatus a = StatusAggregator.aggregate(web(), VALID, perNode, null, T0);
        VirtualIPStatus b = StatusAggregator.aggregate(web(), VALID, perNode, null, T0);
        assertThat(a).isEqualTo(b);
        assertThat(perNode.get("n1").getCounters()).containsEntry("advertisementsSent", 10L);
        // aggregating its own output again at a later time changes nothing
        assertThat(StatusAggregator.aggregate(web(), VALID, perNode, a, T2)).isEqualTo(a);
    }

    @Test
    void masterChangeEdges() {
        VirtualIPStatus none = new VirtualIPStatus();
        VirtualIPStatus n1 = new VirtualIPStatus();
        n1.setMaster("n1");
        assertThat(StatusAggregator.masterChange(null, n1)).contains("n1");
        assertThat(StatusAggregator.masterChange(none, n1)).contains("n1");
        assertThat(StatusAggregator.masterChange(n1, none)).isEmpty();
        assertThat(StatusAggregator.masterChange(n1, n1)).isEmpty();
        assertThat(StatusAggregator.masterChange(null, null)).isEmpty();
    }
}
