package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import io.vipkeeper.api.VipKeeper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated CRDs have the names, scope, subresources and printer columns the design asks for. */
class CrdShapeTest {

    private static JsonNode crd(String file) {
        return CrdFiles.readYaml(CrdFiles.generatedDir().resolve(file));
    }

    private static List<String> columns(JsonNode crd) {
        List<String> names = new ArrayList<>();
        crd.at("/spec/versions/0/additionalPrinterColumns").forEach(c -> names.add(c.get("name").asText().toUpperCase()));
        return names;
    }

    @Test
    void virtualIp() {
        JsonNode crd = crd("virtualips.vipkeeper.io-v1.yml");
        assertThat(crd.at("/metadata/name").asText()).isEqualTo(VipKeeper.CRD_VIRTUAL_IPS);
        assertThat(crd.at("/spec/group").asText()).isEqualTo(VipKeeper.GROUP);
        assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
        assertThat(crd.at("/spec/names/shortNames/0").asText()).isEqualTo("vip");
        assertThat(crd.at("/spec/names/categories/0").asText()).isEqualTo("vipkeeper");
        assertThat(crd.at("/spec/versions/0/name").asText()).isEqualTo(VipKeeper.VERSION);
        assertThat(crd.at("/spec/versions/0/subresources/status").isObject()).isTrue();
        assertThat(columns(crd)).containsExactly("ADDRESSES", "VRID", "MASTER", "PHASE", "AGE");
        assertThat(crd.at("/spec/versions/0/additionalPrinterColumns/4/jsonPath").asText())
                .isEqualTo(".metadata.creationTimestamp");
    }

    @Test
    void virtualIpPool() {
        JsonNode crd = crd("virtualippools.vipkeeper.io-v1.yml");
        assertThat(crd.at("/metadata/name").asText()).isEqualTo(VipKeeper.CRD_VIRTUAL_IP_POOLS);
        assertThat(crd.at("/spec/scope").asText()).isEqualTo("Cluster");
        assertThat(crd.at("/spec/names/shortNames/0").asText()).isEqualTo("vippool");
        assertThat(crd.at("/spec/names/categories/0").asText()).isEqualTo("vipkeeper");
        assertThat(crd.at("/spec/versions/0/subresources/status").isObject()).isTrue();
        assertThat(columns(crd)).containsExactly("ADDRESSES", "INTERFACE", "IN-USE", "AGE");
    }

    @Test
    void virtualIpNode() {
        JsonNode crd = crd("virtualipnodes.vipkeeper.io-v1.yml");
        assertThat(crd.at("/metadata/name").asText()).isEqualTo(VipKeeper.CRD_VIRTUAL_IP_NODES);
        assertThat(crd.at("/spec/group").asText()).isEqualTo(VipKeeper.GROUP);
        assertThat(crd.at("/spec/names/kind").asText()).isEqualTo(VipKeeper.KIND_VIRTUAL_IP_NODE);
        assertThat(crd.at("/spec/scope").asText()).isEqualTo("Cluster");
        assertThat(crd.at("/spec/names/shortNames/0").asText()).isEqualTo("vipnode");
        assertThat(crd.at("/spec/names/categories/0").asText()).isEqualTo("vipkeeper");
        assertThat(crd.at("/spec/versions/0/name").asText()).isEqualTo(VipKeeper.VERSION);
        assertThat(crd.at("/spec/versions/0/subresources/status").isObject()).isTrue();
        assertThat(columns(crd)).containsExactly("INSTANCES", "MASTERS", "AGE");
        JsonNode schema = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties");
        // the agent's status map is keyed by instance name and holds the same per-node state as VirtualIP.status.nodes
        assertThat(schema.at("/status/properties/instances/additionalProperties/properties/state/enum"))
                .isEqualTo(CrdFiles.schemaOf("VirtualIP").at("/properties/status/properties/nodes/additionalProperties"
                        + "/properties/state/enum"));
        JsonNode instance = schema.at("/spec/properties/instances/items");
        List<String> required = new ArrayList<>();
        instance.path("required").forEach(r -> required.add(r.asText()));
        assertThat(required).contains("name", "virtualIPNamespace", "virtualIPName", "virtualRouterId", "version",
                "advertisementInterval", "priority", "preempt", "addresses");
        assertThat(instance.at("/properties/priority/maximum").asInt()).isEqualTo(254);
        assertThat(instance.at("/properties/unicastPeers/items/pattern").asText()).isEqualTo(Formats.IP_ADDRESS);
    }

    /** Every field of our own types carries its description into the schema (kubectl explain shows it). */
    @Test
    void everyOwnFieldHasADescription() {
        for (String file : CrdFiles.CRD_FILES) {
            JsonNode schema = crd(file).at("/spec/versions/0/schema/openAPIV3Schema");
            List<String> missing = new ArrayList<>();
            for (String part : List.of("spec", "status")) {
                missingDescriptions(schema.at("/properties/" + part), part, missing);
            }
            assertThat(missing).as(file).isEmpty();
        }
    }

    /** Fabric8's own model types (conditions, label selector) are documented upstream, not here. */
    private static final Set<String> FOREIGN = Set.of("conditions", "nodeSelector");

    private static void missingDescriptions(JsonNode schema, String path, List<String> missing) {
        schema.path("properties").properties().forEach(e -> {
            String child = path + "." + e.getKey();
            if (!e.getValue().hasNonNull("description")) {
                missing.add(child);
            }
            if (!FOREIGN.contains(e.getKey())) {
                missingDescriptions(e.getValue(), child, missing);
                missingDescriptions(e.getValue().path("items"), child + "[]", missing);
                missingDescriptions(e.getValue().path("additionalProperties"), child + "{}", missing);
            }
        });
    }
}
