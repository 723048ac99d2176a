package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a script from the pool's script directory; exit status 0 means healthy (keepalived's {@code vrrp_script}).
 * A plain Jackson POJO, also read from the node agent's standalone configuration file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExecProbe {

    /**
     * Program and arguments. The program is a name relative to the pool's script directory (no leading slash, no
     * "..") and is run there without a shell, with a timeout, killed with its process group.
     */
    @JsonPropertyDescription("Program and arguments, run without a shell. The program is a path relative to the "
            + "pool's scriptDirectory (no leading '/', no '..'); the node agent refuses anything outside it.")
    @Required
    @Size(min = 1, max = 32)
    @ValidationRule(value = "size(self) == 0 || (!self[0].startsWith('/') && !self[0].matches('(^|/)[.][.](/|$)'))",
            message = "command[0] must be a path relative to the pool's scriptDirectory (no leading '/', no '..')")
    private List<@Size(min = 1, max = 1024) String> command = new ArrayList<>();

    /** Creates an empty probe (for Jackson). */
    public ExecProbe() {
    }

    /** Creates a probe running {@code command}. */
    public ExecProbe(List<String> command) {
        this.command = new ArrayList<>(command);
    }

    /** Program and arguments, the program relative to the pool's script directory. */
    public List<String> getCommand() {
        return command;
    }

    /** Sets program and arguments. */
    public void setCommand(List<String> command) {
        this.command = command;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecProbe other && Objects.equals(command, other.command);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(command);
    }

    @Override
    public String toString() {
        return "ExecProbe{command=" + command + "}";
    }
}
