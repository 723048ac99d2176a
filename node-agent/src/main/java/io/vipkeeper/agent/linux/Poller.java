package io.vipkeeper.agent.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Waits on several of our descriptors at once — VRRP sockets and an rtnetlink monitor — plus a wake-up
 * eventfd, with a nanosecond timeout ({@code ppoll}), so that ONE thread can own every socket and every timer
 * of the agent (earliest deadline first) and still be woken by other threads (checks, reload, shutdown).
 *
 * <p>Only the owning thread calls {@link #register}, {@link #await} and {@link #isReadable}; {@link #wakeup}
 * is safe from any thread. Nothing is allocated per wait.
 */
public final class Poller implements AutoCloseable {
    private static final int MAX_SOURCES = 1024;

    private final Arena arena = Arena.ofShared();
    private final MemorySegment pollFds = arena.allocate(8L * (MAX_SOURCES + 1), 8);
    private final MemorySegment timespec = arena.allocate(16, 8);
    private final MemorySegment eventValue = arena.allocate(JAVA_LONG);
    private final MemorySegment wakeValue = arena.allocate(JAVA_LONG);
    private final int wakeFd;
    /** Token → descriptor; -1 marks a free slot. Slot 0 of pollFds is the eventfd, token t is slot t + 1. */
    private int[] descriptors = new int[0];
    private volatile boolean closed;

    public Poller() throws ErrnoException {
        this.wakeFd = Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC);
        pollFds.set(JAVA_INT, 0, wakeFd);
        pollFds.set(JAVA_SHORT, 4, Libc.POLLIN);
    }

    /** Watches a VRRP socket; returns its token. */
    public int register(VrrpSocket socket) {
        return register(socket.descriptor());
    }

    /** Watches an rtnetlink monitor; returns its token. */
    public int register(Rtnetlink.Monitor monitor) {
        return register(monitor.descriptor());
    }

    private int register(int fd) {
        int token = -1;
        for (int i = 0; i < descriptors.length; i++) {
            if (descriptors[i] < 0) {
                token = i;
                break;
            }
        }
        if (token < 0) {
            if (descriptors.length == MAX_SOURCES) {
                throw new IllegalStateException("more than " + MAX_SOURCES + " descriptors to poll");
            }
            descriptors = Arrays.copyOf(descriptors, descriptors.length + 1);
            token = descriptors.length - 1;
        }
        descriptors[token] = fd;
        long slot = 8L * (token + 1);
        pollFds.set(JAVA_INT, slot, fd);
        pollFds.set(JAVA_SHORT, slot + 4, Libc.POLLIN);
        pollFds.set(JAVA_SHORT, slot + 6, (short) 0);
        return token;
    }

    /** Stops watching; the token may be handed out again. Call before closing the socket. */
    public void unregister(int token) {
        descriptors[token] = -1;
        long slot = 8L * (token + 1);
        pollFds.set(JAVA_INT, slot, -1); // poll ignores negative descriptors
        pollFds.set(JAVA_SHORT, slot + 6, (short) 0);
    }

    /**
     * Waits until a registered descriptor is readable, {@link #wakeup} is called, or the timeout passes.
     *
     * @param timeoutNanos how long to wait at most; 0 does not wait, a negative value waits without limit
     * @return true when something is readable or a wake-up came; false on timeout (or EINTR)
     */
    public boolean await(long timeoutNanos) throws ErrnoException {
        MemorySegment ts = MemorySegment.NULL;
        if (timeoutNanos >= 0) {
            timespec.set(JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
            timespec.set(JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
            ts = timespec;
        }
        int ready = Libc.ppoll(pollFds, descriptors.length + 1, ts);
        if (ready <= 0) {
            return false; // timeout, or EINTR (a signal): the caller recomputes its deadline either way
        }
        if ((pollFds.get(JAVA_SHORT, 6) & Libc.POLLIN) != 0) {
            Libc.read(wakeFd, eventValue, 8); // non-blocking eventfd: resets the counter
        }
        return true;
    }

    /** True when the last {@link #await} saw this token readable (or in error, so that a read reports it). */
    public boolean isReadable(int token) {
        if (token < 0 || token >= descriptors.length || descriptors[token] < 0) {
            return false;
        }
        short revents = pollFds.get(JAVA_SHORT, 8L * (token + 1) + 6);
        return (revents & (Libc.POLLIN | Libc.POLLERR | Libc.POLLHUP)) != 0;
    }

    /** Makes a current or the next {@link #await} return at once. Safe from any thread. */
    public void wakeup() {
        synchronized (wakeValue) {
            if (closed) {
                return;
            }
            wakeValue.set(JAVA_LONG, 0, 1L);
            try {
                Libc.write(wakeFd, wakeValue, 8);
            } catch (ErrnoException ignored) {
                // EAGAIN: the counter is already non-zero, so the waiter will wake anyway
            }
        }
    }

    @Override
    public void close() {
        synchronized (wakeValue) {
            if (closed) {
                return;
            }
            closed = true;
            Libc.closeQuietly(wakeFd);
        }
        arena.close();
    }
}
