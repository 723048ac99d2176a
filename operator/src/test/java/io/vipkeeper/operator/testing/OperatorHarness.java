package io.vipkeeper.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.vipkeeper.api.v1alpha1.AdvertisementMode;
import io.vipkeeper.api.v1alpha1.InstanceState;
import io.vipkeeper.api.v1alpha1.NodeInstanceSpec;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPNode;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPPoolSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPSpec;
import io.vipkeeper.operator.OperatorSettings;
import io.vipkeeper.operator.VipKeeperOperator;
import io.vipkeeper.operator.reconcile.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link MockCluster} with one vipkeeper operator running against it, and the moves tests make: create pools, nodes,
 * namespaces and VirtualIPs, report instance states as a node agent would, read Events.
 */
public final class OperatorHarness implements AutoCloseable {

    /** How long a test waits for the operator to converge. */
    public static final Duration CONVERGE = Duration.ofSeconds(20);

    private final MockCluster cluster;
    private final VipKeeperOperator operator;

    private OperatorHarness(MockCluster cluster, VipKeeperOperator operator) {
        this.cluster = cluster;
        this.operator = operator;
    }

    /** A fresh cluster and a started operator (no leader election: it is the only replica). */
    public static OperatorHarness start() {
        MockCluster cluster = MockCluster.start();
        VipKeeperOperator operator = VipKeeperOperator.create(cluster.client(),
                OperatorSettings.defaults("default", "test-operator").withLeaderElection(false), Clock.systemUTC());
        operator.start();
        return new OperatorHarness(cluster, operator);
    }

    /** The cluster. */
    public MockCluster cluster() {
        return cluster;
    }

    /** The client of the cluster. */
    public KubernetesClient client() {
        return cluster.client();
    }

    /** The running operator. */
    public VipKeeperOperator operator() {
        return operator;
    }

    /** Creates a namespace with labels. */
    public void namespace(String name, Map<String, String> labels) {
        client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels)
                .endMetadata().build()).create();
    }

    /** Creates a Ready node with one InternalIP and labels. */
    public void node(String name, String internalIP, Map<String, String> labels) {
        Node node = new NodeBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewStatus()
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewAddress().withType("InternalIP").withAddress(internalIP).endAddress()
                .endStatus()
                .build();
        client().nodes().resource(node).create();
    }

    /** A pool spec with the given addresses, multicast on eth0, VRRPv3 at 1s, VRIDs 1..255, default priority 100, script directory /etc/vipkeeper/scripts. */
    public static VirtualIPPoolSpec poolSpec(String... addresses) {
        VirtualIPPoolSpec spec = new VirtualIPPoolSpec();
        spec.setAddresses(List.of(addresses));
        spec.setMode(AdvertisementMode.Multicast);
        var vrids = new io.vipkeeper.api.v1alpha1.VridRange();
        vrids.setMin(1);
        vrids.setMax(255);
        spec.setVirtualRouterIds(vrids);
        spec.setVersion(3);
        spec.setAdvertisementInterval("1s");
        var selector = new io.vipkeeper.api.v1alpha1.InterfaceSelector();
        selector.setName("eth0");
        spec.setNetworkInterface(selector);
        spec.setScriptDirectory("/etc/vipkeeper/scripts");
        spec.setDefaultPriority(100);
        return spec;
    }

    /** Creates a pool. */
    public VirtualIPPool pool(String name, VirtualIPPoolSpec spec) {
        VirtualIPPool pool = new VirtualIPPool();
        pool.setMetadata(new ObjectMetaBuilder().withName(name).build());
        pool.setSpec(spec);
        return client().resource(pool).create();
    }

    /** Creates a VirtualIP. */
    public VirtualIP virtualIP(String namespace, String name, Consumer<VirtualIPSpec> spec) {
        VirtualIP vip = new VirtualIP();
        vip.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        VirtualIPSpec s = new VirtualIPSpec();
        spec.accept(s);
        vip.setSpec(s);
        return client().resource(vip).create();
    }

    /** The VirtualIP now, or null. */
    public VirtualIP getVirtualIP(String namespace, String name) {
        return client().resources(VirtualIP.class).inNamespace(namespace).withName(name).get();
    }

    /** The node object now, or null. */
    public VirtualIPNode getNode(String node) {
        return client().resources(VirtualIPNode.class).withName(node).get();
    }

    /** The instance of {@code namespace/name} in a node object's spec, if any. */
    public Optional<NodeInstanceSpec> instanceOn(String node, String namespace, String name) {
        VirtualIPNode object = getNode(node);
        if (object == null || object.getSpec() == null || object.getSpec().getInstances() == null) {
            return Optional.empty();
        }
        return object.getSpec().getInstances().stream()
                .filter(i -> namespace.equals(i.getVirtualIPNamespace()) && name.equals(i.getVirtualIPName()))
                .findFirst();
    }

    /**
     * Reports one instance's state as the node's agent does: a merge patch of its own key in the status subresource of
     * its own VirtualIPNode.
     */
    public void report(String node, String instance, InstanceState state, int priority) {
        String patch = "{\"status\":{\"instances\":{\"" + instance + "\":{\"state\":\"" + state + "\",\"priority\":"
                + priority + ",\"since\":\"2026-11-25T12:00:00Z\",\"transitions\":1}}}}";
        client().resources(VirtualIPNode.class).withName(node).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    /** Events about the object {@code name} in {@code namespace} (cluster-scoped objects: the default namespace). */
    public List<Event> events(String namespace, String name) {
        String ns = namespace == null ? EventRecorder.CLUSTER_SCOPED_EVENT_NAMESPACE : namespace;
        return client().v1().events().inNamespace(ns).list().getItems().stream()
                .filter(e -> e.getInvolvedObject() != null && name.equals(e.getInvolvedObject().getName()))
                .toList();
    }

    /** Waits until the assertion holds (Awaitility, {@link #CONVERGE} at most; an object not there yet is retried). */
    public static void eventually(Runnable assertion) {
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(50)).ignoreExceptions().untilAsserted(assertion::run);
    }

    @Override
    public void close() {
        operator.close();
        cluster.close();
    }
}
