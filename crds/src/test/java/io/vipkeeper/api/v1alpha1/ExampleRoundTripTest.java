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
