package io.vipkeeper.agent.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The first, streaming pass over a YAML document: where every key and every value is (line and column, 1-based),
 * by JSON pointer, so that problems found later on the bound tree can be reported where the user wrote the value.
 * Also finds what the tree would hide: duplicate keys (the tree keeps only the last one), a second document, and
 * YAML syntax errors. Pure.
 */
final class YamlLocations {

    /** A 1-based position in the text. */
    record Location(int line, int column) {
        static final Location UNKNOWN = new Location(0, 0);
    }

    /** The YAML 1.2 core schema's booleans. */
    private static final Set<String> YAML_1_2_BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    private final Map<String, Location> values = new HashMap<>();
    private final Map<String, Location> keys = new HashMap<>();

    private YamlLocations() {
    }

    /**
     * Scans {@code yaml}, reporting syntax errors, duplicate keys and extra documents to {@code problems}.
     *
     * @return the locations; complete only when no syntax error was reported
     */
    static YamlLocations scan(YAMLFactory factory, String yaml, Problems problems) {
        YamlLocations locations = new YamlLocations();
        try (JsonParser parser = factory.createParser(yaml)) {
            locations.walk(parser, problems);
        } catch (JacksonException e) {
            problems.syntax(syntaxLocation(e), syntaxMessage(e));
        } catch (IOException e) {
            problems.syntax(Location.UNKNOWN, "cannot read the YAML text: " + e.getMessage());
        }
        return locations;
    }

    /** Where the value at {@code pointer} starts; else its nearest located ancestor; else unknown. */
    Location valueAt(String pointer) {
        for (String p = pointer; ; p = JsonPointers.parent(p)) {
            Location location = values.get(p);
            if (location != null) {
                return location;
            }
            if (p.isEmpty()) {
                return Location.UNKNOWN;
            }
        }
    }

    /** Where the key of the member at {@code pointer} is written; else where its value is. */
    Location keyAt(String pointer) {
        Location location = keys.get(pointer);
        return location != null ? location : valueAt(pointer);
    }

    /** One frame of the path: a mapping (with its current key and keys seen) or a sequence (with its index). */
    private static final class Frame {
        final boolean sequence;
        final String pointer;
        final Set<String> seenKeys = new HashSet<>();
        String key;
        int index = -1;

        Frame(boolean sequence, String pointer) {
            this.sequence = sequence;
            this.pointer = pointer;
        }

        String childPointer() {
            return pointer + "/" + (sequence ? Integer.toString(index) : JsonPointers.escape(key));
        }
    }

    private void walk(JsonParser parser, Problems problems) throws IOException {
        Deque<Frame> path = new ArrayDeque<>();
        int documents = 0;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            Location here = location(parser.currentTokenLocation());
            if (token == JsonToken.FIELD_NAME) {
                Frame frame = path.peek();
                frame.key = parser.currentName();
                String pointer = frame.childPointer();
                if (!frame.seenKeys.add(frame.key)) {
                    Location first = keys.get(pointer);
                    problems.atLocation(here, pointer, "key '" + frame.key + "' appears twice in the same mapping"
                            + (first == null ? "" : " (first on line " + first.line() + ")"));
                } else {
                    keys.put(pointer, here);
                }
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                path.pop();
                continue;
            }
            String pointer;
            if (path.isEmpty()) {
                documents++;
                if (documents == 2) {
                    problems.atLocation(here, "", "the file holds more than one YAML document; write one");
                }
                pointer = "";
            } else {
                Frame parent = path.peek();
                if (parent.sequence) {
                    parent.index++;
                }
                pointer = parent.childPointer();
            }
            values.putIfAbsent(pointer, here);
            if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                // The parser hands an alias over as the text of its name, which the rules would then misreport.
                problems.syntax(here, pointer, "YAML aliases (*" + parser.getText() + ") are not supported; write "
                        + "the value out");
            }
            if ((token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)
                    && !YAML_1_2_BOOLEANS.contains(parser.getText())) {
                // YAML 1.1 (which the parser follows) also reads yes/no/on/off/y/n as booleans: easy to write by
                // accident (a name "no", a member "on"), so only YAML 1.2's spellings are taken.
                problems.atLocation(here, pointer, "write true or false, not '" + parser.getText()
                        + "' (quote it if it is meant as text)");
            }
            if (token == JsonToken.START_OBJECT) {
                path.push(new Frame(false, pointer));
            } else if (token == JsonToken.START_ARRAY) {
                path.push(new Frame(true, pointer));
            }
        }
    }

    private static Location location(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? Location.UNKNOWN : new Location(location.getLineNr(), Math.max(location.getColumnNr(), 1));
    }

    private static Location syntaxLocation(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            return new Location(mark.getLine() + 1, mark.getColumn() + 1);
        }
        return location(e.getLocation());
    }

    private static String syntaxMessage(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            String context = marked.getContext();
            return "YAML syntax error: " + marked.getProblem().strip()
                    + (context == null ? "" : " (" + context.strip() + ")");
        }
        String message = e.getOriginalMessage();
        return "YAML syntax error: " + (message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(""));
    }
}
