package io.vipkeeper.operator.reconcile;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.LoadBalancerStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.vipkeeper.api.VipKeeper;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPSpec;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Services of {@code type: LoadBalancer} that vipkeeper serves get a VirtualIP, and their
 * {@code status.loadBalancer.ingress} once a node is MASTER of it.
 *
 * <p>A Service is served when its {@code spec.loadBalancerClass} is {@link VipKeeper#LOAD_BALANCER_CLASS}, or when it
 * has no class and carries the annotation {@link VipKeeper#ANNOTATION_POOL} (a Service of another class belongs to
 * another load balancer and is never touched). The pool is the annotation's; with the class alone, the first pool by
 * name that allows the Service's namespace. {@link VipKeeper#ANNOTATION_ADDRESSES} asks for specific addresses
 * ({@code IP[,IP]}, written as host routes /32 or /128).
 *
 * <p>The VirtualIP has the Service's name and namespace, an owner reference to the Service (a real cluster's garbage
 * collector deletes it with the Service; {@link VirtualIPReconciler} does it where there is none) and the labels
 * {@link VipKeeper#LABEL_MANAGED_BY} and {@link VipKeeper#LABEL_SERVICE_NAME}. When the Service stops asking, its
 * VirtualIP is deleted and the ingress entry removed.
 *
 * <p>Not generation-aware: annotations and the status of the VirtualIP do not move the Service's generation.
 */
@ControllerConfiguration(name = ServiceReconciler.NAME, generationAwareEventProcessing = false)
public final class ServiceReconciler implements Reconciler<Service> {

    /** Controller name. */
    public static final String NAME = "vipkeeper-service";

    /** Event reason when a VirtualIP of the Service's name exists and is not the Service's. */
    public static final String REASON_NAME_TAKEN = "VirtualIPNameTaken";

    /** Event reason when no pool can serve the Service. */
    public static final String REASON_NO_POOL = "NoPool";

    private final ClusterCache cache;
    private final ApiWrites api;
    private final EventRecorder events;
    private final WriteCounters writes;
    private final SimpleInboundEventSource<Service> triggers = new SimpleInboundEventSource<>("virtualip-changes");
    /** The last Warning said per Service uid. */
    private final java.util.Map<String, String> lastWarning = new java.util.concurrent.ConcurrentHashMap<>();

    ServiceReconciler(ClusterCache cache, ApiWrites api, EventRecorder events, WriteCounters writes) {
        this.cache = cache;
        this.api = api;
        this.events = events;
        this.writes = writes;
    }

    /** Asks for a reconcile of one Service. */
    void trigger(String namespace, String name) {
        ClusterTriggers.propagate(triggers, new ResourceID(name, namespace));
    }

    @Override
    public List<EventSource<?, Service>> prepareEventSources(EventSourceContext<Service> context) {
        return List.of(triggers);
    }

    /** Whether vipkeeper serves this Service (see the class comment). */
    public static boolean isServed(Service service) {
        if (service.getSpec() == null || !"LoadBalancer".equals(service.getSpec().getType())) {
            return false;
        }
        String loadBalancerClass = service.getSpec().getLoadBalancerClass();
        if (loadBalancerClass != null) {
            return VipKeeper.LOAD_BALANCER_CLASS.equals(loadBalancerClass);
        }
        return annotation(service, VipKeeper.ANNOTATION_POOL) != null;
    }

    @Override
    public UpdateControl<Service> reconcile(Service service, Context<Service> context) {
        String namespace = service.getMetadata().getNamespace();
        String name = service.getMetadata().getName();
        VirtualIP existing = cache.virtualIP(namespace, name);
        boolean ours = existing != null && isOwnedBy(existing, service);
        if (!isServed(service)) {
            if (ours) {
                api.client().resource(existing).delete();
                writes.count(WriteCounters.Kind.SERVICE_VIRTUAL_IP_DELETE, namespace + "/" + name);
                writeIngress(service, List.of());
            }
            return UpdateControl.noUpdate();
        }
        if (existing != null && !ours) {
            warnOnce(service, REASON_NAME_TAKEN, "VirtualIP " + namespace + "/" + name
                    + " exists and does not belong to this Service; rename one of them");
            return UpdateControl.noUpdate();
        }
        Optional<String> pool = poolFor(service);
        if (pool.isEmpty()) {
            warnOnce(service, REASON_NO_POOL, "no VirtualIPPool allows namespace " + namespace
                    + "; name one with the annotation " + VipKeeper.ANNOTATION_POOL);
            return UpdateControl.noUpdate();
        }
        lastWarning.remove(service.getMetadata().getUid());
        List<String> addresses = requestedAddresses(service);
        if (existing == null) {
            create(service, pool.get(), addresses);
        } else if (!pool.get().equals(existing.getSpec().getPool())
                || !Objects.equals(nullIfEmpty(addresses), nullIfEmpty(existing.getSpec().getAddresses()))) {
            VirtualIPSpec spec = copySpec(existing.getSpec());
            spec.setPool(pool.get());
            spec.setAddresses(addresses.isEmpty() ? null : addresses);
            api.replaceSpec(VirtualIP.class, existing, spec);
            writes.count(WriteCounters.Kind.SERVICE_VIRTUAL_IP_UPDATE, namespace + "/" + name);
        }
        if (existing != null && existing.getStatus() != null && existing.getStatus().getMaster() != null
                && existing.getStatus().getAddresses() != null) {
            writeIngress(service, existing.getStatus().getAddresses().stream().map(ServiceReconciler::hostOf).toList());
        }
        return UpdateControl.noUpdate();
    }

    /**
     * A Warning Event, unless the same one was the last said about this Service: this controller runs on every change
     * of the Service and of its VirtualIP, and a problem that stays must not flood the Service's events.
     */
    private void warnOnce(Service service, String reason, String message) {
        String said = reason + ": " + message;
        if (!said.equals(lastWarning.put(service.getMetadata().getUid(), said))) {
            events.warning(service, reason, message);
        }
    }

    private void create(Service service, String pool, List<String> addresses) {
        VirtualIP vip = new VirtualIP();
        vip.setMetadata(new ObjectMetaBuilder()
                .withNamespace(service.getMetadata().getNamespace())
                .withName(service.getMetadata().getName())
                .addToLabels(VipKeeper.LABEL_MANAGED_BY, VipKeeper.MANAGED_BY)
                .addToLabels(VipKeeper.LABEL_SERVICE_NAME, service.getMetadata().getName())
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("v1").withKind("Service")
                        .withName(service.getMetadata().getName()).withUid(service.getMetadata().getUid())
                        .withController(true).withBlockOwnerDeletion(true)
                        .build())
                .build());
        VirtualIPSpec spec = new VirtualIPSpec();
        spec.setPool(pool);
        spec.setAddresses(addresses.isEmpty() ? null : addresses);
        vip.setSpec(spec);
        try {
            api.client().resource(vip).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return; // made a moment ago and not yet in the cache; its event brings this Service back here
            }
            throw e;
        }
        writes.count(WriteCounters.Kind.SERVICE_VIRTUAL_IP_CREATE, service.getMetadata().getNamespace() + "/"
                + service.getMetadata().getName());
    }

    /** Replaces status.loadBalancer.ingress when it differs from {@code ips} (JSON Patch: the list is replaced). */
    private void writeIngress(Service service, List<String> ips) {
        List<LoadBalancerIngress> desired = ips.stream()
                .map(ip -> new LoadBalancerIngressBuilder().withIp(ip).withIpMode("VIP").build()).toList();
        LoadBalancerStatus current = service.getStatus() == null ? null : service.getStatus().getLoadBalancer();
        List<String> currentIps = current == null || current.getIngress() == null ? List.of()
                : current.getIngress().stream().map(LoadBalancerIngress::getIp).toList();
        if (currentIps.equals(ips)) {
            return;
        }
        LoadBalancerStatus loadBalancer = new LoadBalancerStatus();
        loadBalancer.setIngress(new ArrayList<>(desired));
        // The whole status, so the patch applies whether or not the server has filled status in yet.
        ServiceStatus status = service.getStatus() == null ? new ServiceStatus()
                : api.client().getKubernetesSerialization().clone(service.getStatus());
        status.setLoadBalancer(loadBalancer);
        api.client().services().inNamespace(service.getMetadata().getNamespace())
                .withName(service.getMetadata().getName()).subresource("status")
                .patch(PatchContext.of(PatchType.JSON), api.addAt("/status", status));
        writes.count(WriteCounters.Kind.SERVICE_STATUS, service.getMetadata().getNamespace() + "/"
                + service.getMetadata().getName());
    }

    private Optional<String> poolFor(Service service) {
        String annotated = annotation(service, VipKeeper.ANNOTATION_POOL);
        if (annotated != null) {
            return Optional.of(annotated);
        }
        String namespace = service.getMetadata().getNamespace();
        return cache.pools().stream()
                .filter(pool -> pool.getMetadata().getDeletionTimestamp() == null)
                .filter(pool -> pool.getSpec() != null && (pool.getSpec().getAllowedNamespaces() == null
                        || pool.getSpec().getAllowedNamespaces().isEmpty()
                        || pool.getSpec().getAllowedNamespaces().contains(namespace)))
                .map(VirtualIPPool::getMetadata).map(m -> m.getName())
                .min(Comparator.naturalOrder());
    }

    /** The annotation's addresses as CIDRs: a bare IP becomes a host route (/32, /128). */
    static List<String> requestedAddresses(Service service) {
        String value = annotation(service, VipKeeper.ANNOTATION_ADDRESSES);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(ip -> ip.contains("/") ? ip : ip + (ip.contains(":") ? "/128" : "/32")).toList();
    }

    private static String hostOf(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }

    private static String annotation(Service service, String key) {
        Map<String, String> annotations = service.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    private static boolean isOwnedBy(VirtualIP vip, Service service) {
        List<OwnerReference> owners = vip.getMetadata().getOwnerReferences();
        return owners != null && owners.stream().anyMatch(o -> "Service".equals(o.getKind())
                && Objects.equals(o.getUid(), service.getMetadata().getUid()));
    }

    private static List<String> nullIfEmpty(List<String> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    private static VirtualIPSpec copySpec(VirtualIPSpec spec) {
        VirtualIPSpec copy = new VirtualIPSpec();
        copy.setPool(spec.getPool());
        copy.setAddresses(spec.getAddresses());
        copy.setVirtualRouterId(spec.getVirtualRouterId());
        copy.setVersion(spec.getVersion());
        copy.setAdvertisementInterval(spec.getAdvertisementInterval());
        copy.setPreempt(spec.getPreempt());
        copy.setPreemptDelay(spec.getPreemptDelay());
        copy.setPreferredNodes(spec.getPreferredNodes());
        copy.setChecksumWithPseudoHeader(spec.getChecksumWithPseudoHeader());
        copy.setChecks(spec.getChecks());
        copy.setNotify(spec.getNotify());
        return copy;
    }
}
