package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

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
    @JsonPropertyDescription("Program and arguments, run without a shell; keepalived's four notify arguments are appended. The "
            + "program is a path relative to the pool's scriptDirectory (no leading '/', no '..').")
    @Required
    @Size(min = 1, max = 32)
    @ValidationRule(value = "size(self) == 0 || (!self[0].startsWith('/') && !self[0].matches('(^|/)[.][.](/|$)'))",
            message = "command[0] must be a path relative to the pool's scriptDirectory (no leading '/', no '..')")
    private List<@Size(min = 1, max = 1024) String> command;

    /** The script is killed with its process group after this long. Absent: 10s. */
    @JsonPropertyDescription("The script is killed with its process group after this long. Absent: 10s.")
    @Pattern(Formats.DURATION)
    private String timeout;

    /** Creates an empty ExecHook (for Jackson). */
    public ExecHook() {
    }

    /** Returns: program and arguments, run without a shell; keepalived's four notify arguments are appended. */
    public List<String> getCommand() {
        return command;
    }

    /** Sets: program and arguments, run without a shell; keepalived's four notify arguments are appended. */
    public void setCommand(List<String> command) {
        this.command = command;
    }

    /** Returns: the script is killed with its process group after this long. */
    public String getTimeout() {
        return timeout;
    }

    /** Sets: the script is killed with its process group after this long. */
    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
