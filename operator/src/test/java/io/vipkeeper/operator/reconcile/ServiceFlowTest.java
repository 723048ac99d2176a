package io.vipkeeper.operator.reconcile;

import static io.vipkeeper.operator.testing.OperatorHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.vipkeeper.api.VipKeeper;
import io.vipkeeper.api.v1alpha1.InstanceState;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.operator.testing.OperatorHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Services of type LoadBalancer served by vipkeeper: VirtualIP, ingress, externalTrafficPolicy Local, removal. */
class ServiceFlowTest {

    private OperatorHarness k8s;

    @BeforeEach
    void start() {
        k8s = OperatorHarness.start();
        k8s.namespace("shop", Map.of());
        for (int i = 1; i <= 3; i++) {
            k8s.node("n" + i, "10.199.0." + i, Map.of());
        }
        k8s.pool("lan", OperatorHarness.poolSpec("192.168.130.0/28"));
    }

    @AfterEach
    void stop() {
        k8s.close();
    }

    private Service service(String name, Map<String, String> annotations, String loadBalancerClass, String policy) {
        Service service = new ServiceBuilder()
                .withNewMetadata().withNamespace("shop").withName(name).withAnnotations(annotations).endMetadata()
                .withNewSpec().withType("LoadBalancer").withLoadBalancerClass(loadBalancerClass)
                .withExternalTrafficPolicy(policy)
                .withSelector(Map.of("app", name))
                .addNewPort().withPort(80).endPort()
                .endSpec()
                .build();
        return k8s.client().resource(service).create();
    }

    private Service getService(String name) {
        return k8s.client().services().inNamespace("shop").withName(name).get();
    }

    private List<String> ingress(String name) {
        Service service = getService(name);
        if (service.getStatus() == null || service.getStatus().getLoadBalancer() == null
                || service.getStatus().getLoadBalancer().getIngress() == null) {
            return List.of();
        }
        return service.getStatus().getLoadBalancer().getIngress().stream().map(LoadBalancerIngress::getIp).toList();
    }

    /** Makes {@code node} MASTER of the Service's VirtualIP, as its agent would report it. */
    private void masterOn(String node, String vipName) {
        eventually(() -> assertThat(k8s.instanceOn(node, "shop", vipName)).isPresent());
        k8s.report(node, k8s.instanceOn(node, "shop", vipName).orElseThrow().getName(), InstanceState.MASTER, 100);
    }

    @Test
    void thePoolAnnotationGetsAnOwnedVirtualIPAndTheIngressOnceANodeIsMaster() {
        Service svc = service("web", Map.of(VipKeeper.ANNOTATION_POOL, "lan",
                VipKeeper.ANNOTATION_ADDRESSES, "192.168.130.7"), null, "Cluster");

        eventually(() -> {
            VirtualIP vip = k8s.getVirtualIP("shop", "web");
            assertThat(vip).isNotNull();
            assertThat(vip.getSpec().getPool()).isEqualTo("lan");
            assertThat(vip.getSpec().getAddresses()).containsExactly("192.168.130.7/32");
            assertThat(vip.getMetadata().getLabels()).containsEntry(VipKeeper.LABEL_SERVICE_NAME, "web")
                    .containsEntry(VipKeeper.LABEL_MANAGED_BY, VipKeeper.MANAGED_BY);
            assertThat(vip.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
                assertThat(o.getKind()).isEqualTo("Service");
                assertThat(o.getUid()).isEqualTo(svc.getMetadata().getUid());
                assertThat(o.getController()).isTrue();
            });
        });
        assertThat(ingress("web")).as("no MASTER yet: no ingress").isEmpty();

        masterOn("n2", "web");

        eventually(() -> assertThat(ingress("web")).containsExactly("192.168.130.7"));
    }

    @Test
    void theLoadBalancerClassAloneTakesAnAddressFromAnAllowingPool() {
        service("api", Map.of(), VipKeeper.LOAD_BALANCER_CLASS, "Cluster");

        eventually(() -> assertThat(k8s.getVirtualIP("shop", "api")).isNotNull());
        assertThat(k8s.getVirtualIP("shop", "api").getSpec().getPool()).isEqualTo("lan");
        masterOn("n1", "api");
        eventually(() -> {
            VirtualIP vip = k8s.getVirtualIP("shop", "api");
            assertThat(vip.getStatus().getAddresses()).hasSize(1);
            String address = vip.getStatus().getAddresses().getFirst();
            assertThat(ingress("api")).containsExactly(address.substring(0, address.indexOf('/')));
        });
    }

    @Test
    void aServiceOfAnotherClassOrTypeIsLeftAlone() {
        service("other", Map.of(VipKeeper.ANNOTATION_POOL, "lan"), "example.com/other-lb", "Cluster");
        Service clusterIp = new ServiceBuilder()
                .withNewMetadata().withNamespace("shop").withName("internal")
                .withAnnotations(Map.of(VipKeeper.ANNOTATION_POOL, "lan")).endMetadata()
                .withNewSpec().withType("ClusterIP").addNewPort().withPort(80).endPort().endSpec().build();
        k8s.client().resource(clusterIp).create();
        service("ours", Map.of(VipKeeper.ANNOTATION_POOL, "lan"), null, "Cluster");

        // Once the operator has handled a later Service, it has seen the two before it too.
        eventually(() -> assertThat(k8s.getVirtualIP("shop", "ours")).isNotNull());
        assertThat(k8s.getVirtualIP("shop", "other")).isNull();
        assertThat(k8s.getVirtualIP("shop", "internal")).isNull();
    }

    @Test
    void removingTheAnnotationRemovesTheVirtualIPAndTheIngress() {
        service("web", Map.of(VipKeeper.ANNOTATION_POOL, "lan"), null, "Cluster");
        masterOn("n1", "web");
        eventually(() -> assertThat(ingress("web")).hasSize(1));

        k8s.client().services().inNamespace("shop").withName("web").edit(s -> {
            s.getMetadata().getAnnotations().remove(VipKeeper.ANNOTATION_POOL);
            return s;
        });

        eventually(() -> {
            assertThat(k8s.getVirtualIP("shop", "web")).isNull();
            assertThat(ingress("web")).isEmpty();
            assertThat(k8s.instanceOn("n1", "shop", "web")).isEmpty();
        });
    }

    @Test
    void deletingTheServiceDeletesItsVirtualIPAndReleasesTheNodes() {
        service("web", Map.of(VipKeeper.ANNOTATION_POOL, "lan"), null, "Cluster");
        eventually(() -> assertThat(k8s.instanceOn("n1", "shop", "web")).isPresent());

        k8s.client().services().inNamespace("shop").withName("web").delete();

        eventually(() -> {
            assertThat(k8s.getVirtualIP("shop", "web")).isNull();
            for (String node : List.of("n1", "n2", "n3")) {
                assertThat(k8s.instanceOn(node, "shop", "web")).as(node).isEmpty();
            }
        });
    }

    @Test
    void externalTrafficPolicyLocalKeepsTheAddressOnNodesWithAReadyEndpoint() {
        service("web", Map.of(VipKeeper.ANNOTATION_POOL, "lan"), null, "Local");
        eventually(() -> assertThat(k8s.getVirtualIP("shop", "web")).isNotNull());
        eventually(() -> assertThat(k8s.getVirtualIP("shop", "web").getStatus()).isNotNull());
        // No endpoint yet: no node is eligible.
        assertThat(k8s.instanceOn("n1", "shop", "web")).isEmpty();

        k8s.client().resource(slice("web-a", "web", Map.of("n1", true, "n2", false))).create();
        eventually(() -> {
            assertThat(k8s.instanceOn("n1", "shop", "web")).isPresent();
            assertThat(k8s.instanceOn("n2", "shop", "web")).isEmpty();
            assertThat(k8s.instanceOn("n3", "shop", "web")).isEmpty();
        });

        // The endpoint on n2 becomes ready, the one on n1 goes away: the address follows.
        k8s.client().resource(slice("web-a", "web", Map.of("n2", true))).update();
        eventually(() -> {
            assertThat(k8s.instanceOn("n1", "shop", "web")).isEmpty();
            assertThat(k8s.instanceOn("n2", "shop", "web")).isPresent();
        });
    }

    private static EndpointSlice slice(String name, String service, Map<String, Boolean> readyByNode) {
        EndpointSliceBuilder builder = new EndpointSliceBuilder()
                .withNewMetadata().withNamespace("shop").withName(name)
                .addToLabels("kubernetes.io/service-name", service).endMetadata()
                .withAddressType("IPv4");
        int host = 10;
        for (var entry : readyByNode.entrySet()) {
            builder.addNewEndpoint().withAddresses("10.244.0." + host++).withNodeName(entry.getKey())
                    .withNewConditions().withReady(entry.getValue()).endConditions().endEndpoint();
        }
        return builder.build();
    }
}
