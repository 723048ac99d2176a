package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Observed state, written by the operator from what the node agents report. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualIPStatus {

    /** metadata.generation of the spec this status describes. */
    @JsonPropertyDescription("metadata.generation of the spec this status describes.")
    private Long observedGeneration;

    /** VRID in use (given or allocated). */
    @JsonPropertyDescription("VRID in use (given or allocated).")
    private Integer virtualRouterId;

    /** Addresses in use (given or allocated), CIDR notation. */
    @JsonPropertyDescription("Addresses in use (given or allocated), CIDR notation.")
    private List<String> addresses;

    /** Node that holds the addresses now; absent when none does. */
    @JsonPropertyDescription("Node that holds the addresses now; absent when none does.")
    private String master;

    /** Summary: Ready, NoMaster, SplitBrain, Invalid or Pending. */
    @JsonPropertyDescription("Summary: Ready, NoMaster, SplitBrain, Invalid or Pending.")
    private VirtualIPPhase phase;

    /** Per node name: the state its agent reports. */
    @JsonPropertyDescription("Per node name: the state its agent reports.")
    private Map<String, NodeInstanceStatus> nodes;

    /** Standard conditions (Ready, Valid, SplitBrain), each with observedGeneration and lastTransitionTime. */
    @JsonPropertyDescription("Standard conditions (Ready, Valid, SplitBrain), each with observedGeneration and "
            + "lastTransitionTime.")
    private List<Condition> conditions;

    /** Creates an empty VirtualIPStatus (for Jackson). */
    public VirtualIPStatus() {
    }

    /** {@code observedGeneration}: metadata.generation of the spec this status describes. */
    public Long getObservedGeneration() {
        return observedGeneration;
    }

    /** Sets {@code observedGeneration}. */
    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    /** {@code virtualRouterId}: VRID in use (given or allocated). */
    public Integer getVirtualRouterId() {
        return virtualRouterId;
    }

    /** Sets {@code virtualRouterId}. */
    public void setVirtualRouterId(Integer virtualRouterId) {
        this.virtualRouterId = virtualRouterId;
    }

    /** {@code addresses}: Addresses in use (given or allocated), CIDR notation. */
    public List<String> getAddresses() {
        return addresses;
    }

    /** Sets {@code addresses}. */
    public void setAddresses(List<String> addresses) {
        this.addresses = addresses;
    }

    /** {@code master}: Node that holds the addresses now; absent when none does. */
    public String getMaster() {
        return master;
    }

    /** Sets {@code master}. */
    public void setMaster(String master) {
        this.master = master;
    }

    /** {@code phase}: Summary: Ready, NoMaster, SplitBrain, Invalid or Pending. */
    public VirtualIPPhase getPhase() {
        return phase;
    }

    /** Sets {@code phase}. */
    public void setPhase(VirtualIPPhase phase) {
        this.phase = phase;
    }

    /** {@code nodes}: Per node name: the state its agent reports. */
    public Map<String, NodeInstanceStatus> getNodes() {
        return nodes;
    }

    /** Sets {@code nodes}. */
    public void setNodes(Map<String, NodeInstanceStatus> nodes) {
        this.nodes = nodes;
    }

    /**
     * {@code conditions}: Standard conditions (Ready, Valid, SplitBrain), each with observedGeneration and
     * lastTransitionTime.
     */
    public List<Condition> getConditions() {
        return conditions;
    }

    /** Sets {@code conditions}. */
    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VirtualIPStatus other
                && Objects.equals(observedGeneration, other.observedGeneration)
                && Objects.equals(virtualRouterId, other.virtualRouterId)
                && Objects.equals(addresses, other.addresses)
                && Objects.equals(master, other.master)
                && Objects.equals(phase, other.phase)
                && Objects.equals(nodes, other.nodes)
                && Objects.equals(conditions, other.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observedGeneration, virtualRouterId, addresses, master, phase, nodes, conditions);
    }

    @Override
    public String toString() {
        return "VirtualIPStatus{"
                + "observedGeneration=" + observedGeneration
                + ", virtualRouterId=" + virtualRouterId
                + ", addresses=" + addresses
                + ", master=" + master
                + ", phase=" + phase
                + ", nodes=" + nodes
                + ", conditions=" + conditions
                + "}";
    }
}
