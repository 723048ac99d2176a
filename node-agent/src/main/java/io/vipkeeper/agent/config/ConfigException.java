package io.vipkeeper.agent.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that was refused, with every problem found in it (not only the first). The message lists
 * them, one per line, as {@code file:line:col: path: message}.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /** @param problems at least one */
    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order of the file. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
