package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

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

    /** Returns: addresses the pool holds (saturates at 2^63-1 for large IPv6 blocks). */
    public Long getAddressesTotal() {
        return addressesTotal;
    }

    /** Sets: addresses the pool holds (saturates at 2^63-1 for large IPv6 blocks). */
    public void setAddressesTotal(Long addressesTotal) {
        this.addressesTotal = addressesTotal;
    }

    /** Returns: addresses held by VirtualIPs. */
    public Long getAddressesInUse() {
        return addressesInUse;
    }

    /** Sets: addresses held by VirtualIPs. */
    public void setAddressesInUse(Long addressesInUse) {
        this.addressesInUse = addressesInUse;
    }

    /** Returns: addresses still free (saturates like addressesTotal). */
    public Long getAddressesFree() {
        return addressesFree;
    }

    /** Sets: addresses still free (saturates like addressesTotal). */
    public void setAddressesFree(Long addressesFree) {
        this.addressesFree = addressesFree;
    }

    /** Returns: vRIDs of the range held by VirtualIPs. */
    public Integer getVirtualRouterIdsInUse() {
        return virtualRouterIdsInUse;
    }

    /** Sets: vRIDs of the range held by VirtualIPs. */
    public void setVirtualRouterIdsInUse(Integer virtualRouterIdsInUse) {
        this.virtualRouterIdsInUse = virtualRouterIdsInUse;
    }

    /** Returns: vRIDs of the range still free. */
    public Integer getVirtualRouterIdsFree() {
        return virtualRouterIdsFree;
    }

    /** Sets: vRIDs of the range still free. */
    public void setVirtualRouterIdsFree(Integer virtualRouterIdsFree) {
        this.virtualRouterIdsFree = virtualRouterIdsFree;
    }

    /** Returns: standard conditions (for example Ready, Exhausted). */
    public List<Condition> getConditions() {
        return conditions;
    }

    /** Sets: standard conditions (for example Ready, Exhausted). */
    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
