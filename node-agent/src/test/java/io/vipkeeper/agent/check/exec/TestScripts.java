package io.vipkeeper.agent.check.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalLong;

/** Writes small shell scripts into a test's script directory and inspects processes. */
public final class TestScripts {
    private TestScripts() {}

    /** Writes {@code body} after a {@code #!/bin/sh} line, with mode {@code perms} (e.g. "rwxr-xr-x"). */
    public static Path write(Path dir, String name, String body, String perms) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        return file;
    }

    public static Path write(Path dir, String name, String body) throws IOException {
        return write(dir, name, body, "rwxr-xr-x");
    }

    /** True when the process is gone or a zombie (killed but not yet reaped by its new parent). */
    public static boolean isDead(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return true;
        }
    }

    public static long readPid(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).trim());
    }

    public static OptionalLong pgid(long pid) {
        return ProcessGroups.processGroupOf(pid);
    }
}
