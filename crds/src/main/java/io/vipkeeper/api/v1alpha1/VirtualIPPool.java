package io.vipkeeper.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.vipkeeper.api.VipKeeper;

/**
 * The addresses, namespaces, nodes, interface, VRIDs and scripts that a cluster admin allows VirtualIPs to use.
 * Cluster-scoped; {@code kubectl get vippool}.
 */
@Group(VipKeeper.GROUP)
@Version(VipKeeper.VERSION)
@Kind(VipKeeper.KIND_VIRTUAL_IP_POOL)
@Plural(VipKeeper.PLURAL_VIRTUAL_IP_POOLS)
@Singular(VipKeeper.SINGULAR_VIRTUAL_IP_POOL)
@ShortNames(VipKeeper.SHORT_NAME_VIRTUAL_IP_POOL)
@Categories(VipKeeper.CATEGORY)
@AdditionalPrinterColumn(name = "Addresses", jsonPath = ".spec.addresses", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Interface", jsonPath = ".spec.interface", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "In-Use", jsonPath = ".status.addressesInUse", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class VirtualIPPool extends CustomResource<VirtualIPPoolSpec, VirtualIPPoolStatus> {
    private static final long serialVersionUID = 1L;
}
