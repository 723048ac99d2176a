package io.vipkeeper.agent.config;

/**
 * One thing wrong with a configuration file, located for a human.
 *
 * @param source the file name
 * @param line 1-based line, 0 when unknown (the file could not be read)
 * @param column 1-based column, 0 when unknown
 * @param path where in the document, for example {@code instances[0].checks[1].fall}; empty for the document
 *     itself
 * @param message what is wrong, in plain words
 */
public record ConfigProblem(String source, int line, int column, String path, String message) {

    /** {@code file:line:col: path: message}, leaving out the parts that are unknown. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (path != null && !path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
