package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Good manifests (and the examples) pass the generated schema and its CEL rules; each bad manifest fails for
 * exactly the reason its header names:
 *
 * <pre>
 * # expect: schema $.spec.virtualRouterId minimum      (networknt keyword at an instance path)
 * # expect: cel $.spec.interface interface: set exactly (CEL rule message prefix at an instance path)
 * </pre>
 */
class SchemaValidationTest {

    private static final Path MANIFESTS = Path.of("src/test/resources/manifests");
    private static final ManifestValidator VALIDATOR = new ManifestValidator();

    static Stream<Path> goodManifests() throws IOException {
        Stream<Path> good = list(MANIFESTS.resolve("good"));
        Stream<Path> examples = list(CrdFiles.examplesDir());
        return Stream.concat(good, examples);
    }

    static Stream<Path> badManifests() throws IOException {
        return list(MANIFESTS.resolve("bad"));
    }

    private static Stream<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodManifests")
    void goodManifestPasses(Path file) {
        assertThat(VALIDATOR.validate(CrdFiles.readYaml(file))).as(file.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badManifests")
    void badManifestFailsForItsOwnReason(Path file) {
        Expectation expected = Expectation.of(file);
        List<ManifestValidator.Failure> failures = VALIDATOR.validate(CrdFiles.readYaml(file));
        assertThat(failures).as("%s should fail only with %s", file, expected).hasSize(1);
        ManifestValidator.Failure failure = failures.getFirst();
        assertThat(failure.path()).as(file.toString()).isEqualTo(expected.path());
        if (expected.cel()) {
            assertThat(failure.what()).as(file.toString()).startsWith("cel: " + expected.what());
        } else {
            assertThat(failure.what()).as(file.toString()).isEqualTo(expected.what());
        }
    }

    @Test
    void thereAreEnoughBadManifests() throws IOException {
        assertThat(badManifests().count()).isGreaterThanOrEqualTo(15);
    }

    /** Every CEL rule of the CRDs compiles as standard CEL and is broken by at least one bad manifest. */
    @Test
    void everyCelRuleIsExercisedByABadManifest() throws IOException {
        CelRuleEvaluator cel = new CelRuleEvaluator();
        Set<String> rules = new HashSet<>();
        for (String kind : List.of("VirtualIP", "VirtualIPPool", "VirtualIPNode")) {
            JsonNode schema = CrdFiles.schemaOf(kind);
            CelRuleEvaluator.allRules(schema).keySet().forEach(rule -> {
                cel.program(rule);
                rules.add(rule);
            });
        }
        Set<String> broken = new HashSet<>();
        badManifests().forEach(f -> VALIDATOR.validate(CrdFiles.readYaml(f)).forEach(x -> broken.add(x.detail())));
        assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
        assertThat(broken).containsAll(rules);
    }

    /** What a bad manifest's header says it must fail with. */
    record Expectation(boolean cel, String path, String what) {
        static Expectation of(Path file) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("# expect: ")) {
                        String[] parts = line.substring("# expect: ".length()).split(" ", 3);
                        return new Expectation(parts[0].equals("cel"), parts[1], parts[2].trim());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException(file + " has no '# expect: schema|cel PATH WHAT' line");
        }
    }
}
