package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

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
    @JsonPropertyDescription("VRRP priority on that node, 1..254; the highest healthy priority becomes MASTER. 255 is reserved for"
            + " the owner of the address (RFC 9568 section 5.2.4) and is never used for a floating address; 0 is "
            + "sent only when a master resigns.")
    @Required
    @Min(1)
    @Max(254)
    private Integer priority;

    /** Creates an empty PreferredNode (for Jackson). */
    public PreferredNode() {
    }

    /** Returns: node name. */
    public String getNode() {
        return node;
    }

    /** Sets: node name. */
    public void setNode(String node) {
        this.node = node;
    }

    /** Returns: vRRP priority on that node, 1..254; the highest healthy priority becomes MASTER. */
    public Integer getPriority() {
        return priority;
    }

    /** Sets: vRRP priority on that node, 1..254; the highest healthy priority becomes MASTER. */
    public void setPriority(Integer priority) {
        this.priority = priority;
    }
}
