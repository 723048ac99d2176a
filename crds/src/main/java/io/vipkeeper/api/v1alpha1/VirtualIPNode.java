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
 * One node's share of the work, named after the node. Cluster-scoped; {@code kubectl get vipnode}.
 *
 * <p>Two writers, each owning one half (DESIGN.md section 3): the spec is the node's desired configuration, every
 * VRRP instance fully resolved, written only by the operator; the status is what that node's agent observes,
 * written only by that agent, with patches. The agent watches this one object (field selector on its name) and
 * nothing else, so its RBAC and watch load stay small at 1,000 nodes.
 */
@Group(VipKeeper.GROUP)
@Version(VipKeeper.VERSION)
@Kind(VipKeeper.KIND_VIRTUAL_IP_NODE)
@Plural(VipKeeper.PLURAL_VIRTUAL_IP_NODES)
@Singular(VipKeeper.SINGULAR_VIRTUAL_IP_NODE)
@ShortNames(VipKeeper.SHORT_NAME_VIRTUAL_IP_NODE)
@Categories(VipKeeper.CATEGORY)
@AdditionalPrinterColumn(name = "Instances", jsonPath = ".status.instanceCount", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Masters", jsonPath = ".status.masterCount", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class VirtualIPNode extends CustomResource<VirtualIPNodeSpec, VirtualIPNodeStatus> {
    private static final long serialVersionUID = 1L;
}
