package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/** An inclusive range of VRRP virtual router ids. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.min <= self.max", message = "virtualRouterIds: min must not be above max")
public class VridRange {

    /** Lowest VRID, 1..255. */
    @JsonPropertyDescription("Lowest VRID, 1..255.")
    @Required
    @Min(1)
    @Max(255)
    private Integer min;

    /** Highest VRID, 1..255, not below min. */
    @JsonPropertyDescription("Highest VRID, 1..255, not below min.")
    @Required
    @Min(1)
    @Max(255)
    private Integer max;

    /** Creates an empty VridRange (for Jackson). */
    public VridRange() {
    }

    /** {@code min}: Lowest VRID, 1..255. */
    public Integer getMin() {
        return min;
    }

    /** Sets {@code min}. */
    public void setMin(Integer min) {
        this.min = min;
    }

    /** {@code max}: Highest VRID, 1..255, not below min. */
    public Integer getMax() {
        return max;
    }

    /** Sets {@code max}. */
    public void setMax(Integer max) {
        this.max = max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VridRange other
                && Objects.equals(min, other.min)
                && Objects.equals(max, other.max);
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, max);
    }

    @Override
    public String toString() {
        return "VridRange{"
                + "min=" + min
                + ", max=" + max
                + "}";
    }
}
