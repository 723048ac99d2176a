package io.vipkeeper.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
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
 * A floating address (or several of one family) that an application owner asks for, kept alive by VRRP among the
 * nodes its {@link VirtualIPPool} allows. Namespaced; {@code kubectl get vip}.
 */
@Group(VipKeeper.GROUP)
@Version(VipKeeper.VERSION)
@Kind(VipKeeper.KIND_VIRTUAL_IP)
@Plural(VipKeeper.PLURAL_VIRTUAL_IPS)
@Singular(VipKeeper.SINGULAR_VIRTUAL_IP)
@ShortNames(VipKeeper.SHORT_NAME_VIRTUAL_IP)
@Categories(VipKeeper.CATEGORY)
@AdditionalPrinterColumn(name = "Addresses", jsonPath = ".status.addresses", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "VRID", jsonPath = ".status.virtualRouterId", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Master", jsonPath = ".status.master", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class VirtualIP extends CustomResource<VirtualIPSpec, VirtualIPStatus> implements Namespaced {
    private static final long serialVersionUID = 1L;
}
