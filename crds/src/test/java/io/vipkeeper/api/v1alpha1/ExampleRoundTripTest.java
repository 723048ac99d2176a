package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example and every good manifest deserializes into the Java types and serializes back to the same JSON tree
 * (no field lost, renamed or added), and the keepalived example carries the values of its keepalived configuration.
 */
class ExampleRoundTripTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Stream<Path> manifests() throws IOException {
        return Stream.concat(SchemaValidationTest.goodManifests(), Stream.empty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void roundTripKeepsEveryField(Path file) throws IOException {
        JsonNode original = CrdFiles.readYaml(file);
        Class<? extends HasMetadata> type = switch (original.path("kind").asText()) {
            case "VirtualIP" -> VirtualIP.class;
            case "VirtualIPPool" -> VirtualIPPool.class;
            case "VirtualIPNode" -> VirtualIPNode.class;
            default -> throw new IllegalArgumentException("unexpected kind in " + file);
        };
        HasMetadata object = SERIALIZATION.unmarshal(Files.readString(file), type);
        assertThat(object).isInstanceOf(type);
        JsonNode back = CrdFiles.YAML.readTree(SERIALIZATION.asJson(object));
        assertThat(back).as(file.toString()).isEqualTo(original);
    }

    @Test
    void keepalivedExampleCarriesItsValues() throws IOException {
        VirtualIP vip = SERIALIZATION.unmarshal(
                Files.readString(CrdFiles.examplesDir().resolve("virtualip-myvrrpinstance.yaml")), VirtualIP.class);
        VirtualIPSpec spec = vip.getSpec();
        assertThat(spec.getVirtualRouterId()).isEqualTo(5);
        assertThat(spec.getAddresses()).containsExactly("192.168.1.1/32");
        assertThat(spec.getPreferredNodes()).singleElement()
                .satisfies(n -> assertThat(n.getPriority()).isEqualTo(200));
        assertThat(spec.getChecks()).singleElement().satisfies(c -> {
            assertThat(c.getName()).isEqualTo("chk_myscript");
            assertThat(c.getExec().getCommand()).containsExactly("mycheckscript.sh");
            assertThat(c.getFall()).isEqualTo(2);
            assertThat(c.getRise()).isEqualTo(2);
        });
        assertThat(spec.getNotify().getExec().getCommand()).containsExactly("keepalivednotify.sh");

        VirtualIPPool pool = SERIALIZATION.unmarshal(
                Files.readString(CrdFiles.examplesDir().resolve("pool-office-lan.yaml")), VirtualIPPool.class);
        assertThat(pool.getMetadata().getName()).isEqualTo(spec.getPool());
        assertThat(pool.getSpec().getNetworkInterface().getName()).isEqualTo("eth0");
        assertThat(pool.getSpec().getScriptDirectory()).isEqualTo("/usr/local/bin");
        assertThat(pool.getSpec().getAllowedNamespaces()).contains(vip.getMetadata().getNamespace());
    }

    @Test
    void virtualIpNodeExampleCarriesItsValues() throws IOException {
        VirtualIPNode node = SERIALIZATION.unmarshal(Files.readString(
                Path.of("src/test/resources/manifests/good/virtualipnode-two-instances.yaml")), VirtualIPNode.class);
        assertThat(node.getMetadata().getName()).isEqualTo("n1");
        List<NodeInstanceSpec> instances = node.getSpec().getInstances();
        assertThat(instances).extracting(NodeInstanceSpec::getName)
                .containsExactly("office.myvrrpinstance.ipv4", "shop.web.v6.ipv6")
                .allMatch(name -> name.matches(NodeInstanceSpec.NAME_PATTERN));
        NodeInstanceSpec v4 = instances.getFirst();
        assertThat(v4.getVirtualRouterId()).isEqualTo(5);
        assertThat(v4.getPriority()).isEqualTo(200);
        assertThat(v4.getMode()).isEqualTo(AdvertisementMode.Unicast);
        assertThat(v4.getUnicastPeers()).containsExactly("192.168.1.12", "192.168.1.13");
        assertThat(v4.getUnicastSource()).isEqualTo("192.168.1.11");
        assertThat(v4.getChecks()).singleElement()
                .satisfies(c -> assertThat(c.getExec().getCommand()).containsExactly("mycheckscript.sh"));
        assertThat(instances.get(1).getInterfaceCidr()).isEqualTo("fd00:199::/64");
        assertThat(instances.get(1).getUnicastPeers()).isNull();
        VirtualIPNodeStatus status = node.getStatus();
        assertThat(status.getMasterCount()).isEqualTo(1);
        assertThat(status.getInstances().get("office.myvrrpinstance.ipv4").getState()).isEqualTo(InstanceState.MASTER);
        assertThat(status.getInstances().get("office.myvrrpinstance.ipv4").getCounters())
                .containsEntry("advertisementsSent", 120L);
        assertThat(status.getInstances().get("shop.web.v6.ipv6").getMessage()).contains("connection refused");
        // built in Java, serialized and read back: equal
        VirtualIPNode back = SERIALIZATION.unmarshal(SERIALIZATION.asJson(node), VirtualIPNode.class);
        assertThat(back.getSpec()).isEqualTo(node.getSpec());
        assertThat(back.getStatus()).isEqualTo(node.getStatus());
    }

    @Test
    void statusRoundTrips() {
        VirtualIPStatus status = new VirtualIPStatus();
        status.setObservedGeneration(3L);
        status.setVirtualRouterId(5);
        status.setAddresses(List.of("192.168.1.1/32"));
        status.setMaster("n1");
        status.setPhase(VirtualIPPhase.SplitBrain);
        NodeInstanceStatus n1 = new NodeInstanceStatus();
        n1.setState(InstanceState.MASTER);
        n1.setPriority(200);
        n1.setSince("2026-11-25T18:00:00Z");
        n1.setTransitions(3L);
        status.setNodes(java.util.Map.of("n1", n1));
        status.setConditions(List.of(new io.fabric8.kubernetes.api.model.ConditionBuilder()
                .withType("Ready").withStatus("False").withReason("SplitBrain").withObservedGeneration(3L)
                .withLastTransitionTime("2026-11-25T18:00:00Z").build()));
        String json = SERIALIZATION.asJson(status);
        VirtualIPStatus back = SERIALIZATION.unmarshal(json, VirtualIPStatus.class);
        assertThat(SERIALIZATION.asJson(back)).isEqualTo(json);
        assertThat(json).contains("\"state\":\"MASTER\"", "\"phase\":\"SplitBrain\"");
    }
}
