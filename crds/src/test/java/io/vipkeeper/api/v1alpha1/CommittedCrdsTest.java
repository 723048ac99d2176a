package io.vipkeeper.api.v1alpha1;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRD YAML committed under crds/ is exactly what the crd-generator makes from the classes. */
class CommittedCrdsTest {

    static final List<String> CRD_FILES = CrdFiles.CRD_FILES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("CRD_FILES")
    void committedCrdMatchesGenerated(String name) throws IOException {
        Path generated = CrdFiles.generatedDir().resolve(name);
        Path committed = CrdFiles.committedDir().resolve(name);
        assertThat(generated).as("the crd-generator wrote %s", generated).exists();
        assertThat(committed)
                .as("crds/%s is missing; regenerate it with: %s", name, CrdFiles.REGENERATE)
                .exists();
        assertThat(Files.readString(committed))
                .as("crds/%s differs from what the classes generate (%s); regenerate it with: %s",
                        name, generated, CrdFiles.REGENERATE)
                .isEqualTo(Files.readString(generated));
    }
}
