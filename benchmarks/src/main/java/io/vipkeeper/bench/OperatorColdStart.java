package io.vipkeeper.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.vipkeeper.api.VipKeeper;
import io.vipkeeper.api.v1alpha1.AdvertisementMode;
import io.vipkeeper.api.v1alpha1.InterfaceSelector;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPNode;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPPoolSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPSpec;
import io.vipkeeper.api.v1alpha1.VridRange;
import io.vipkeeper.operator.OperatorSettings;
import io.vipkeeper.operator.VipKeeperOperator;
import io.vipkeeper.operator.reconcile.WriteCounters;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;

/**
 * The operator from a cold start to every node object rendered: {@value #VIRTUAL_IPS} VirtualIPs over {@value #NODES}
 * nodes (5 pools of 200, every node eligible for every VirtualIP, so each VirtualIPNode ends with 1,000 instances),
 * all in the embedded API server before the operator starts. Prints the time, the writes and the memory; asserts
 * nothing.
 *
 * <p>Run: {@code ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests} then
 * {@code java -cp benchmarks/target/benchmarks.jar io.vipkeeper.bench.OperatorColdStart}. The API server runs in the
 * same JVM, so the RSS printed is the operator's plus the mock server's (which holds every object as JSON); the heap
 * figure after a GC is the better bound for the operator alone.
 */
public final class OperatorColdStart {

    static final int NODES = 50;
    static final int VIRTUAL_IPS = 1_000;
    static final int POOLS = 5;

    private OperatorColdStart() {
    }

    /** Runs the scenario once and prints the figures. */
    public static void main(String[] args) throws Exception {
        java.util.logging.Logger mockLog = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
        mockLog.setLevel(java.util.logging.Level.WARNING);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        server.init();
        try (KubernetesClient client = server.createClient(); KubernetesClient operatorClient = server.createClient()) {
            for (String plural : List.of("virtualippools", "virtualips", "virtualipnodes")) {
                try (InputStream in = OperatorColdStart.class.getClassLoader()
                        .getResourceAsStream("META-INF/fabric8/" + plural + "." + VipKeeper.GROUP + "-v1.yml")) {
                    client.apiextensions().v1().customResourceDefinitions()
                            .resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class))
                            .create();
                }
            }
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata()
                    .build()).create();
            for (int n = 0; n < NODES; n++) {
                client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-" + n).endMetadata()
                        .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition()
                        .addNewAddress().withType("InternalIP").withAddress("10.199." + (n / 200) + "." + (n % 200 + 1))
                        .endAddress().endStatus().build()).create();
            }
            for (int p = 0; p < POOLS; p++) {
                client.resource(pool("pool-" + p, "10.200." + p + ".0/24")).create();
            }
            for (int i = 0; i < VIRTUAL_IPS; i++) {
                VirtualIP vip = new VirtualIP();
                vip.setMetadata(new ObjectMetaBuilder().withNamespace("bench").withName("vip-" + i).build());
                VirtualIPSpec spec = new VirtualIPSpec();
                spec.setPool("pool-" + (i % POOLS));
                vip.setSpec(spec);
                client.resource(vip).create();
            }
            System.out.printf("cluster ready: %d nodes, %d pools, %d VirtualIPs%n", NODES, POOLS, VIRTUAL_IPS);

            long start = System.nanoTime();
            VipKeeperOperator operator = VipKeeperOperator.create(operatorClient,
                    OperatorSettings.defaults("default", "bench").withLeaderElection(false), Clock.systemUTC());
            operator.start();
            long rendered = 0;
            while (rendered < NODES) {
                Thread.sleep(100);
                rendered = client.resources(VirtualIPNode.class).list().getItems().stream()
                        .filter(node -> node.getSpec() != null && node.getSpec().getInstances() != null
                                && node.getSpec().getInstances().size() == VIRTUAL_IPS)
                        .count();
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("not rendered after 10 minutes: " + rendered + " nodes");
                }
            }
            long renderedNanos = System.nanoTime() - start;
            long statuses = 0;
            while (statuses < VIRTUAL_IPS && System.nanoTime() - start < 600_000_000_000L) {
                statuses = client.resources(VirtualIP.class).inNamespace("bench").list().getItems().stream()
                        .filter(v -> v.getStatus() != null && v.getStatus().getVirtualRouterId() != null).count();
                if (statuses < VIRTUAL_IPS) {
                    Thread.sleep(100);
                }
            }
            long statusNanos = System.nanoTime() - start;
            WriteCounters writes = operator.writes();
            System.out.printf("all %d node objects rendered with %d instances each: %.2f s after operator start%n",
                    NODES, VIRTUAL_IPS, renderedNanos / 1e9);
            System.out.printf("all %d VirtualIP statuses with their allocation: %.2f s%n", statuses, statusNanos / 1e9);
            System.out.printf("writes: node creates %d, node updates %d, VirtualIP statuses %d, pool statuses %d, events %d%n",
                    writes.get(WriteCounters.Kind.NODE_CREATE), writes.get(WriteCounters.Kind.NODE_UPDATE),
                    writes.get(WriteCounters.Kind.VIRTUAL_IP_STATUS), writes.get(WriteCounters.Kind.POOL_STATUS),
                    writes.get(WriteCounters.Kind.EVENT));
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf("heap used after GC: %.1f MiB (committed %.1f MiB)%n", heap.getUsed() / 1048576.0,
                    heap.getCommitted() / 1048576.0);
            System.out.println("process (operator + embedded API server): " + rss());
            operator.close();
        } finally {
            server.destroy();
        }
        System.exit(0);
    }

    private static VirtualIPPool pool(String name, String cidr) {
        VirtualIPPool pool = new VirtualIPPool();
        pool.setMetadata(new ObjectMetaBuilder().withName(name).build());
        VirtualIPPoolSpec spec = new VirtualIPPoolSpec();
        spec.setAddresses(List.of(cidr));
        spec.setMode(AdvertisementMode.Multicast);
        InterfaceSelector selector = new InterfaceSelector();
        selector.setName("eth0");
        spec.setNetworkInterface(selector);
        VridRange range = new VridRange();
        range.setMin(1);
        range.setMax(255);
        spec.setVirtualRouterIds(range);
        spec.setVersion(3);
        spec.setAdvertisementInterval("1s");
        spec.setDefaultPriority(100);
        pool.setSpec(spec);
        return pool;
    }

    private static String rss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ")).reduce((a, b) -> a + ", " + b).orElse("unknown");
    }
}
