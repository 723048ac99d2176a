package io.vipkeeper.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.vipkeeper.api.v1alpha1.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads the members of one YAML mapping with strict types, reporting every unknown key, missing key, wrong type
 * and out-of-range value to {@link Problems} at the place it is written. Getters return the value, the default
 * when the key is absent (or explicitly null), or {@code null} when the value was wrong (already reported), so the
 * caller can skip rules that depend on it.
 */
final class MappingReader {

    /** An element of a sequence with its pointer. */
    record Element(JsonNode node, String pointer, int index) {}

    private final Problems problems;
    private final JsonNode node;
    private final String pointer;

    private MappingReader(Problems problems, JsonNode node, String pointer) {
        this.problems = problems;
        this.node = node;
        this.pointer = pointer;
    }

    /**
     * A reader over the mapping at {@code pointer}; reports unknown keys (with the nearest known one as a hint).
     *
     * @return null when {@code node} is not a mapping (reported)
     */
    static MappingReader of(Problems problems, JsonNode node, String pointer, String what, List<String> knownKeys) {
        if (node == null || !node.isObject()) {
            problems.at(pointer, what + " must be a mapping (key: value lines), not " + describe(node));
            return null;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownKeys.contains(name)) {
                String hint = nearest(name, knownKeys);
                problems.atKey(JsonPointers.child(pointer, name), "unknown key '" + name + "'"
                        + (hint == null ? "" : "; did you mean '" + hint + "'?")
                        + " (known keys: " + String.join(", ", knownKeys) + ")");
            }
        }
        return new MappingReader(problems, node, pointer);
    }

    String pointer() {
        return pointer;
    }

    String pointer(String key) {
        return JsonPointers.child(pointer, key);
    }

    /** True when the key is present with a non-null value. */
    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    /** The raw member, or null when absent or null. */
    JsonNode raw(String key) {
        return has(key) ? node.get(key) : null;
    }

    /** A required, non-blank text. */
    String requiredText(String key) {
        if (!has(key)) {
            problems.at(pointer, "'" + key + "' is missing");
            return null;
        }
        JsonNode value = node.get(key);
        if (!value.isTextual()) {
            problems.at(pointer(key), "'" + key + "' must be text, not " + describe(value));
            return null;
        }
        if (value.textValue().isBlank()) {
            problems.at(pointer(key), "'" + key + "' is empty");
            return null;
        }
        return value.textValue();
    }

    /** A required whole number in {@code min..max}. */
    Integer requiredInteger(String key, int min, int max) {
        if (!has(key)) {
            problems.at(pointer, "'" + key + "' is missing");
            return null;
        }
        return integer(key, null, min, max);
    }

    /** A whole number in {@code min..max}, or {@code absent} when not given. */
    Integer integer(String key, Integer absent, int min, int max) {
        if (!has(key)) {
            return absent;
        }
        JsonNode value = node.get(key);
        if (!value.isIntegralNumber()) {
            problems.at(pointer(key), "'" + key + "' must be a whole number, not " + describe(value));
            return null;
        }
        if (!value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            problems.at(pointer(key), "'" + key + "' must be in " + min + ".." + max + ", not " + value.asText());
            return null;
        }
        return value.intValue();
    }

    /** true or false, or {@code absent} when not given. */
    Boolean bool(String key, boolean absent) {
        if (!has(key)) {
            return absent;
        }
        JsonNode value = node.get(key);
        if (!value.isBoolean()) {
            problems.at(pointer(key), "'" + key + "' must be true or false, not " + describe(value));
            return null;
        }
        return value.booleanValue();
    }

    /** A duration ({@code 100ms}, {@code 1.5s}, {@code 2s}, {@code 1m}), or {@code absent} when not given. */
    Duration duration(String key, Duration absent) {
        if (!has(key)) {
            return absent;
        }
        return parseDuration(problems, node.get(key), pointer(key), key);
    }

    /** A duration text at {@code pointer}; null when wrong (reported). */
    static Duration parseDuration(Problems problems, JsonNode value, String pointer, String what) {
        if (!value.isTextual()) {
            problems.at(pointer, "'" + what + "' must be a duration with a unit, for example 1s or 100ms, not "
                    + describe(value));
            return null;
        }
        try {
            return Durations.parse(value.textValue());
        } catch (Durations.InvalidDurationException e) {
            problems.at(pointer, "'" + what + "': " + e.getMessage());
            return null;
        }
    }

    /** The elements of a sequence; empty when absent; null when not a sequence (reported). */
    List<Element> list(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode value = node.get(key);
        if (!value.isArray()) {
            problems.at(pointer(key), "'" + key + "' must be a list, not " + describe(value));
            return null;
        }
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            elements.add(new Element(value.get(i), JsonPointers.child(pointer(key), i), i));
        }
        return elements;
    }

    /** The texts of a sequence of texts; wrong elements are reported and left out. */
    List<Element> texts(String key) {
        List<Element> elements = list(key);
        if (elements == null) {
            return null;
        }
        List<Element> texts = new ArrayList<>();
        for (Element element : elements) {
            if (element.node().isTextual()) {
                texts.add(element);
            } else {
                problems.at(element.pointer(), "each entry of '" + key + "' must be text, not " + describe(element.node()));
            }
        }
        return texts.size() == elements.size() ? texts : null;
    }

    /** A human description of a YAML value, for "must be X, not Y" messages. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "an empty value";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isBoolean()) {
            return "the boolean " + value.asText();
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        if (value.isTextual()) {
            return "the text '" + value.textValue() + "'";
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** The known key closest to a misspelled one (same ignoring case, or at most 2 edits away), or null. */
    static String nearest(String key, List<String> knownKeys) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : knownKeys) {
            int distance = known.equalsIgnoreCase(key) ? 0 : editDistance(key.toLowerCase(Locale.ROOT),
                    known.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = known;
                bestDistance = distance;
            }
        }
        return bestDistance <= 2 ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
