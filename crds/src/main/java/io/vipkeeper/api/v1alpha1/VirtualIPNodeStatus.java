package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.Objects;

/** What one node's agent observes, written only by that agent (patch, never a full update). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualIPNodeStatus {

    /** Per instance name (spec.instances[].name): the state this node's agent observes. */
    @JsonPropertyDescription("Per instance name (spec.instances[].name): the state this node's agent observes.")
    private Map<String, NodeInstanceStatus> instances;

    /** metadata.generation of the spec the agent has applied. */
    @JsonPropertyDescription("metadata.generation of the spec the agent has applied.")
    private Long observedGeneration;

    /** Version of the node agent. */
    @JsonPropertyDescription("Version of the node agent.")
    private String agentVersion;

    /** When the agent last wrote this status (RFC 3339); a stale heartbeat means the agent is not reporting. */
    @JsonPropertyDescription("When the agent last wrote this status (RFC 3339); a stale heartbeat means the agent is not "
            + "reporting.")
    private String heartbeat;

    /** Instances the agent runs (the INSTANCES column). */
    @JsonPropertyDescription("Instances the agent runs (the INSTANCES column).")
    private Integer instanceCount;

    /** Instances in which this node is MASTER (the MASTERS column). */
    @JsonPropertyDescription("Instances in which this node is MASTER (the MASTERS column).")
    private Integer masterCount;

    /** Creates an empty VirtualIPNodeStatus (for Jackson). */
    public VirtualIPNodeStatus() {
    }

    /** {@code instances}: Per instance name (spec.instances[].name): the state this node's agent observes. */
    public Map<String, NodeInstanceStatus> getInstances() {
        return instances;
    }

    /** Sets {@code instances}. */
    public void setInstances(Map<String, NodeInstanceStatus> instances) {
        this.instances = instances;
    }

    /** {@code observedGeneration}: metadata.generation of the spec the agent has applied. */
    public Long getObservedGeneration() {
        return observedGeneration;
    }

    /** Sets {@code observedGeneration}. */
    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    /** {@code agentVersion}: Version of the node agent. */
    public String getAgentVersion() {
        return agentVersion;
    }

    /** Sets {@code agentVersion}. */
    public void setAgentVersion(String agentVersion) {
        this.agentVersion = agentVersion;
    }

    /**
     * {@code heartbeat}: When the agent last wrote this status (RFC 3339); a stale heartbeat means the agent
     * is not reporting.
     */
    public String getHeartbeat() {
        return heartbeat;
    }

    /** Sets {@code heartbeat}. */
    public void setHeartbeat(String heartbeat) {
        this.heartbeat = heartbeat;
    }

    /** {@code instanceCount}: Instances the agent runs (the INSTANCES column). */
    public Integer getInstanceCount() {
        return instanceCount;
    }

    /** Sets {@code instanceCount}. */
    public void setInstanceCount(Integer instanceCount) {
        this.instanceCount = instanceCount;
    }

    /** {@code masterCount}: Instances in which this node is MASTER (the MASTERS column). */
    public Integer getMasterCount() {
        return masterCount;
    }

    /** Sets {@code masterCount}. */
    public void setMasterCount(Integer masterCount) {
        this.masterCount = masterCount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VirtualIPNodeStatus other
                && Objects.equals(instances, other.instances)
                && Objects.equals(observedGeneration, other.observedGeneration)
                && Objects.equals(agentVersion, other.agentVersion)
                && Objects.equals(heartbeat, other.heartbeat)
                && Objects.equals(instanceCount, other.instanceCount)
                && Objects.equals(masterCount, other.masterCount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instances, observedGeneration, agentVersion, heartbeat, instanceCount, masterCount);
    }

    @Override
    public String toString() {
        return "VirtualIPNodeStatus{"
                + "instances=" + instances
                + ", observedGeneration=" + observedGeneration
                + ", agentVersion=" + agentVersion
                + ", heartbeat=" + heartbeat
                + ", instanceCount=" + instanceCount
                + ", masterCount=" + masterCount
                + "}";
    }
}
