package io.vipkeeper.agent.linux;

/**
 * A system call returned an error: carries the call (for example {@code "setsockopt(IP_ADD_MEMBERSHIP)"}), the
 * errno value and its symbolic name ({@code EPERM}, {@code EADDRNOTAVAIL} ...). Netlink errors (the negative
 * errno in an {@code NLMSG_ERROR} message) are reported the same way.
 */
public final class ErrnoException extends LinuxException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    public ErrnoException(String call, int errno) {
        super(call + " failed: " + Errno.name(errno) + " (" + errno + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The system call (and option) that failed. */
    public String call() {
        return call;
    }

    /** The errno value, positive. */
    public int errno() {
        return errno;
    }

    /** The symbolic errno name, e.g. {@code "EEXIST"}, or {@code "errno 123"} for one not in {@link Errno}. */
    public String errnoName() {
        return Errno.name(errno);
    }
}
