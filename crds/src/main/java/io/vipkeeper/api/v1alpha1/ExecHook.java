package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A notify script run on every state transition, with keepalived's notify argv appended: INSTANCE NAME
 * MASTER|BACKUP|FAULT|STOP PRIORITY. A plain Jackson POJO, also read from the node agent's standalone
 * configuration file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExecHook {

    /**
     * Program and arguments, run without a shell; keepalived's four notify arguments are appended. The program is a
     * path relative to the pool's scriptDirectory (no leading '/', no '..').
     */
    @JsonPropertyDescription("Program and arguments, run without a shell; keepalived's four notify arguments are "
            + "appended. The program is a path relative to the pool's scriptDirectory (no leading '/', no"
            + " '..').")
    @Required
    @Size(min = 1, max = 32)
    @ValidationRule(value = "size(self) == 0 || (!self[0].startsWith('/') && !self[0].matches('(^|/)[.][.](/|$)'))",
            message = "command[0] must be a path relative to the pool's scriptDirectory (no leading '/', no '..')")
    private List<@Size(min = 1, max = 1024) String> command;

    /** The script is killed with its process group after this long. Absent: 10s. */
    @JsonPropertyDescription("The script is killed with its process group after this long. Absent: 10s.")
    @Pattern(Formats.DURATION)
    @Size(max = 32)
    private String timeout;

    /** Creates an empty ExecHook (for Jackson). */
    public ExecHook() {
    }

    /** {@code command}: Program and arguments, run without a shell; keepalived's four notify arguments are appended. */
    public List<String> getCommand() {
        return command;
    }

    /** Sets {@code command}. */
    public void setCommand(List<String> command) {
        this.command = command;
    }

    /** {@code timeout}: The script is killed with its process group after this long. */
    public String getTimeout() {
        return timeout;
    }

    /** Sets {@code timeout}. */
    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }


    /** Timeout when none is set. */
    public static final String DEFAULT_TIMEOUT = "10s";

    /**
     * The timeout as a duration, {@link #DEFAULT_TIMEOUT} when unset.
     *
     * @throws Durations.InvalidDurationException when the text is not a duration
     */
    public Duration timeoutOrDefault() throws Durations.InvalidDurationException {
        return Durations.parse(timeout == null ? DEFAULT_TIMEOUT : timeout);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecHook other
                && Objects.equals(command, other.command)
                && Objects.equals(timeout, other.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, timeout);
    }

    @Override
    public String toString() {
        return "ExecHook{"
                + "command=" + command
                + ", timeout=" + timeout
                + "}";
    }
}
