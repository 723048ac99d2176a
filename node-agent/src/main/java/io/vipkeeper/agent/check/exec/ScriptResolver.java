package io.vipkeeper.agent.check.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Resolves the first element of an {@code exec} command to a real file inside the script directory (DESIGN §5:
 * "a namespace user can never make the agent run an arbitrary command"). The one resolver used by checks and hooks.
 *
 * <p>Rules, checked in this order:
 * <ol>
 *   <li>an empty command is refused ({@link ScriptRefusal#EMPTY_COMMAND});</li>
 *   <li>any {@code ..} segment is refused, even one that would stay inside ({@link ScriptRefusal#PARENT_TRAVERSAL});</li>
 *   <li>an absolute path must lie under the script directory ({@link ScriptRefusal#OUTSIDE_SCRIPT_DIRECTORY});
 *       a relative path is taken relative to the script directory (there is no {@code PATH} search);</li>
 *   <li>the file must exist ({@link ScriptRefusal#NOT_FOUND});</li>
 *   <li>its real path, with every symbolic link followed, must still be under the script directory's real path
 *       ({@link ScriptRefusal#SYMLINK_ESCAPES}); links that stay inside are fine;</li>
 *   <li>it must be a regular file with at least one execute bit ({@link ScriptRefusal#NOT_A_REGULAR_FILE},
 *       {@link ScriptRefusal#NOT_EXECUTABLE}).</li>
 * </ol>
 * The resolved real path is what gets executed, so a link swapped after resolution cannot redirect the run.
 */
public final class ScriptResolver {
    private final Path scriptDirectory;
    private final Path realScriptDirectory;

    /**
     * @param scriptDirectory the directory allowed scripts live in; it must exist
     * @throws IOException if it does not exist or is not a directory
     */
    public ScriptResolver(Path scriptDirectory) throws IOException {
        this.scriptDirectory = scriptDirectory.toAbsolutePath().normalize();
        this.realScriptDirectory = this.scriptDirectory.toRealPath();
        if (!Files.isDirectory(realScriptDirectory)) {
            throw new IOException("script directory is not a directory: " + scriptDirectory);
        }
    }

    /** The script directory's real path (symbolic links resolved). */
    public Path scriptDirectory() {
        return realScriptDirectory;
    }

    /**
     * Resolves a configured command name.
     *
     * @return the real path of the script, inside the script directory
     * @throws ScriptRefusedException when a rule above is broken
     */
    public Path resolve(String command) throws ScriptRefusedException {
        if (command == null || command.isBlank()) {
            throw new ScriptRefusedException(ScriptRefusal.EMPTY_COMMAND, String.valueOf(command), "no command given");
        }
        Path given;
        try {
            given = Path.of(command);
        } catch (InvalidPathException e) {
            throw new ScriptRefusedException(ScriptRefusal.NOT_FOUND, command, "not a valid path");
        }
        for (Path segment : given) {
            if (segment.toString().equals("..")) {
                throw new ScriptRefusedException(ScriptRefusal.PARENT_TRAVERSAL, command,
                        "'..' is not allowed in script paths");
            }
        }
        Path candidate;
        if (given.isAbsolute()) {
            Path normal = given.normalize();
            if (!normal.startsWith(scriptDirectory) && !normal.startsWith(realScriptDirectory)) {
                throw new ScriptRefusedException(ScriptRefusal.OUTSIDE_SCRIPT_DIRECTORY, command,
                        "absolute path outside the script directory " + scriptDirectory);
            }
            candidate = normal;
        } else {
            candidate = realScriptDirectory.resolve(given).normalize();
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ScriptRefusedException(ScriptRefusal.NOT_FOUND, command, "script not found");
        } catch (IOException e) {
            throw new ScriptRefusedException(ScriptRefusal.NOT_FOUND, command, "script not accessible: " + e);
        }
        if (!real.startsWith(realScriptDirectory)) {
            throw new ScriptRefusedException(ScriptRefusal.SYMLINK_ESCAPES, command,
                    "resolves to " + real + ", outside the script directory " + realScriptDirectory);
        }
        PosixFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new ScriptRefusedException(ScriptRefusal.NOT_FOUND, command, "cannot read attributes: " + e);
        }
        if (!attributes.isRegularFile()) {
            throw new ScriptRefusedException(ScriptRefusal.NOT_A_REGULAR_FILE, command, "not a regular file");
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (!permissions.contains(PosixFilePermission.OWNER_EXECUTE)
                && !permissions.contains(PosixFilePermission.GROUP_EXECUTE)
                && !permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            throw new ScriptRefusedException(ScriptRefusal.NOT_EXECUTABLE, command, "no execute permission");
        }
        return real;
    }
}
