package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a manifest against the generated CRD of its kind, without a cluster: the structural part
 * (types, patterns, minimum/maximum, sizes, enums, required) with networknt's JSON-schema validator, the
 * {@code x-kubernetes-validations} with {@link CelRuleEvaluator}.
 */
final class ManifestValidator {

    /** One reason a manifest is invalid. {@code what} is the schema keyword, or "cel: " + the rule's message. */
    record Failure(String path, String what, String detail) {
        @Override
        public String toString() {
            return path + " " + what + " (" + detail + ")";
        }
    }

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final CelRuleEvaluator cel = new CelRuleEvaluator();

    List<Failure> validate(JsonNode manifest) {
        String kind = manifest.path("kind").asText();
        JsonNode openApi = CrdFiles.schemaOf(kind);
        JsonSchema schema = schemas.computeIfAbsent(kind, k ->
                factory.getSchema(openApi, SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build()));
        List<Failure> failures = new ArrayList<>();
        for (ValidationMessage m : schema.validate(manifest)) {
            failures.add(new Failure(m.getInstanceLocation().toString(), m.getType(), m.getMessage()));
        }
        for (CelRuleEvaluator.Violation v : cel.violations(openApi, manifest)) {
            failures.add(new Failure(v.path(), "cel: " + v.message(), v.rule()));
        }
        failures.sort(Comparator.comparing(Failure::path).thenComparing(Failure::what));
        return failures;
    }
}
