package io.vipkeeper.api;

/**
 * The one place for vipkeeper's API identity: group, version, kinds, resource names, and the label,
 * annotation, finalizer and load-balancer-class keys that the operator, the node agent and users share.
 *
 * <p>Every value is a compile-time constant, so the CRD classes can use them in annotations.
 */
public final class VipKeeper {

    /** The API group of every vipkeeper custom resource. */
    public static final String GROUP = "vipkeeper.io";

    /** The one served and stored version. */
    public static final String VERSION = "v1alpha1";

    /** {@code apiVersion} as written in manifests. */
    public static final String API_VERSION = GROUP + "/" + VERSION;

    /** {@code kubectl get vipkeeper} lists every vipkeeper resource. */
    public static final String CATEGORY = "vipkeeper";

    /** Kind of the namespaced resource an application owner applies. */
    public static final String KIND_VIRTUAL_IP = "VirtualIP";
    /** Plural resource name of {@link #KIND_VIRTUAL_IP}. */
    public static final String PLURAL_VIRTUAL_IPS = "virtualips";
    /** Singular resource name of {@link #KIND_VIRTUAL_IP}. */
    public static final String SINGULAR_VIRTUAL_IP = "virtualip";
    /** Short name: {@code kubectl get vip}. */
    public static final String SHORT_NAME_VIRTUAL_IP = "vip";

    /** Kind of the cluster-scoped resource a cluster admin controls. */
    public static final String KIND_VIRTUAL_IP_POOL = "VirtualIPPool";
    /** Plural resource name of {@link #KIND_VIRTUAL_IP_POOL}. */
    public static final String PLURAL_VIRTUAL_IP_POOLS = "virtualippools";
    /** Singular resource name of {@link #KIND_VIRTUAL_IP_POOL}. */
    public static final String SINGULAR_VIRTUAL_IP_POOL = "virtualippool";
    /** Short name: {@code kubectl get vippool}. */
    public static final String SHORT_NAME_VIRTUAL_IP_POOL = "vippool";

    /**
     * Kind of the cluster-scoped per-node resource, named after its node: spec is the node's desired VRRP instances
     * (written only by the operator), status what that node's agent observes (written only by that agent).
     */
    public static final String KIND_VIRTUAL_IP_NODE = "VirtualIPNode";
    /** Plural resource name of {@link #KIND_VIRTUAL_IP_NODE}. */
    public static final String PLURAL_VIRTUAL_IP_NODES = "virtualipnodes";
    /** Singular resource name of {@link #KIND_VIRTUAL_IP_NODE}. */
    public static final String SINGULAR_VIRTUAL_IP_NODE = "virtualipnode";
    /** Short name: {@code kubectl get vipnode}. */
    public static final String SHORT_NAME_VIRTUAL_IP_NODE = "vipnode";

    /** Full CRD name of VirtualIP ({@code plural.group}). */
    public static final String CRD_VIRTUAL_IPS = PLURAL_VIRTUAL_IPS + "." + GROUP;
    /** Full CRD name of VirtualIPPool ({@code plural.group}). */
    public static final String CRD_VIRTUAL_IP_POOLS = PLURAL_VIRTUAL_IP_POOLS + "." + GROUP;

    /** Full CRD name of VirtualIPNode ({@code plural.group}). */
    public static final String CRD_VIRTUAL_IP_NODES = PLURAL_VIRTUAL_IP_NODES + "." + GROUP;

    /** Service annotation: take the load balancer address from this VirtualIPPool. */
    public static final String ANNOTATION_POOL = GROUP + "/pool";

    /** Service annotation: the address(es) to use, comma separated (must lie in the pool). */
    public static final String ANNOTATION_ADDRESSES = GROUP + "/addresses";

    /** {@code spec.loadBalancerClass} of a Service that vipkeeper serves. */
    public static final String LOAD_BALANCER_CLASS = GROUP + "/vrrp";

    /**
     * Finalizer the operator puts on a VirtualIP so that its addresses are released from every node
     * before the object goes away.
     */
    public static final String FINALIZER = GROUP + "/release-addresses";

    /** Standard Kubernetes label naming the tool that manages an object. */
    public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";

    /** Value of {@link #LABEL_MANAGED_BY} on objects vipkeeper creates (for example a Service's VirtualIP). */
    public static final String MANAGED_BY = "vipkeeper";

    /** Label on a VirtualIP created for a Service: the Service's name (the owner reference says the rest). */
    public static final String LABEL_SERVICE_NAME = GROUP + "/service-name";

    private VipKeeper() {
    }
}
