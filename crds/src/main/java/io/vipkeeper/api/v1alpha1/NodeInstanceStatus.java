package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

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

    /** {@code state}: VRRP state of the instance on that node. */
    public InstanceState getState() {
        return state;
    }

    /** Sets {@code state}. */
    public void setState(InstanceState state) {
        this.state = state;
    }

    /** {@code priority}: Priority the node currently advertises (after check weights). */
    public Integer getPriority() {
        return priority;
    }

    /** Sets {@code priority}. */
    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    /** {@code since}: When the node entered this state (RFC 3339). */
    public String getSince() {
        return since;
    }

    /** Sets {@code since}. */
    public void setSince(String since) {
        this.since = since;
    }

    /** {@code transitions}: State transitions on that node since its agent started. */
    public Long getTransitions() {
        return transitions;
    }

    /** Sets {@code transitions}. */
    public void setTransitions(Long transitions) {
        this.transitions = transitions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeInstanceStatus other
                && Objects.equals(state, other.state)
                && Objects.equals(priority, other.priority)
                && Objects.equals(since, other.since)
                && Objects.equals(transitions, other.transitions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, priority, since, transitions);
    }

    @Override
    public String toString() {
        return "NodeInstanceStatus{"
                + "state=" + state
                + ", priority=" + priority
                + ", since=" + since
                + ", transitions=" + transitions
                + "}";
    }
}
