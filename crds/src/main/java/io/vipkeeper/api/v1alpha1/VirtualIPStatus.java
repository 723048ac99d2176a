package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Map;

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
    @JsonPropertyDescription("Standard conditions (Ready, Valid, SplitBrain), each with observedGeneration and lastTransitionTime.")
    private List<Condition> conditions;

    /** Creates an empty VirtualIPStatus (for Jackson). */
    public VirtualIPStatus() {
    }

    /** Returns: metadata.generation of the spec this status describes. */
    public Long getObservedGeneration() {
        return observedGeneration;
    }

    /** Sets: metadata.generation of the spec this status describes. */
    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    /** Returns: vRID in use (given or allocated). */
    public Integer getVirtualRouterId() {
        return virtualRouterId;
    }

    /** Sets: vRID in use (given or allocated). */
    public void setVirtualRouterId(Integer virtualRouterId) {
        this.virtualRouterId = virtualRouterId;
    }

    /** Returns: addresses in use (given or allocated), CIDR notation. */
    public List<String> getAddresses() {
        return addresses;
    }

    /** Sets: addresses in use (given or allocated), CIDR notation. */
    public void setAddresses(List<String> addresses) {
        this.addresses = addresses;
    }

    /** Returns: node that holds the addresses now; absent when none does. */
    public String getMaster() {
        return master;
    }

    /** Sets: node that holds the addresses now; absent when none does. */
    public void setMaster(String master) {
        this.master = master;
    }

    /** Returns: summary: Ready, NoMaster, SplitBrain, Invalid or Pending. */
    public VirtualIPPhase getPhase() {
        return phase;
    }

    /** Sets: summary: Ready, NoMaster, SplitBrain, Invalid or Pending. */
    public void setPhase(VirtualIPPhase phase) {
        this.phase = phase;
    }

    /** Returns: per node name: the state its agent reports. */
    public Map<String, NodeInstanceStatus> getNodes() {
        return nodes;
    }

    /** Sets: per node name: the state its agent reports. */
    public void setNodes(Map<String, NodeInstanceStatus> nodes) {
        this.nodes = nodes;
    }

    /** Returns: standard conditions (Ready, Valid, SplitBrain), each with observedGeneration and lastTransitionTime. */
    public List<Condition> getConditions() {
        return conditions;
    }

    /** Sets: standard conditions (Ready, Valid, SplitBrain), each with observedGeneration and lastTransitionTime. */
    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
