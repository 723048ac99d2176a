package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.Objects;

/** What one node's agent last reported for one VRRP instance (a VirtualIP on that node). */
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

    /**
     * Primary address of the MASTER as this node last saw it (its own when it is MASTER); absent when
     * unknown.
     */
    @JsonPropertyDescription("Primary address of the MASTER as this node last saw it (its own when it is MASTER); absent when "
            + "unknown.")
    private String masterAddress;

    /** Why the instance is in FAULT or not running, in plain words; absent otherwise. */
    @JsonPropertyDescription("Why the instance is in FAULT or not running, in plain words; absent otherwise.")
    private String message;

    /**
     * Counters since the agent started, by name (for example advertisementsSent, advertisementsReceived,
     * becameMaster, priorityZeroSent, priorityZeroReceived, invalidPackets).
     */
    @JsonPropertyDescription("Counters since the agent started, by name (for example advertisementsSent, advertisementsReceived, "
            + "becameMaster, priorityZeroSent, priorityZeroReceived, invalidPackets).")
    private Map<String, Long> counters;

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

    /**
     * {@code masterAddress}: Primary address of the MASTER as this node last saw it (its own when it is
     * MASTER); absent when unknown.
     */
    public String getMasterAddress() {
        return masterAddress;
    }

    /** Sets {@code masterAddress}. */
    public void setMasterAddress(String masterAddress) {
        this.masterAddress = masterAddress;
    }

    /** {@code message}: Why the instance is in FAULT or not running, in plain words; absent otherwise. */
    public String getMessage() {
        return message;
    }

    /** Sets {@code message}. */
    public void setMessage(String message) {
        this.message = message;
    }

    /**
     * {@code counters}: Counters since the agent started, by name (for example advertisementsSent,
     * advertisementsReceived, becameMaster, priorityZeroSent, priorityZeroReceived, invalidPackets).
     */
    public Map<String, Long> getCounters() {
        return counters;
    }

    /** Sets {@code counters}. */
    public void setCounters(Map<String, Long> counters) {
        this.counters = counters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeInstanceStatus other
                && Objects.equals(state, other.state)
                && Objects.equals(priority, other.priority)
                && Objects.equals(since, other.since)
                && Objects.equals(transitions, other.transitions)
                && Objects.equals(masterAddress, other.masterAddress)
                && Objects.equals(message, other.message)
                && Objects.equals(counters, other.counters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, priority, since, transitions, masterAddress, message, counters);
    }

    @Override
    public String toString() {
        return "NodeInstanceStatus{"
                + "state=" + state
                + ", priority=" + priority
                + ", since=" + since
                + ", transitions=" + transitions
                + ", masterAddress=" + masterAddress
                + ", message=" + message
                + ", counters=" + counters
                + "}";
    }
}
