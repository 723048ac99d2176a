package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the tests find the generated CRDs, the committed CRDs and the examples, and how they read YAML. */
final class CrdFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** File names of the CRDs, as the crd-generator names them. */
    static final List<String> CRD_FILES = List.of("virtualips.vipkeeper.io-v1.yml", "virtualippools.vipkeeper.io-v1.yml",
            "virtualipnodes.vipkeeper.io-v1.yml");

    /** The command that copies freshly generated CRDs over the committed ones. */
    static final String REGENERATE = "./mvnw -B -q -pl crds -am verify -Dvipkeeper.crds.update=true";

    private CrdFiles() {
    }

    static Path generatedDir() {
        return Path.of(System.getProperty("vipkeeper.crds.generated", "target/classes/META-INF/fabric8"));
    }

    static Path committedDir() {
        return Path.of(System.getProperty("vipkeeper.crds.committed", "."));
    }

    static Path examplesDir() {
        return Path.of(System.getProperty("vipkeeper.examples", "../examples"));
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The openAPIV3Schema of the generated CRD for a kind. */
    static JsonNode schemaOf(String kind) {
        for (String name : CRD_FILES) {
            JsonNode crd = readYaml(generatedDir().resolve(name));
            if (crd.at("/spec/names/kind").asText().equals(kind)) {
                return crd.at("/spec/versions/0/schema/openAPIV3Schema");
            }
        }
        throw new IllegalArgumentException("no generated CRD for kind " + kind);
    }
}
