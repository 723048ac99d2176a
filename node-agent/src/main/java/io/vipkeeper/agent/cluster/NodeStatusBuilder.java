package io.vipkeeper.agent.cluster;

import io.vipkeeper.agent.runtime.AgentSnapshot;
import io.vipkeeper.api.v1alpha1.InstanceState;
import io.vipkeeper.api.v1alpha1.NodeInstanceStatus;
import io.vipkeeper.api.v1alpha1.VirtualIPNodeStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds {@code VirtualIPNode.status} from what the agent observes. Pure: the heartbeat time is handed in.
 *
 * <p>Instance names are the spec's names ({@link NodeSpecMapper} keeps them), so status.instances is keyed as
 * the operator expects. An instance the mapper left out is reported as FAULT with its problems as the message;
 * the operator sees why the node does not take part.
 */
public final class NodeStatusBuilder {

    private NodeStatusBuilder() {
    }

    /**
     * The status for one published snapshot.
     *
     * @param snapshot what the runtime observes (null before the runtime started: no running instance)
     * @param problems instances left out of the configuration, with why
     * @param observedGeneration metadata.generation of the spec the configuration came from, or null
     * @param agentVersion the agent's version
     * @param heartbeat when the status is written
     */
    public static VirtualIPNodeStatus build(AgentSnapshot snapshot, List<NodeSpecMapper.InstanceProblem> problems,
            Long observedGeneration, String agentVersion, Instant heartbeat) {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Map<String, NodeInstanceStatus> instances = new TreeMap<>();
        int masters = 0;
        int running = 0;
        if (snapshot != null) {
            for (AgentSnapshot.InstanceSnapshot i : snapshot.instances()) {
                NodeInstanceStatus status = instance(i, snapshot);
                instances.put(i.name(), status);
                running++;
                if (status.getState() == InstanceState.MASTER) {
                    masters++;
                }
            }
        }
        Map<String, StringBuilder> messages = new LinkedHashMap<>();
        for (NodeSpecMapper.InstanceProblem problem : problems) {
            StringBuilder text = messages.computeIfAbsent(problem.instance(), k -> new StringBuilder());
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(problem.message());
        }
        messages.forEach((name, text) -> {
            if (!instances.containsKey(name)) {
                NodeInstanceStatus status = new NodeInstanceStatus();
                status.setState(InstanceState.FAULT);
                status.setMessage("not running: " + text);
                instances.put(name, status);
            } else {
                NodeInstanceStatus status = instances.get(name);
                String earlier = status.getMessage();
                status.setMessage(earlier == null ? text.toString() : earlier + "; " + text);
            }
        });
        VirtualIPNodeStatus status = new VirtualIPNodeStatus();
        status.setInstances(instances);
        status.setObservedGeneration(observedGeneration);
        status.setAgentVersion(agentVersion);
        status.setHeartbeat(heartbeat.toString());
        status.setInstanceCount(running);
        status.setMasterCount(masters);
        return status;
    }

    /** True when the two statuses differ in more than the heartbeat (then the status is worth writing now). */
    public static boolean contentChanged(VirtualIPNodeStatus before, VirtualIPNodeStatus after) {
        if (before == null || after == null) {
            return before != after;
        }
        return !Objects.equals(before.getInstances(), after.getInstances())
                || !Objects.equals(before.getObservedGeneration(), after.getObservedGeneration())
                || !Objects.equals(before.getAgentVersion(), after.getAgentVersion())
                || !Objects.equals(before.getInstanceCount(), after.getInstanceCount())
                || !Objects.equals(before.getMasterCount(), after.getMasterCount());
    }

    private static NodeInstanceStatus instance(AgentSnapshot.InstanceSnapshot i, AgentSnapshot snapshot) {
        NodeInstanceStatus status = new NodeInstanceStatus();
        status.setState(state(i.state()));
        status.setPriority(i.effectivePriority());
        status.setMasterAddress(i.masterAddress());
        status.setSince(i.lastTransition() == null ? null : i.lastTransition().toString());
        status.setTransitions(i.transitions());
        if (!i.faults().isEmpty()) {
            status.setMessage(String.join("; ", i.faults()));
        }
        Map<String, Long> counters = new TreeMap<>();
        counters.put("advertisementsSent", i.advertsSent());
        counters.put("advertisementsReceived", i.advertsReceived());
        counters.put("announcementsSent", i.announcementsSent());
        counters.put("sendErrors", i.sendErrors());
        // Receive counters are kept per interface and family (shared by the instances there, RFC 9568 §7.1 checks
        // run before the VRID is known); each instance reports those of its own interface and family.
        for (AgentSnapshot.ReceiveSnapshot r : snapshot.receive()) {
            if (r.interfaceName().equals(i.interfaceName()) && r.family().equals(i.family())) {
                long dropped = r.dropped().values().stream().mapToLong(Long::longValue).sum();
                counters.put("invalidPackets", dropped + r.malformed());
                counters.put("ignoredFromUnknownPeer", r.ignoredFromUnknownPeer());
            }
        }
        status.setCounters(counters);
        return status;
    }

    /** The runtime's state words to the API's; INITIALIZE is RFC 9568's name of keepalived's INIT. */
    static InstanceState state(String state) {
        return switch (state) {
            case "MASTER" -> InstanceState.MASTER;
            case "BACKUP" -> InstanceState.BACKUP;
            case "FAULT" -> InstanceState.FAULT;
            case "STOP", "STOPPED" -> InstanceState.STOP;
            default -> InstanceState.INIT;
        };
    }
}
