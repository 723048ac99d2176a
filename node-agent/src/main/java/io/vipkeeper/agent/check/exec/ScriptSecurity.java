package io.vipkeeper.agent.check.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * keepalived's {@code enable_script_security} rule for scripts that run as root, always on here.
 *
 * <p>keepalived (keepalived.conf(5), "SCRIPTS") refuses a script run by root when any part of its path can be
 * modified or replaced by a non-root user. It looks at every path component from {@code /} down to the file and
 * calls one unsafe when:
 * <ul>
 *   <li>its owner is not root, or</li>
 *   <li>it is group-writable with a non-root group, or world-writable — unless it is a directory with the sticky
 *       bit set (like {@code /tmp}), where other users cannot remove or rename entries they do not own.</li>
 * </ul>
 * The same rule is applied here to the script's real path (every symbolic link already resolved by
 * {@link ScriptResolver}). The decision ({@link #firstUnsafe}) is pure; {@link #requireSafeForRoot} reads the file
 * system.
 */
public final class ScriptSecurity {
    private static final int S_IWOTH = 0002;
    private static final int S_IWGRP = 0020;
    private static final int S_ISVTX = 01000;
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;

    private ScriptSecurity() {}

    /** Ownership and mode of one path component, as {@code stat(2)} reports them. */
    public record PathOwnership(Path path, int uid, int gid, int mode) {}

    /**
     * Returns the first component that a non-root user could modify, or empty when all are safe.
     *
     * @param components from {@code /} down to the script file itself
     */
    public static Optional<PathOwnership> firstUnsafe(List<PathOwnership> components) {
        for (PathOwnership c : components) {
            boolean regularFile = (c.mode() & S_IFMT) == S_IFREG;
            boolean stickyDirectory = !regularFile && (c.mode() & S_ISVTX) != 0;
            boolean writableByOthers = (c.gid() != 0 && (c.mode() & S_IWGRP) != 0) || (c.mode() & S_IWOTH) != 0;
            if (c.uid() != 0 || (!stickyDirectory && writableByOthers)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses {@code realScript} (an absolute real path) when it would be unsafe to run as root.
     *
     * @throws ScriptRefusedException with {@link ScriptRefusal#INSECURE_FOR_ROOT} naming the unsafe component
     */
    public static void requireSafeForRoot(Path realScript) throws ScriptRefusedException {
        List<PathOwnership> components = new ArrayList<>();
        Path current = realScript.getRoot();
        components.add(stat(current, realScript));
        for (Path name : realScript) {
            current = current.resolve(name);
            components.add(stat(current, realScript));
        }
        Optional<PathOwnership> unsafe = firstUnsafe(components);
        if (unsafe.isPresent()) {
            PathOwnership c = unsafe.get();
            throw new ScriptRefusedException(ScriptRefusal.INSECURE_FOR_ROOT, c.path().toString(),
                    String.format("script %s would run as root but %s (uid %d, gid %d, mode %o) is writable by a"
                            + " non-root user", realScript, c.path(), c.uid(), c.gid(), c.mode() & 07777));
        }
    }

    /**
     * Whether a process with this uid and primary gid (supplementary groups are cleared) may use the file as
     * {@code need} asks (a mask of 4 = read, 1 = execute), by POSIX rules: the owner class applies when the uid owns
     * the file, else the group class when the gid matches, else the others class — exactly one class, never a union.
     */
    public static boolean permits(int uid, int gid, PathOwnership file, int need) {
        int bits;
        if (uid == file.uid()) {
            bits = (file.mode() >> 6) & 7;
        } else if (gid == file.gid()) {
            bits = (file.mode() >> 3) & 7;
        } else {
            bits = file.mode() & 7;
        }
        return (bits & need) == need;
    }

    /**
     * Refuses a script the (non-root) script user could not run: it needs execute permission, and read permission
     * too when it is an interpreted {@code #!} script (the interpreter opens it as that user). Without this check
     * such a script fails as "exit code 126" with no reason (keepalived refuses it when it loads its config).
     */
    public static void requireRunnableBy(Path realScript, ScriptUser.Ids ids, String userName)
            throws ScriptRefusedException {
        PathOwnership file = stat(realScript, realScript);
        boolean interpreted = startsWithShebang(realScript);
        int need = interpreted ? 5 : 1;
        if (!permits(ids.uid(), ids.gid(), file, need)) {
            throw new ScriptRefusedException(ScriptRefusal.NOT_EXECUTABLE, realScript.toString(),
                    String.format("the script user %s (uid %d, gid %d) may not %s %s (owner %d:%d, mode %o)",
                            userName, ids.uid(), ids.gid(), interpreted ? "read and execute" : "execute",
                            realScript, file.uid(), file.gid(), file.mode() & 07777));
        }
    }

    private static boolean startsWithShebang(Path file) {
        try (var in = Files.newInputStream(file)) {
            return in.read() == '#' && in.read() == '!';
        } catch (IOException e) {
            return false; // unreadable by the agent itself: the run reports it
        }
    }

    private static PathOwnership stat(Path path, Path script) throws ScriptRefusedException {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:uid,gid,mode");
            return new PathOwnership(path, (Integer) a.get("uid"), (Integer) a.get("gid"), (Integer) a.get("mode"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new ScriptRefusedException(ScriptRefusal.NOT_FOUND, path.toString(),
                    "cannot stat a component of " + script + ": " + e);
        }
    }
}
