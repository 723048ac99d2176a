package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Objects;

/** Usage of the pool, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualIPPoolStatus {

    /** Addresses the pool holds (saturates at 2^63-1 for large IPv6 blocks). */
    @JsonPropertyDescription("Addresses the pool holds (saturates at 2^63-1 for large IPv6 blocks).")
    private Long addressesTotal;

    /** Addresses held by VirtualIPs. */
    @JsonPropertyDescription("Addresses held by VirtualIPs.")
    private Long addressesInUse;

    /** Addresses still free (saturates like addressesTotal). */
    @JsonPropertyDescription("Addresses still free (saturates like addressesTotal).")
    private Long addressesFree;

    /** VRIDs of the range held by VirtualIPs. */
    @JsonPropertyDescription("VRIDs of the range held by VirtualIPs.")
    private Integer virtualRouterIdsInUse;

    /** VRIDs of the range still free. */
    @JsonPropertyDescription("VRIDs of the range still free.")
    private Integer virtualRouterIdsFree;

    /** Standard conditions (for example Ready, Exhausted). */
    @JsonPropertyDescription("Standard conditions (for example Ready, Exhausted).")
    private List<Condition> conditions;

    /** Creates an empty VirtualIPPoolStatus (for Jackson). */
    public VirtualIPPoolStatus() {
    }

    /** {@code addressesTotal}: Addresses the pool holds (saturates at 2^63-1 for large IPv6 blocks). */
    public Long getAddressesTotal() {
        return addressesTotal;
    }

    /** Sets {@code addressesTotal}. */
    public void setAddressesTotal(Long addressesTotal) {
        this.addressesTotal = addressesTotal;
    }

    /** {@code addressesInUse}: Addresses held by VirtualIPs. */
    public Long getAddressesInUse() {
        return addressesInUse;
    }

    /** Sets {@code addressesInUse}. */
    public void setAddressesInUse(Long addressesInUse) {
        this.addressesInUse = addressesInUse;
    }

    /** {@code addressesFree}: Addresses still free (saturates like addressesTotal). */
    public Long getAddressesFree() {
        return addressesFree;
    }

    /** Sets {@code addressesFree}. */
    public void setAddressesFree(Long addressesFree) {
        this.addressesFree = addressesFree;
    }

    /** {@code virtualRouterIdsInUse}: VRIDs of the range held by VirtualIPs. */
    public Integer getVirtualRouterIdsInUse() {
        return virtualRouterIdsInUse;
    }

    /** Sets {@code virtualRouterIdsInUse}. */
    public void setVirtualRouterIdsInUse(Integer virtualRouterIdsInUse) {
        this.virtualRouterIdsInUse = virtualRouterIdsInUse;
    }

    /** {@code virtualRouterIdsFree}: VRIDs of the range still free. */
    public Integer getVirtualRouterIdsFree() {
        return virtualRouterIdsFree;
    }

    /** Sets {@code virtualRouterIdsFree}. */
    public void setVirtualRouterIdsFree(Integer virtualRouterIdsFree) {
        this.virtualRouterIdsFree = virtualRouterIdsFree;
    }

    /** {@code conditions}: Standard conditions (for example Ready, Exhausted). */
    public List<Condition> getConditions() {
        return conditions;
    }

    /** Sets {@code conditions}. */
    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VirtualIPPoolStatus other
                && Objects.equals(addressesTotal, other.addressesTotal)
                && Objects.equals(addressesInUse, other.addressesInUse)
                && Objects.equals(addressesFree, other.addressesFree)
                && Objects.equals(virtualRouterIdsInUse, other.virtualRouterIdsInUse)
                && Objects.equals(virtualRouterIdsFree, other.virtualRouterIdsFree)
                && Objects.equals(conditions, other.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addressesTotal, addressesInUse, addressesFree, virtualRouterIdsInUse, virtualRouterIdsFree, conditions);
    }

    @Override
    public String toString() {
        return "VirtualIPPoolStatus{"
                + "addressesTotal=" + addressesTotal
                + ", addressesInUse=" + addressesInUse
                + ", addressesFree=" + addressesFree
                + ", virtualRouterIdsInUse=" + virtualRouterIdsInUse
                + ", virtualRouterIdsFree=" + virtualRouterIdsFree
                + ", conditions=" + conditions
                + "}";
    }
}
