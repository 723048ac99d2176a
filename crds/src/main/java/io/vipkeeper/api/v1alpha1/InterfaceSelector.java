package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/**
 * Which network interface carries the addresses on a node: a name, or the interface that holds an address inside
 * a CIDR (resolved on each node). Exactly one of the two.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.name) != has(self.cidr)", message = "interface: set exactly one of name and cidr")
public class InterfaceSelector {

    /** Interface name, the same on every selected node, for example eth0. */
    @JsonPropertyDescription("Interface name, the same on every selected node, for example eth0.")
    @Size(min = 1, max = 15)
    @Pattern("^[^/\\s:]+$")
    private String name;

    /**
     * Use the interface that holds an address inside this CIDR, for example 192.168.1.0/24; lets nodes name their
     * interfaces differently.
     */
    @JsonPropertyDescription("Use the interface that holds an address inside this CIDR, for example 192.168.1.0/24; lets"
            + " nodes name their interfaces differently.")
    @Pattern(Formats.CIDR)
    @Size(max = Formats.CIDR_MAX_LENGTH)
    private String cidr;

    /** Creates an empty InterfaceSelector (for Jackson). */
    public InterfaceSelector() {
    }

    /** {@code name}: Interface name, the same on every selected node, for example eth0. */
    public String getName() {
        return name;
    }

    /** Sets {@code name}. */
    public void setName(String name) {
        this.name = name;
    }

    /**
     * {@code cidr}: Use the interface that holds an address inside this CIDR, for example 192.168.1.0/24; lets nodes
     * name their interfaces differently.
     */
    public String getCidr() {
        return cidr;
    }

    /** Sets {@code cidr}. */
    public void setCidr(String cidr) {
        this.cidr = cidr;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterfaceSelector other
                && Objects.equals(name, other.name)
                && Objects.equals(cidr, other.cidr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, cidr);
    }

    @Override
    public String toString() {
        return "InterfaceSelector{"
                + "name=" + name
                + ", cidr=" + cidr
                + "}";
    }
}
