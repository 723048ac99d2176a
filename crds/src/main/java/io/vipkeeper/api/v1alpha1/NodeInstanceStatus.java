package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What one node's agent last reported for this VirtualIP. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodeInstanceStatus {

    /** VRRP state of the instance on that node. */
    @JsonPropertyDescription("VRRP state of the instance on that node.")
    private InstanceState state;

    /** Priority the node currently advertises (after check weights). */
    @JsonPropertyDescription("Priority the node currently advertises (after check weights).")
    private Integer priority;

    /** When the node entered this state (RFC 3339). */
    @JsonPropertyDescription("When the node entered this state (RFC 3339).")
    private String since;

    /** State transitions on that node since its agent started. */
    @JsonPropertyDescription("State transitions on that node since its agent started.")
    private Long transitions;

    /** Creates an empty NodeInstanceStatus (for Jackson). */
    public NodeInstanceStatus() {
    }

    /** Returns: vRRP state of the instance on that node. */
    public InstanceState getState() {
        return state;
    }

    /** Sets: vRRP state of the instance on that node. */
    public void setState(InstanceState state) {
        this.state = state;
    }

    /** Returns: priority the node currently advertises (after check weights). */
    public Integer getPriority() {
        return priority;
    }

    /** Sets: priority the node currently advertises (after check weights). */
    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    /** Returns: when the node entered this state (RFC 3339). */
    public String getSince() {
        return since;
    }

    /** Sets: when the node entered this state (RFC 3339). */
    public void setSince(String since) {
        this.since = since;
    }

    /** Returns: state transitions on that node since its agent started. */
    public Long getTransitions() {
        return transitions;
    }

    /** Sets: state transitions on that node since its agent started. */
    public void setTransitions(Long transitions) {
        this.transitions = transitions;
    }
}
