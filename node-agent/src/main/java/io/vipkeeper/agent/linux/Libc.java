package io.vipkeeper.agent.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Downcalls into the C library with {@code java.lang.foreign}: the handful of system calls the agent needs.
 *
 * <p>Every call captures {@code errno} ({@link Linker.Option#captureCallState}) into a per-thread segment that is
 * allocated once per thread, so a call allocates nothing. A failing call throws {@link ErrnoException} naming
 * the call; {@code EINTR} is retried where the call is safe to repeat.
 *
 * <p>Pointers are {@link MemorySegment}s the caller owns (sockets keep theirs for their whole life). Constants
 * are Linux's generic values (x86_64, aarch64).
 */
public final class Libc {
    private Libc() {}

    // socket domains, types
    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int AF_NETLINK = 16;
    public static final int AF_PACKET = 17;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;

    // protocol numbers and option levels
    public static final int IPPROTO_IP = 0;
    public static final int IPPROTO_IPV6 = 41;
    /** VRRP's IP protocol number (RFC 9568 §5.1.1.4 / §5.1.2.3). */
    public static final int IPPROTO_VRRP = 112;
    public static final int SOL_SOCKET = 1;
    public static final int SOL_NETLINK = 270;
    public static final int NETLINK_ROUTE = 0;

    // SOL_SOCKET options
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_BINDTODEVICE = 25;

    // IPPROTO_IP options
    public static final int IP_TOS = 1;
    public static final int IP_TTL = 2;
    public static final int IP_PKTINFO = 8;
    public static final int IP_MULTICAST_IF = 32;
    public static final int IP_MULTICAST_TTL = 33;
    public static final int IP_MULTICAST_LOOP = 34;
    public static final int IP_ADD_MEMBERSHIP = 35;
    public static final int IP_DROP_MEMBERSHIP = 36;

    // IPPROTO_IPV6 options
    public static final int IPV6_CHECKSUM = 7;
    public static final int IPV6_UNICAST_HOPS = 16;
    public static final int IPV6_MULTICAST_IF = 17;
    public static final int IPV6_MULTICAST_HOPS = 18;
    public static final int IPV6_MULTICAST_LOOP = 19;
    public static final int IPV6_ADD_MEMBERSHIP = 20;
    public static final int IPV6_DROP_MEMBERSHIP = 21;
    public static final int IPV6_V6ONLY = 26;
    public static final int IPV6_RECVPKTINFO = 49;
    public static final int IPV6_PKTINFO = 50;
    public static final int IPV6_RECVHOPLIMIT = 51;
    public static final int IPV6_HOPLIMIT = 52;

    // SOL_NETLINK options
    public static final int NETLINK_ADD_MEMBERSHIP = 1;

    // message flags
    public static final int MSG_CTRUNC = 0x8;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;

    // poll
    public static final short POLLIN = 0x1;
    public static final short POLLERR = 0x8;
    public static final short POLLHUP = 0x10;
    public static final short POLLNVAL = 0x20;

    // open, eventfd, setns
    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int EFD_NONBLOCK = 0x800;
    public static final int EFD_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    /** One errno capture segment per thread, allocated once: downcalls allocate nothing. */
    private static final ThreadLocal<MemorySegment> CAPTURE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

    private static final MethodHandle SOCKET = bind("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = bind("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETSOCKOPT =
            bind("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKOPT =
            bind("getsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SENDTO =
            bind("sendto", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SENDMSG = bind("sendmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECVMSG = bind("recvmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle POLL = bind("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle PPOLL =
            bind("ppoll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle IF_NAMETOINDEX = bind("if_nametoindex", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle OPEN = bind("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETNS = bind("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle EVENTFD = bind("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle WRITE = bind("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle READ = bind("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));

    @SuppressWarnings("restricted") // native access is granted with --enable-native-access (see package-info)
    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LOOKUP.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(symbol, descriptor, CAPTURE_ERRNO);
    }

    private static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    private static ErrnoException failure(String call, MemorySegment capture) {
        return new ErrnoException(call, errno(capture));
    }

    /** A Throwable from invokeExact is a JVM-level failure (wrong handle type); never an OS error. */
    private static AssertionError linkageBug(Throwable t) {
        return new AssertionError("downcall failed in the JVM", t);
    }

    public static int socket(int domain, int type, int protocol) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        int fd;
        try {
            fd = (int) SOCKET.invokeExact(capture, domain, type, protocol);
        } catch (Throwable t) {
            throw linkageBug(t);
        }
        if (fd < 0) {
            throw failure("socket(" + domain + ", " + type + ", " + protocol + ")", capture);
        }
        return fd;
    }

    public static void bind(int fd, MemorySegment address, int length) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        int rc;
        try {
            rc = (int) BIND.invokeExact(capture, fd, address, length);
        } catch (Throwable t) {
            throw linkageBug(t);
        }
        if (rc < 0) {
            throw failure("bind", capture);
        }
    }

    /** setsockopt with a caller-owned value; {@code what} names the option in an error message. */
    public static void setsockopt(int fd, int level, int option, MemorySegment value, int length, String what)
            throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        int rc;
        try {
            rc = (int) SETSOCKOPT.invokeExact(capture, fd, level, option, value, length);
        } catch (Throwable t) {
            throw linkageBug(t);
        }
        if (rc < 0) {
            throw failure("setsockopt(" + what + ")", capture);
        }
    }

    /** setsockopt of an int option. Allocates a 4-byte scratch segment: for setup, not per packet. */
    public static void setsockoptInt(int fd, int level, int option, int value, String what) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            v.set(JAVA_INT, 0, value);
            setsockopt(fd, level, option, v, 4, what);
        }
    }

    /** getsockopt of an int option (setup and tests). */
    public static int getsockoptInt(int fd, int level, int option, String what) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            MemorySegment len = arena.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, 4);
            MemorySegment capture = CAPTURE.get();
            int rc;
            try {
                rc = (int) GETSOCKOPT.invokeExact(capture, fd, level, option, v, len);
            } catch (Throwable t) {
                throw linkageBug(t);
            }
            if (rc < 0) {
                throw failure("getsockopt(" + what + ")", capture);
            }
            return v.get(JAVA_INT, 0);
        }
    }

    /** sendto; retried on EINTR. Returns the bytes sent. */
    public static long sendto(int fd, MemorySegment buffer, long length, int flags, MemorySegment address,
            int addressLength) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        while (true) {
            long n;
            try {
                n = (long) SENDTO.invokeExact(capture, fd, buffer, length, flags, address, addressLength);
            } catch (Throwable t) {
                throw linkageBug(t);
            }
            if (n >= 0) {
                return n;
            }
            if (errno(capture) != Errno.EINTR) {
                throw failure("sendto", capture);
            }
        }
    }

    /** sendmsg; retried on EINTR. Returns the bytes sent. */
    public static long sendmsg(int fd, MemorySegment msghdr, int flags) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        while (true) {
            long n;
            try {
                n = (long) SENDMSG.invokeExact(capture, fd, msghdr, flags);
            } catch (Throwable t) {
                throw linkageBug(t);
            }
            if (n >= 0) {
                return n;
            }
            if (errno(capture) != Errno.EINTR) {
                throw failure("sendmsg", capture);
            }
        }
    }

    /**
     * recvmsg; retried on EINTR. Returns the bytes received, or -1 when the call would block (EAGAIN with
     * {@link #MSG_DONTWAIT} or a non-blocking socket).
     */
    public static long recvmsg(int fd, MemorySegment msghdr, int flags) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        while (true) {
            long n;
            try {
                n = (long) RECVMSG.invokeExact(capture, fd, msghdr, flags);
            } catch (Throwable t) {
                throw linkageBug(t);
            }
            if (n >= 0) {
                return n;
            }
            int e = errno(capture);
            if (e == Errno.EAGAIN) {
                return -1;
            }
            if (e != Errno.EINTR) {
                throw new ErrnoException("recvmsg", e);
            }
        }
    }

    /**
     * poll over {@code count} pollfd structs (8 bytes each: int fd, short events, short revents). Returns the
     * number of ready descriptors, 0 on timeout. EINTR returns 0 (the caller loops on its own deadline).
     */
    public static int poll(MemorySegment pollfds, int count, int timeoutMillis) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        int n;
        try {
            n = (int) POLL.invokeExact(capture, pollfds, (long) count, timeoutMillis);
        } catch (Throwable t) {
            throw linkageBug(t);
        }
        if (n < 0) {
            if (errno(capture) == Errno.EINTR) {
                return 0;
            }
            throw failure("poll", capture);
        }
        return n;
    }

    /**
     * ppoll: poll with a nanosecond timeout ({@code struct timespec}, or {@link MemorySegment#NULL} to wait without
     * limit) and no signal mask change. Returns the number of ready descriptors, 0 on timeout or EINTR.
     */
    public static int ppoll(MemorySegment pollfds, int count, MemorySegment timespec) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        int n;
        try {
            n = (int) PPOLL.invokeExact(capture, pollfds, (long) count, timespec, MemorySegment.NULL);
        } catch (Throwable t) {
            throw linkageBug(t);
        }
        if (n < 0) {
            if (errno(capture) == Errno.EINTR) {
                return 0;
            }
            throw failure("ppoll", capture);
        }
        return n;
    }

    /** close; an error is reported but the descriptor is gone either way (Linux semantics). */
    public static void close(int fd) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        int rc;
        try {
            rc = (int) CLOSE.invokeExact(capture, fd);
        } catch (Throwable t) {
            throw linkageBug(t);
        }
        if (rc < 0 && errno(capture) != Errno.EINTR) {
            throw failure("close(" + fd + ")", capture);
        }
    }

    /** close that swallows the error: for cleanup paths that already have something to report. */
    public static void closeQuietly(int fd) {
        if (fd < 0) {
            return;
        }
        try {
            close(fd);
        } catch (ErrnoException ignored) {
            // the descriptor is released even when close reports an error
        }
    }

    /** The index of the interface of this name in the calling thread's network namespace. */
    public static int ifNameToIndex(String name) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cName = arena.allocateFrom(name);
            MemorySegment capture = CAPTURE.get();
            int index;
            try {
                index = (int) IF_NAMETOINDEX.invokeExact(capture, cName);
            } catch (Throwable t) {
                throw linkageBug(t);
            }
            if (index == 0) {
                throw failure("if_nametoindex(" + name + ")", capture);
            }
            return index;
        }
    }

    /** open(path, flags) without a mode (never creates a file). */
    public static int open(String path, int flags) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cPath = arena.allocateFrom(path);
            MemorySegment capture = CAPTURE.get();
            int fd;
            try {
                fd = (int) OPEN.invokeExact(capture, cPath, flags);
            } catch (Throwable t) {
                throw linkageBug(t);
            }
            if (fd < 0) {
                throw failure("open(" + path + ")", capture);
            }
            return fd;
        }
    }

    /** setns: moves the CALLING OS THREAD into the namespace behind {@code fd}. */
    public static void setns(int fd, int nsType) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        int rc;
        try {
            rc = (int) SETNS.invokeExact(capture, fd, nsType);
        } catch (Throwable t) {
            throw linkageBug(t);
        }
        if (rc < 0) {
            throw failure("setns", capture);
        }
    }

    /** eventfd(initial, flags): used to wake a thread blocked in poll when a socket is closed. */
    public static int eventfd(int initial, int flags) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        int fd;
        try {
            fd = (int) EVENTFD.invokeExact(capture, initial, flags);
        } catch (Throwable t) {
            throw linkageBug(t);
        }
        if (fd < 0) {
            throw failure("eventfd", capture);
        }
        return fd;
    }

    /** write; retried on EINTR. Returns the bytes written, or -1 on EAGAIN. */
    public static long write(int fd, MemorySegment buffer, long length) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        while (true) {
            long n;
            try {
                n = (long) WRITE.invokeExact(capture, fd, buffer, length);
            } catch (Throwable t) {
                throw linkageBug(t);
            }
            if (n >= 0) {
                return n;
            }
            int e = errno(capture);
            if (e == Errno.EAGAIN) {
                return -1;
            }
            if (e != Errno.EINTR) {
                throw new ErrnoException("write", e);
            }
        }
    }

    /** read; retried on EINTR. Returns the bytes read, or -1 on EAGAIN. */
    public static long read(int fd, MemorySegment buffer, long length) throws ErrnoException {
        MemorySegment capture = CAPTURE.get();
        while (true) {
            long n;
            try {
                n = (long) READ.invokeExact(capture, fd, buffer, length);
            } catch (Throwable t) {
                throw linkageBug(t);
            }
            if (n >= 0) {
                return n;
            }
            int e = errno(capture);
            if (e == Errno.EAGAIN) {
                return -1;
            }
            if (e != Errno.EINTR) {
                throw new ErrnoException("read", e);
            }
        }
    }
}
