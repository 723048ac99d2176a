package io.vipkeeper.agent.vrrp.engine;

import static io.vipkeeper.agent.vrrp.engine.Fixtures.ADDR_1;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.ADDR_2;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.ADDR_3;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.SECOND;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.T0;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.advert;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.v3;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.vrrp.engine.SyncGroup.Routed;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * keepalived vrrp_sync_group: members change state together. The harness below applies an event to one
 * member and then every routed event, breadth first, exactly as a runtime would, and counts the steps so a
 * loop would show up as a runaway count.
 */
class SyncGroupTest {

    final SyncGroup group = new SyncGroup("VG_1", List.of("v4", "v6", "int"));
    final Map<String, InstanceState> members = new LinkedHashMap<>();
    int steps;

    @BeforeEach
    void startAllAsBackup() {
        members.put("v4", start(v3(100, 100, ADDR_1)));
        members.put("v6", start(v3(100, 100, ADDR_2)));
        members.put("int", start(v3(100, 100, ADDR_3)));
    }

    static InstanceState start(InstanceConfig config) {
        return VrrpStateMachine.step(InstanceState.initial(config), VrrpEvent.STARTUP, T0).instance();
    }

    /** Applies an event and everything the group routes from it; returns the members' states. */
    Map<String, VrrpState> apply(String member, VrrpEvent event, long now) {
        Deque<Routed> queue = new ArrayDeque<>();
        queue.add(new Routed(member, event));
        while (!queue.isEmpty()) {
            Routed next = queue.poll();
            InstanceState before = members.get(next.member());
            StepResult result = VrrpStateMachine.step(before, next.event(), now);
            members.put(next.member(), result.instance());
            steps++;
            assertThat(steps).as("no propagation loop").isLessThan(50);
            queue.addAll(group.propagate(next.member(), next.event(), before, result.instance(), members));
        }
        Map<String, VrrpState> states = new LinkedHashMap<>();
        members.forEach((name, instance) -> states.put(name, instance.state()));
        return states;
    }

    @Test
    void oneMemberBecomingMasterTakesTheOthersAlong() {
        long deadline = members.get("v4").masterDownDeadline();
        assertThat(apply("v4", VrrpEvent.MASTER_DOWN_TIMER_FIRED, deadline))
                .containsOnly(Map.entry("v4", VrrpState.MASTER), Map.entry("v6", VrrpState.MASTER),
                        Map.entry("int", VrrpState.MASTER));
        assertThat(steps).isEqualTo(3); // one own step plus one request each, nothing more
    }

    @Test
    void oneMasterYieldingTakesTheOthersToBackup() {
        long t = members.get("v4").masterDownDeadline();
        apply("v4", VrrpEvent.MASTER_DOWN_TIMER_FIRED, t);
        steps = 0;
        assertThat(apply("v6", advert(200, 100, ADDR_3), t + SECOND))
                .containsOnly(Map.entry("v4", VrrpState.BACKUP), Map.entry("v6", VrrpState.BACKUP),
                        Map.entry("int", VrrpState.BACKUP));
        assertThat(steps).isEqualTo(3);
    }

    @Test
    void oneFaultTakesAllToFaultAndAllLeaveOnlyWhenNoMemberHasItsOwnFault() {
        long t = members.get("v4").masterDownDeadline();
        apply("v4", VrrpEvent.MASTER_DOWN_TIMER_FIRED, t);
        FaultReason link = FaultReason.linkDown("eth1");

        assertThat(apply("int", new VrrpEvent.FaultRaised(link), t + SECOND)).containsOnly(
                Map.entry("v4", VrrpState.FAULT), Map.entry("v6", VrrpState.FAULT), Map.entry("int", VrrpState.FAULT));
        // A second member's own fault while the group is down.
        apply("v6", new VrrpEvent.FaultRaised(FaultReason.CHECKS), t + 2 * SECOND);

        // The first clears: v6 still has its own fault, so everyone stays in FAULT.
        assertThat(apply("int", new VrrpEvent.FaultCleared(link), t + 3 * SECOND)).containsOnly(
                Map.entry("v4", VrrpState.FAULT), Map.entry("v6", VrrpState.FAULT), Map.entry("int", VrrpState.FAULT));
        assertThat(members.get("int").faults()).containsExactly(FaultReason.SYNC_GROUP);

        // The last own fault clears: all leave FAULT together, as Backups with a fresh Master_Down_Timer.
        assertThat(apply("v6", new VrrpEvent.FaultCleared(FaultReason.CHECKS), t + 4 * SECOND)).containsOnly(
                Map.entry("v4", VrrpState.BACKUP), Map.entry("v6", VrrpState.BACKUP),
                Map.entry("int", VrrpState.BACKUP));
        members.values().forEach(m -> assertThat(m.faults()).isEmpty());
    }

    @Test
    void anOwnerMemberLeavingFaultAsMasterTakesTheGroupToMaster() {
        members.put("v4", start(v3(255, 100, ADDR_1)));
        apply("v4", new VrrpEvent.FaultRaised(FaultReason.CHECKS), T0 + 1);
        assertThat(members.values()).allMatch(m -> m.state() == VrrpState.FAULT);
        steps = 0;
        assertThat(apply("v4", new VrrpEvent.FaultCleared(FaultReason.CHECKS), T0 + SECOND)).containsOnly(
                Map.entry("v4", VrrpState.MASTER), Map.entry("v6", VrrpState.MASTER),
                Map.entry("int", VrrpState.MASTER));
        // own clear, two SYNC_GROUP clears (each → Backup), then two MASTER requests: a bounded chain.
        assertThat(steps).isEqualTo(5);
    }

    @Test
    void stepsCausedBySyncRequestsAreNotPropagated() {
        InstanceState before = members.get("v6");
        VrrpEvent request = new VrrpEvent.SyncGroupRequest(VrrpState.MASTER);
        InstanceState after = VrrpStateMachine.step(before, request, T0 + 1).instance();
        assertThat(after.state()).isEqualTo(VrrpState.MASTER);
        assertThat(group.propagate("v6", request, before, after, members)).isEmpty();
    }

    @Test
    void nonMembersAreIgnored() {
        InstanceState before = members.get("v6");
        InstanceState after = VrrpStateMachine.step(before, VrrpEvent.MASTER_DOWN_TIMER_FIRED,
                before.masterDownDeadline()).instance();
        assertThat(group.propagate("other", VrrpEvent.MASTER_DOWN_TIMER_FIRED, before, after, members)).isEmpty();
    }

    @Test
    void requestsListMembersInConfigurationOrder() {
        InstanceState before = members.get("int");
        InstanceState after = VrrpStateMachine.step(before, VrrpEvent.MASTER_DOWN_TIMER_FIRED,
                before.masterDownDeadline()).instance();
        List<String> targets = new ArrayList<>();
        group.propagate("int", VrrpEvent.MASTER_DOWN_TIMER_FIRED, before, after, members)
                .forEach(r -> targets.add(r.member()));
        assertThat(targets).containsExactly("v4", "v6");
    }
}
