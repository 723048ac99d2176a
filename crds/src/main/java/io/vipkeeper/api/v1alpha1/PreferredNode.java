package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** A node that should get a priority other than the pool's default. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PreferredNode {

    /** Node name. */
    @JsonPropertyDescription("Node name.")
    @Required
    @Size(min = 1, max = 253)
    private String node;

    /**
     * VRRP priority on that node, 1..254; the highest healthy priority becomes MASTER. 255 is reserved for the owner
     * of the address (RFC 9568 section 5.2.4) and is never used for a floating address; 0 is sent only when a master
     * resigns.
     */
    @JsonPropertyDescription("VRRP priority on that node, 1..254; the highest healthy priority becomes MASTER. 255 is "
            + "reserved for the owner of the address (RFC 9568 section 5.2.4) and is never used for a "
            + "floating address; 0 is sent only when a master resigns.")
    @Required
    @Min(1)
    @Max(254)
    private Integer priority;

    /** Creates an empty PreferredNode (for Jackson). */
    public PreferredNode() {
    }

    /** {@code node}: Node name. */
    public String getNode() {
        return node;
    }

    /** Sets {@code node}. */
    public void setNode(String node) {
        this.node = node;
    }

    /** {@code priority}: VRRP priority on that node, 1..254; the highest healthy priority becomes MASTER. */
    public Integer getPriority() {
        return priority;
    }

    /** Sets {@code priority}. */
    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreferredNode other
                && Objects.equals(node, other.node)
                && Objects.equals(priority, other.priority);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node, priority);
    }

    @Override
    public String toString() {
        return "PreferredNode{"
                + "node=" + node
                + ", priority=" + priority
                + "}";
    }
}
