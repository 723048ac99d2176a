package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the {@code x-kubernetes-validations} CEL rules of a CRD schema against a manifest, the way the API
 * server does: each rule runs with {@code self} bound to the value at the schema node that carries it, and only
 * where that value is present. Uses Google's cel-java (standard CEL, no Kubernetes extension library), so the
 * rules of this API are written in standard CEL only.
 */
final class CelRuleEvaluator {

    /** A rule that evaluated to false (or failed to evaluate) at a place in the manifest. */
    record Violation(String path, String rule, String message) {
    }

    private final CelCompiler compiler = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .build();
    private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

    /** Compiles one rule; throws with the rule's text when it is not valid standard CEL. */
    CelRuntime.Program program(String rule) {
        return programs.computeIfAbsent(rule, r -> {
            try {
                CelAbstractSyntaxTree ast = compiler.compile(r).getAst();
                return runtime.createProgram(ast);
            } catch (CelValidationException | CelEvaluationException e) {
                throw new IllegalStateException("CEL rule does not compile: " + r + ": " + e.getMessage(), e);
            }
        });
    }

    /** Every rule of the schema that does not hold for {@code instance}. */
    List<Violation> violations(JsonNode schema, JsonNode instance) {
        List<Violation> out = new ArrayList<>();
        walk(schema, instance, "$", out);
        return out;
    }

    /** Every rule text found in the schema, with the schema path it sits at. */
    static Map<String, String> allRules(JsonNode schema) {
        Map<String, String> rules = new LinkedHashMap<>();
        collect(schema, "$", rules);
        return rules;
    }

    private static void collect(JsonNode schema, String path, Map<String, String> rules) {
        schema.path("x-kubernetes-validations").forEach(v -> rules.put(v.get("rule").asText(), path));
        schema.path("properties").properties().forEach(e -> collect(e.getValue(), path + "." + e.getKey(), rules));
        if (schema.has("items")) {
            collect(schema.get("items"), path + "[*]", rules);
        }
        if (schema.path("additionalProperties").isObject()) {
            collect(schema.get("additionalProperties"), path + ".*", rules);
        }
    }

    private void walk(JsonNode schema, JsonNode instance, String path, List<Violation> out) {
        for (JsonNode validation : schema.path("x-kubernetes-validations")) {
            String rule = validation.get("rule").asText();
            String message = validation.path("message").asText(rule);
            try {
                Object result = program(rule).eval(Map.of("self", toCel(instance)));
                if (!Boolean.TRUE.equals(result)) {
                    out.add(new Violation(path, rule, message));
                }
            } catch (CelEvaluationException e) {
                // The API server reports a rule that fails to evaluate as invalid too.
                out.add(new Violation(path, rule, "evaluation error: " + e.getMessage()));
            }
        }
        if (instance.isObject()) {
            schema.path("properties").properties().forEach(e -> {
                if (instance.has(e.getKey())) {
                    walk(e.getValue(), instance.get(e.getKey()), path + "." + e.getKey(), out);
                }
            });
            if (schema.path("additionalProperties").isObject()) {
                instance.properties().forEach(e ->
                        walk(schema.get("additionalProperties"), e.getValue(), path + "." + e.getKey(), out));
            }
        }
        if (instance.isArray() && schema.has("items")) {
            for (int i = 0; i < instance.size(); i++) {
                walk(schema.get("items"), instance.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** JSON → the values CEL's runtime understands: Long, Double, String, Boolean, List, Map. */
    static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), toCel(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(toCel(n)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return com.google.protobuf.NullValue.NULL_VALUE;
        }
        return node.asText();
    }
}
