package io.vipkeeper.agent.linux;

/**
 * A failure of the Linux glue: a system call that failed ({@link ErrnoException}), a kernel answer that could
 * not be understood, an interface that does not exist, a timeout waiting for the kernel.
 *
 * <p>Checked on purpose: every caller of the OS layer has to decide what a failed send, bind or address
 * install means for its VRRP instance (usually: FAULT, or retry on the next timer).
 */
public class LinuxException extends Exception {
    private static final long serialVersionUID = 1L;

    public LinuxException(String message) {
        super(message);
    }

    public LinuxException(String message, Throwable cause) {
        super(message, cause);
    }
}
