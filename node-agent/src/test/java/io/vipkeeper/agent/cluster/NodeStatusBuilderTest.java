package io.vipkeeper.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.runtime.AgentSnapshot;
import io.vipkeeper.api.v1alpha1.InstanceState;
import io.vipkeeper.api.v1alpha1.NodeInstanceStatus;
import io.vipkeeper.api.v1alpha1.VirtualIPNodeStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NodeStatusBuilderTest {

    static final Instant T0 = Instant.parse("2026-11-25T20:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-25T20:00:10Z");

    static AgentSnapshot.InstanceSnapshot instance(String name, String state, int priority, String master,
            List<String> faults, long transitions, long sent) {
        return new AgentSnapshot.InstanceSnapshot(name, "eth0", "IPV4", 3, 51, state, 100, priority, faults,
                List.of("10.199.0.100/24"), master, 100, state.equals("INITIALIZE") ? null : T0, transitions, sent,
                7, 2, 1, Map.of());
    }

    static AgentSnapshot snapshot(AgentSnapshot.InstanceSnapshot... instances) {
        return new AgentSnapshot(T0, List.of(instances), List.of(new AgentSnapshot.ReceiveSnapshot("eth0", "IPV4",
                40, Map.of("BAD_TTL", 3L, "BAD_CHECKSUM", 2L), Map.of(), 4, 1)));
    }

    @Test
    void each_instance_is_reported_under_its_name_with_counters_and_the_node_totals() {
        AgentSnapshot snap = snapshot(
                instance("default.a.ipv4", "MASTER", 150, "10.199.0.11", List.of(), 3, 12),
                instance("default.b.ipv4", "BACKUP", 100, "10.199.0.12", List.of(), 1, 0),
                instance("default.c.ipv4", "FAULT", 0, null, List.of("check db failed", "eth0 is down"), 2, 0));

        VirtualIPNodeStatus status = NodeStatusBuilder.build(snap, List.of(), 4L, "0.1.0", T1);

        assertThat(status.getInstances()).containsOnlyKeys("default.a.ipv4", "default.b.ipv4", "default.c.ipv4");
        NodeInstanceStatus a = status.getInstances().get("default.a.ipv4");
        assertThat(a.getState()).isEqualTo(InstanceState.MASTER);
        assertThat(a.getPriority()).isEqualTo(150);
        assertThat(a.getMasterAddress()).isEqualTo("10.199.0.11");
        assertThat(a.getSince()).isEqualTo("2026-11-25T20:00:00Z");
        assertThat(a.getTransitions()).isEqualTo(3);
        assertThat(a.getMessage()).isNull();
        assertThat(a.getCounters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "advertisementsSent", 12L, "advertisementsReceived", 7L, "announcementsSent", 2L,
                "sendErrors", 1L, "invalidPackets", 6L, "ignoredFromUnknownPeer", 4L));
        NodeInstanceStatus c = status.getInstances().get("default.c.ipv4");
        assertThat(c.getState()).isEqualTo(InstanceState.FAULT);
        assertThat(c.getMasterAddress()).isNull();
        assertThat(c.getMessage()).isEqualTo("check db failed; eth0 is down");
        assertThat(status.getInstanceCount()).isEqualTo(3);
        assertThat(status.getMasterCount()).isEqualTo(1);
        assertThat(status.getObservedGeneration()).isEqualTo(4L);
        assertThat(status.getAgentVersion()).isEqualTo("0.1.0");
        assertThat(status.getHeartbeat()).isEqualTo("2026-11-25T20:00:10Z");
    }

    @Test
    void an_instance_left_out_of_the_config_is_reported_as_fault_with_its_problems() {
        AgentSnapshot snap = snapshot(instance("default.a.ipv4", "BACKUP", 100, null, List.of(), 1, 0));
        List<NodeSpecMapper.InstanceProblem> problems = List.of(
                new NodeSpecMapper.InstanceProblem("default.bad.ipv4", "interface eth9 does not exist on this node"),
                new NodeSpecMapper.InstanceProblem("default.bad.ipv4", "priority: out of range"));

        VirtualIPNodeStatus status = NodeStatusBuilder.build(snap, problems, 2L, "v", T1);

        NodeInstanceStatus bad = status.getInstances().get("default.bad.ipv4");
        assertThat(bad.getState()).isEqualTo(InstanceState.FAULT);
        assertThat(bad.getMessage()).isEqualTo(
                "not running: interface eth9 does not exist on this node; priority: out of range");
        assertThat(status.getInstanceCount()).as("only running instances count").isEqualTo(1);
        assertThat(status.getMasterCount()).isZero();
    }

    @Test
    void before_the_runtime_runs_the_status_is_empty_but_carries_the_heartbeat() {
        VirtualIPNodeStatus status = NodeStatusBuilder.build(null, List.of(), null, "v", T1);

        assertThat(status.getInstances()).isEmpty();
        assertThat(status.getInstanceCount()).isZero();
        assertThat(status.getHeartbeat()).isEqualTo("2026-11-25T20:00:10Z");
    }

    @Test
    void only_the_heartbeat_moving_is_no_content_change() {
        AgentSnapshot snap = snapshot(instance("default.a.ipv4", "MASTER", 150, "10.199.0.11", List.of(), 1, 5));
        VirtualIPNodeStatus first = NodeStatusBuilder.build(snap, List.of(), 1L, "v", T0);
        VirtualIPNodeStatus later = NodeStatusBuilder.build(snap, List.of(), 1L, "v", T1);
        AgentSnapshot moreSent = snapshot(instance("default.a.ipv4", "MASTER", 150, "10.199.0.11", List.of(), 1, 6));
        VirtualIPNodeStatus counted = NodeStatusBuilder.build(moreSent, List.of(), 1L, "v", T1);
        VirtualIPNodeStatus newGeneration = NodeStatusBuilder.build(snap, List.of(), 2L, "v", T1);

        assertThat(NodeStatusBuilder.contentChanged(first, later)).isFalse();
        assertThat(NodeStatusBuilder.contentChanged(first, counted)).isTrue();
        assertThat(NodeStatusBuilder.contentChanged(first, newGeneration)).isTrue();
        assertThat(NodeStatusBuilder.contentChanged(null, first)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"MASTER,MASTER", "BACKUP,BACKUP", "FAULT,FAULT", "INITIALIZE,INIT"})
    void runtime_states_map_to_the_api_states(String runtime, InstanceState api) {
        assertThat(NodeStatusBuilder.state(runtime)).isEqualTo(api);
    }
}
