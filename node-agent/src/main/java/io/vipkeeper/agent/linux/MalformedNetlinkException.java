package io.vipkeeper.agent.linux;

/** The kernel's netlink answer did not have the shape the uapi headers promise (a bug here, or a short read). */
public final class MalformedNetlinkException extends LinuxException {
    private static final long serialVersionUID = 1L;

    public MalformedNetlinkException(String message) {
        super("malformed netlink message: " + message);
    }
}
