package io.vipkeeper.agent.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and validates the node agent's standalone configuration file (format and rules: the package
 * documentation). Every problem of a file is reported at once in a {@link ConfigException}; a returned
 * {@link AgentConfig} satisfies every rule. Thread-safe.
 */
public final class AgentConfigLoader {

    /** YAML's empty plain scalar ({@code notify:} with nothing after it) is null, so it counts as absent. */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
    private static final ObjectMapper TREE_READER = new ObjectMapper(FACTORY);
    private static final SpecBinder BINDER = new SpecBinder(FACTORY);

    private AgentConfigLoader() {
    }

    /** Reads {@code file} (UTF-8) and parses it; nothing else on the host is touched. */
    public static AgentConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(List.of(new ConfigProblem(file.toString(), 0, 0, "",
                    "cannot read the file: " + e.getMessage())));
        }
        return parse(text, file.toString());
    }

    /** Parses and validates YAML text; {@code sourceName} names it in problems. Pure. */
    public static AgentConfig parse(String yaml, String sourceName) throws ConfigException {
        Problems problems = new Problems(sourceName);
        // First pass: where everything is written, and what a tree would hide (duplicate keys, syntax errors).
        YamlLocations locations = YamlLocations.scan(FACTORY, yaml, problems);
        problems.useLocations(locations);
        problems.throwIfAnySyntaxError();
        JsonNode root;
        try {
            root = TREE_READER.readTree(yaml);
        } catch (JsonProcessingException | RuntimeException e) {
            // The first pass read the same text without a syntax error; this is not expected.
            problems.at("", "cannot read the YAML text: " + e.getMessage());
            problems.throwIfAny();
            return null;
        }
        // Second pass: the rules, on the tree, located through the first pass.
        AgentConfig config = new ConfigReader(problems, BINDER).read(root, sourceName);
        problems.throwIfAny();
        return config;
    }
}
