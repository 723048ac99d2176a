package io.vipkeeper.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.vipkeeper.agent.config.AgentConfig;
import io.vipkeeper.agent.config.InstanceSettings;
import io.vipkeeper.agent.config.VipAddress;
import io.vipkeeper.agent.runtime.AgentSnapshot;
import io.vipkeeper.api.v1alpha1.InstanceState;
import io.vipkeeper.api.v1alpha1.NodeInstanceSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPNode;
import io.vipkeeper.api.v1alpha1.VirtualIPNodeStatus;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class NodeAgentTest {

    static KubernetesClient client;

    static final NodeInterfaces INTERFACES = new NodeInterfaces(Map.of(
            "eth0", List.of(VipAddress.parse("10.199.0.11/24"))));
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final List<AgentConfig> configs = new CopyOnWriteArrayList<>();
    private NodeAgent agent;

    @BeforeAll
    static void registerCrd() throws Exception {
        try (InputStream crd = NodeAgentTest.class.getResourceAsStream(
                "/META-INF/fabric8/virtualipnodes.vipkeeper.io-v1.yml")) {
            client.apiextensions().v1().customResourceDefinitions().load(crd).create();
        }
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        client.resources(VirtualIPNode.class).delete();
    }

    static VirtualIPNode node(String name, NodeInstanceSpec... instances) {
        VirtualIPNode node = new VirtualIPNode();
        node.setMetadata(new ObjectMetaBuilder().withName(name).build());
        node.setSpec(NodeSpecMapperTest.spec(instances));
        return node;
    }

    NodeAgent startAgent(String nodeName) {
        agent = new NodeAgent(client, nodeName, () -> INTERFACES, configs::add, Clock.systemUTC(), "test-1",
                Duration.ofHours(1));
        agent.start();
        return agent;
    }

    static AgentSnapshot snapshot(String... masters) {
        List<AgentSnapshot.InstanceSnapshot> instances = new java.util.ArrayList<>();
        for (String name : masters) {
            instances.add(new AgentSnapshot.InstanceSnapshot(name, "eth0", "IPV4", 3, 51, "MASTER", 150, 150,
                    List.of(), List.of("10.199.0.100/24"), "10.199.0.11", 150, Instant.parse("2026-01-01T00:00:00Z"),
                    1, 10, 0, 5, 0, Map.of()));
        }
        return new AgentSnapshot(Instant.EPOCH, instances, List.of());
    }

    VirtualIPNodeStatus statusOf(String name) {
        VirtualIPNode node = client.resources(VirtualIPNode.class).withName(name).get();
        return node == null ? null : node.getStatus();
    }

    @Test
    void the_spec_reaches_the_runtime_and_a_change_brings_a_new_config() {
        client.resources(VirtualIPNode.class).resource(node("node-1", NodeSpecMapperTest.instance("default.web.ipv4")))
                .create();
        startAgent("node-1");

        await().atMost(TIMEOUT).until(() -> !configs.isEmpty());
        AgentConfig first = configs.getLast();
        assertThat(first.instances()).extracting(InstanceSettings::name).containsExactly("default.web.ipv4");
        InstanceSettings web = first.instances().getFirst();
        assertThat(web.interfaceName()).isEqualTo("eth0");
        assertThat(web.priority()).isEqualTo(150);
        assertThat(web.addresses()).containsExactly(VipAddress.parse("10.199.0.100/24"));

        NodeInstanceSpec changed = NodeSpecMapperTest.instance("default.web.ipv4");
        changed.setPriority(120);
        NodeInstanceSpec added = NodeSpecMapperTest.instance("default.db.ipv4");
        added.setVirtualRouterId(52);
        added.setAddresses(List.of("10.199.0.101/24"));
        client.resources(VirtualIPNode.class).withName("node-1")
                .edit(n -> node("node-1", added, changed));

        await().atMost(TIMEOUT).until(() -> configs.getLast().instances().size() == 2);
        AgentConfig second = configs.getLast();
        assertThat(second.instance("default.web.ipv4")).get().extracting(InstanceSettings::priority).isEqualTo(120);
        assertThat(second.instance("default.db.ipv4")).get().extracting(InstanceSettings::virtualRouterId)
                .isEqualTo(52);
    }

    @Test
    void a_bad_instance_is_reported_in_the_status_while_the_good_one_is_applied() {
        NodeInstanceSpec bad = NodeSpecMapperTest.instance("default.bad.ipv4");
        bad.setInterfaceName("eth9");
        bad.setVirtualRouterId(60);
        client.resources(VirtualIPNode.class)
                .resource(node("node-1", bad, NodeSpecMapperTest.instance("default.web.ipv4"))).create();
        List<NodeSpecMapper.Result> mappings = new CopyOnWriteArrayList<>();
        agent = new NodeAgent(client, "node-1", () -> INTERFACES, configs::add, Clock.systemUTC(), "test-1",
                Duration.ofHours(1));
        agent.setMappingListener(mappings::add);
        agent.start();

        await().atMost(TIMEOUT).until(() -> !configs.isEmpty());
        assertThat(configs.getLast().instances()).extracting(InstanceSettings::name)
                .containsExactly("default.web.ipv4");
        assertThat(mappings.getLast().config()).isEqualTo(configs.getLast());
        assertThat(mappings.getLast().problemsOf("default.bad.ipv4")).isNotEmpty();
        await().atMost(TIMEOUT).until(() -> statusOf("node-1") != null);
        VirtualIPNodeStatus status = statusOf("node-1");
        assertThat(status.getInstances().get("default.bad.ipv4").getState()).isEqualTo(InstanceState.FAULT);
        assertThat(status.getInstances().get("default.bad.ipv4").getMessage()).contains("eth9");
        assertThat(status.getObservedGeneration()).isNotNull();
    }

    @Test
    void statuses_land_in_the_own_object_only_and_a_shrinking_map_shrinks() {
        client.resources(VirtualIPNode.class).resource(node("node-1", NodeSpecMapperTest.instance("default.a.ipv4")))
                .create();
        client.resources(VirtualIPNode.class).resource(node("node-2", NodeSpecMapperTest.instance("default.a.ipv4")))
                .create();
        String otherVersion = client.resources(VirtualIPNode.class).withName("node-2").get().getMetadata()
                .getResourceVersion();
        startAgent("node-1");
        await().atMost(TIMEOUT).until(() -> !configs.isEmpty());

        agent.publish(snapshot("default.a.ipv4", "default.b.ipv4"));
        await().atMost(TIMEOUT).until(() -> statusOf("node-1") != null && statusOf("node-1").getInstances() != null
                && statusOf("node-1").getInstances().size() == 2);
        VirtualIPNodeStatus two = statusOf("node-1");
        assertThat(two.getMasterCount()).isEqualTo(2);
        assertThat(two.getAgentVersion()).isEqualTo("test-1");
        assertThat(two.getInstances().get("default.a.ipv4").getMasterAddress()).isEqualTo("10.199.0.11");
        assertThat(two.getInstances().get("default.a.ipv4").getCounters()).containsEntry("advertisementsSent", 10L);

        agent.publish(snapshot("default.a.ipv4"));
        await().atMost(TIMEOUT).until(() -> statusOf("node-1").getInstances().size() == 1);
        assertThat(statusOf("node-1").getInstances()).containsOnlyKeys("default.a.ipv4");
        assertThat(statusOf("node-1").getMasterCount()).isEqualTo(1);

        VirtualIPNode other = client.resources(VirtualIPNode.class).withName("node-2").get();
        assertThat(other.getStatus()).isNull();
        assertThat(other.getMetadata().getResourceVersion()).as("node-2 was never written").isEqualTo(otherVersion);
    }

    @Test
    void an_unreachable_api_server_holds_nothing_up() throws Exception {
        // Port 1 on loopback: nothing listens, every request fails at once.
        io.fabric8.kubernetes.client.Config config = new io.fabric8.kubernetes.client.ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:1").withRequestRetryBackoffLimit(0).build();
        try (KubernetesClient unreachable = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(config).build();
                NodeAgent lonely = new NodeAgent(unreachable, "node-1", () -> INTERFACES, configs::add,
                        Clock.systemUTC(), "test-1", Duration.ofHours(1))) {
            lonely.start();
            lonely.publish(snapshot("default.a.ipv4"));
            lonely.publish(snapshot("default.a.ipv4", "default.b.ipv4"));
            assertThat(configs).as("no configuration without the API server").isEmpty();
        }
    }

    @Test
    void an_api_server_that_comes_up_after_the_agent_still_delivers_the_spec() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        io.fabric8.kubernetes.client.Config config = new io.fabric8.kubernetes.client.ConfigBuilder()
                .withMasterUrl("http://127.0.0.1:" + port).withRequestRetryBackoffLimit(0).build();
        io.fabric8.kubernetes.client.server.mock.KubernetesMockServer later =
                new io.fabric8.kubernetes.client.server.mock.KubernetesMockServer(
                        new io.fabric8.mockwebserver.Context(), new io.fabric8.mockwebserver.MockWebServer(),
                        new java.util.HashMap<>(),
                        new io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher(List.of()), false);
        try (KubernetesClient agentClient = new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(config).build();
                NodeAgent early = new NodeAgent(agentClient, "node-1", () -> INTERFACES, configs::add,
                        Clock.systemUTC(), "test-1", Duration.ofHours(1))) {
            early.start();
            await().atMost(TIMEOUT).until(() -> early.watchFailures() > 0);

            later.start(java.net.InetAddress.getLoopbackAddress(), port);
            try (KubernetesClient admin = later.createClient()) {
                try (InputStream crd = NodeAgentTest.class.getResourceAsStream(
                        "/META-INF/fabric8/virtualipnodes.vipkeeper.io-v1.yml")) {
                    admin.apiextensions().v1().customResourceDefinitions().load(crd).create();
                }
                admin.resources(VirtualIPNode.class)
                        .resource(node("node-1", NodeSpecMapperTest.instance("default.late.ipv4"))).create();

                await().atMost(Duration.ofSeconds(60)).until(() -> !configs.isEmpty());
                assertThat(configs.getLast().instances()).extracting(InstanceSettings::name)
                        .containsExactly("default.late.ipv4");
            }
        } finally {
            later.shutdown();
        }
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void an_unchanged_status_is_rewritten_when_the_heartbeat_is_due() {
        client.resources(VirtualIPNode.class).resource(node("node-1", NodeSpecMapperTest.instance("default.a.ipv4")))
                .create();
        MovableClock clock = new MovableClock(Instant.parse("2026-11-25T20:00:00Z"));
        agent = new NodeAgent(client, "node-1", () -> INTERFACES, configs::add, clock, "test-1",
                Duration.ofMillis(200));
        agent.start();
        agent.publish(snapshot("default.a.ipv4"));
        await().atMost(TIMEOUT).until(() -> statusOf("node-1") != null
                && "2026-11-25T20:00:00Z".equals(statusOf("node-1").getHeartbeat()));

        clock.advance(Duration.ofSeconds(1));

        await().atMost(TIMEOUT).until(() -> "2026-11-25T20:00:01Z".equals(statusOf("node-1").getHeartbeat()));
        assertThat(statusOf("node-1").getInstances()).containsOnlyKeys("default.a.ipv4");
    }

    @Test
    void the_agent_only_acts_on_its_own_object() {
        client.resources(VirtualIPNode.class).resource(node("node-2", NodeSpecMapperTest.instance("default.x.ipv4")))
                .create();
        startAgent("node-1");
        client.resources(VirtualIPNode.class).resource(node("node-1", NodeSpecMapperTest.instance("default.y.ipv4")))
                .create();

        await().atMost(TIMEOUT).until(() -> !configs.isEmpty());
        assertThat(configs).allSatisfy(c -> assertThat(c.instances()).extracting(InstanceSettings::name)
                .containsExactly("default.y.ipv4"));
    }
}
