package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** Desired configuration of one node, written only by the operator: every VRRP instance the node must run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualIPNodeSpec {

    /**
     * Every VRRP instance this node must run, sorted by name; written only by the operator. Empty: none (the
     * agent stops every instance it runs).
     */
    @JsonPropertyDescription("Every VRRP instance this node must run, sorted by name; written only by the operator. Empty: none "
            + "(the agent stops every instance it runs).")
    private List<NodeInstanceSpec> instances;

    /** Creates an empty VirtualIPNodeSpec (for Jackson). */
    public VirtualIPNodeSpec() {
    }

    /**
     * {@code instances}: Every VRRP instance this node must run, sorted by name; written only by the
     * operator.
     */
    public List<NodeInstanceSpec> getInstances() {
        return instances;
    }

    /** Sets {@code instances}. */
    public void setInstances(List<NodeInstanceSpec> instances) {
        this.instances = instances;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VirtualIPNodeSpec other
                && Objects.equals(instances, other.instances);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instances);
    }

    @Override
    public String toString() {
        return "VirtualIPNodeSpec{"
                + "instances=" + instances
                + "}";
    }
}
