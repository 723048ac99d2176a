package io.vipkeeper.agent.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A socket descriptor with the native memory that lives exactly as long as it, and a clean way to close it while
 * another thread is blocked waiting on it.
 *
 * <p>Closing a descriptor does not wake a thread in {@code poll} on it, and a descriptor number closed under a
 * reader may be reused by an unrelated socket. So readers wait in poll on the socket AND an eventfd; close() marks
 * the handle closed, signals the eventfd, then takes the receive and send locks (waiting for a reader or writer
 * inside a call to leave) before closing both descriptors and freeing the arena.
 */
final class FileDescriptorHandle implements AutoCloseable {
    final int fd;
    private final int wakeFd;
    /** Shared: one thread may send while another receives. Freed in close(), after both locks are held. */
    final Arena arena;
    private final MemorySegment pollFds;
    private final MemorySegment wakeValue;
    final ReentrantLock receiveLock = new ReentrantLock();
    final ReentrantLock sendLock = new ReentrantLock();
    private volatile boolean closed;

    FileDescriptorHandle(int fd) throws ErrnoException {
        int wake;
        try {
            wake = Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC);
        } catch (ErrnoException e) {
            Libc.closeQuietly(fd);
            throw e;
        }
        this.fd = fd;
        this.wakeFd = wake;
        this.arena = Arena.ofShared();
        this.pollFds = arena.allocate(16, 8);
        this.wakeValue = arena.allocate(JAVA_LONG);
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Waits until the socket is readable. Call with {@link #receiveLock} held. Returns false on timeout or when
     * the handle is being closed. A negative timeout waits without limit.
     */
    boolean awaitReadable(int timeoutMillis) throws ErrnoException {
        if (closed) {
            return false;
        }
        pollFds.set(JAVA_INT, 0, fd);
        pollFds.set(JAVA_SHORT, 4, Libc.POLLIN);
        pollFds.set(JAVA_SHORT, 6, (short) 0);
        pollFds.set(JAVA_INT, 8, wakeFd);
        pollFds.set(JAVA_SHORT, 12, Libc.POLLIN);
        pollFds.set(JAVA_SHORT, 14, (short) 0);
        int ready = Libc.poll(pollFds, 2, timeoutMillis);
        if (ready <= 0 || closed) {
            return false;
        }
        return (pollFds.get(JAVA_SHORT, 6) & (Libc.POLLIN | Libc.POLLERR)) != 0;
    }

    /** Milliseconds left until a System.nanoTime() deadline, at least 0, rounded up. */
    static int millisUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left + 999_999));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        wakeValue.set(JAVA_LONG, 0, 1L);
        try {
            Libc.write(wakeFd, wakeValue, 8);
        } catch (ErrnoException ignored) {
            // the reader also re-checks 'closed' on every poll timeout
        }
        receiveLock.lock();
        sendLock.lock();
        try {
            Libc.closeQuietly(fd);
            Libc.closeQuietly(wakeFd);
            arena.close();
        } finally {
            sendLock.unlock();
            receiveLock.unlock();
        }
    }
}
