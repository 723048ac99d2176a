package io.vipkeeper.agent.check.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who scripts run as: a named (or numeric) non-root user, or root. The default is {@code nobody}
 * (DESIGN §5: scripts run as a non-root user unless the pool says otherwise).
 *
 * @param name a user name from {@code /etc/passwd}, or a numeric {@code uid[:gid]}; {@code "root"} for root
 */
public record ScriptUser(String name) {
    /** The default user scripts run as. */
    public static final ScriptUser NOBODY = new ScriptUser("nobody");
    /** Run scripts as root (subject to {@link ScriptSecurity}). */
    public static final ScriptUser ROOT = new ScriptUser("root");

    public ScriptUser {
        Objects.requireNonNull(name, "name");
    }

    /** A resolved uid and primary gid. */
    public record Ids(int uid, int gid) {
        public boolean isRoot() {
            return uid == 0;
        }
    }

    /** Resolves the name through {@code /etc/passwd} (numeric names need no lookup). */
    public Optional<Ids> resolve() {
        return resolve(Path.of("/etc/passwd"));
    }

    /** Resolves against the given passwd file (for tests). */
    public Optional<Ids> resolve(Path passwd) {
        Optional<Ids> numeric = parseNumeric(name);
        if (numeric.isPresent()) {
            return numeric;
        }
        try {
            return lookup(Files.readAllLines(passwd), name);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Finds {@code user} in passwd lines ({@code name:x:uid:gid:...}); pure. */
    static Optional<Ids> lookup(List<String> passwdLines, String user) {
        for (String line : passwdLines) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 4 && fields[0].equals(user)) {
                try {
                    return Optional.of(new Ids(Integer.parseInt(fields[2]), Integer.parseInt(fields[3])));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Ids> parseNumeric(String name) {
        String[] parts = name.split(":", -1);
        try {
            int uid = Integer.parseInt(parts[0]);
            int gid = parts.length > 1 ? Integer.parseInt(parts[1]) : uid;
            return parts.length <= 2 && uid >= 0 && gid >= 0 ? Optional.of(new Ids(uid, gid)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
