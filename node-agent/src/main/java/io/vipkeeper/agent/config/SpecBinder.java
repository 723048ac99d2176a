package io.vipkeeper.agent.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds parts of the tree to the CRD's own classes ({@code CheckSpec}, {@code NotifySpec}), so that the standalone
 * file and a {@code VirtualIP} accept exactly the same fields. Jackson is made strict — unknown keys fail, and no
 * text is silently turned into a number or a boolean (nor a number into text), no fraction truncated — and its
 * errors are turned into plain-words problems at the place they were written.
 */
final class SpecBinder {

    private final ObjectMapper mapper;

    SpecBinder(YAMLFactory factory) {
        mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Boolean, LogicalType.Enum)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * Binds the mapping at {@code pointer} to {@code type}.
     *
     * @return null when it does not bind (one problem reported: Jackson stops at the first)
     */
    <T> T bind(Problems problems, JsonNode node, String pointer, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            String at = pointer + pathOf(e);
            Collection<Object> known = e.getKnownPropertyIds();
            List<String> knownKeys = known == null ? List.of()
                    : known.stream().map(String::valueOf).sorted().toList();
            String hint = MappingReader.nearest(e.getPropertyName(), knownKeys);
            problems.atKey(at, "unknown key '" + e.getPropertyName() + "'"
                    + (hint == null ? "" : "; did you mean '" + hint + "'?")
                    + (knownKeys.isEmpty() ? "" : " (known keys: " + String.join(", ", knownKeys) + ")"));
        } catch (InvalidFormatException e) {
            String at = pointer + pathOf(e);
            Class<?> target = e.getTargetType();
            if (target != null && target.isEnum()) {
                problems.at(at, "'" + e.getValue() + "' is not one of " + Arrays.stream(target.getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", ")));
            } else {
                problems.at(at, "must be " + expected(target) + ", not '" + e.getValue() + "'");
            }
        } catch (MismatchedInputException e) {
            String at = pointer + pathOf(e);
            problems.at(at, "must be " + expected(e.getTargetType()) + ", not "
                    + MappingReader.describe(node.at(at.substring(pointer.length()))));
        } catch (JsonMappingException e) {
            problems.at(pointer + pathOf(e), "cannot be read: " + e.getOriginalMessage());
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.at(pointer, "cannot be read: " + e.getMessage());
        }
        return null;
    }

    /** The JSON pointer suffix of the path Jackson reports, relative to the bound node. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder suffix = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                suffix.append('/').append(JsonPointers.escape(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                suffix.append('/').append(reference.getIndex());
            }
        }
        return suffix.toString();
    }

    private static final Map<Class<?>, String> EXPECTED = Map.of(
            Integer.class, "a whole number", int.class, "a whole number", Long.class, "a whole number",
            Boolean.class, "true or false", boolean.class, "true or false", String.class, "text");

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        String known = EXPECTED.get(type);
        if (known != null) {
            return known;
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "a mapping (key: value lines)";
    }
}
