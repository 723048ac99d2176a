package io.vipkeeper.agent.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one file, each located by the {@link YamlLocations} of the first pass, so that a file
 * with several mistakes is reported in one go.
 */
final class Problems {
    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private YamlLocations locations;
    private boolean syntaxError;

    Problems(String source) {
        this.source = source;
    }

    void useLocations(YamlLocations locations) {
        this.locations = locations;
    }

    /** A problem with the value at {@code pointer} (or, when it is absent, with its nearest present ancestor). */
    void at(String pointer, String message) {
        atLocation(locations == null ? YamlLocations.Location.UNKNOWN : locations.valueAt(pointer), pointer, message);
    }

    /** A problem with the key of the member at {@code pointer} (an unknown key, for example). */
    void atKey(String pointer, String message) {
        atLocation(locations == null ? YamlLocations.Location.UNKNOWN : locations.keyAt(pointer), pointer, message);
    }

    void atLocation(YamlLocations.Location location, String pointer, String message) {
        problems.add(new ConfigProblem(source, location.line(), location.column(), JsonPointers.display(pointer),
                message));
    }

    void syntax(YamlLocations.Location location, String message) {
        syntax(location, "", message);
    }

    /** A problem after which the tree would mislead the later rules: they are not run. */
    void syntax(YamlLocations.Location location, String pointer, String message) {
        syntaxError = true;
        atLocation(location, pointer, message);
    }

    /** Throws when the text is not YAML at all: the later passes would only add noise. */
    void throwIfAnySyntaxError() throws ConfigException {
        if (syntaxError) {
            throwIfAny();
        }
    }

    int count() {
        return problems.size();
    }

    /** Throws when any problem was found, listing them in file order. */
    void throwIfAny() throws ConfigException {
        if (!problems.isEmpty()) {
            List<ConfigProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
            throw new ConfigException(sorted);
        }
    }
}
