package io.vipkeeper.agent.check.exec;

/** Why a configured script command was refused before anything was started. */
public enum ScriptRefusal {
    /** The command list is empty or its first element is blank. */
    EMPTY_COMMAND,
    /** The path has a {@code ..} segment; refused outright so no path can climb out of the script directory. */
    PARENT_TRAVERSAL,
    /** An absolute path that is not inside the script directory. */
    OUTSIDE_SCRIPT_DIRECTORY,
    /** The path is inside the script directory, but a symbolic link on it points outside. */
    SYMLINK_ESCAPES,
    /** Nothing exists at the path (or a symbolic link on it dangles). */
    NOT_FOUND,
    /** The path names a directory, device, FIFO or socket rather than a regular file. */
    NOT_A_REGULAR_FILE,
    /** The file has no execute permission bit. */
    NOT_EXECUTABLE,
    /**
     * The script would run as root, but the file or a directory above it can be modified by a non-root user
     * (keepalived's {@code enable_script_security} rule).
     */
    INSECURE_FOR_ROOT,
    /** The configured user to run scripts as does not exist on this node. */
    UNKNOWN_USER
}
