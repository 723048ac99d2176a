package io.vipkeeper.agent.check.exec;

import java.util.Objects;

/**
 * A script command that the agent will not run, with the reason and the offending path (the path as configured,
 * or the component that broke a rule).
 */
public final class ScriptRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ScriptRefusal reason;
    private final String offendingPath;

    public ScriptRefusedException(ScriptRefusal reason, String offendingPath, String message) {
        super(message + " [" + reason + ": " + offendingPath + "]");
        this.reason = Objects.requireNonNull(reason);
        this.offendingPath = Objects.requireNonNull(offendingPath);
    }

    public ScriptRefusal reason() {
        return reason;
    }

    public String offendingPath() {
        return offendingPath;
    }
}
