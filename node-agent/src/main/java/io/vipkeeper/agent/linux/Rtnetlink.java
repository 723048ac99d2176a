package io.vipkeeper.agent.linux;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A NETLINK_ROUTE socket for requests: install and remove VIPs, read the interfaces and their addresses. For
 * change notifications open a separate {@link #openMonitor() monitor} (events and replies must not share a queue).
 *
 * <p>Address changes are idempotent, as keepalived's are: adding an address that is already there (EEXIST) and
 * removing one that is not (EADDRNOTAVAIL) succeed, so a restarted agent can re-apply its desired state.
 *
 * <p>The socket belongs to the network namespace of the thread that opened it. Methods are synchronized: one
 * request at a time.
 *
 * <p>To follow state without a gap, open the {@link Monitor} first, then dump, then apply events: an event that
 * raced the dump is then seen twice (harmless) instead of never. Removal matches address AND prefix length: an
 * address present with another prefix also answers EADDRNOTAVAIL, which this class reports as "not present".
 */
public final class Rtnetlink implements AddressInstaller, AutoCloseable {
    /** How long to wait for the kernel's answer; it answers in microseconds unless something is very wrong. */
    private static final long REPLY_TIMEOUT_MILLIS = 5_000;
    private static final int BUFFER = 64 * 1024;

    private final NetlinkChannel channel;
    private int seq = 1;

    private Rtnetlink(NetlinkChannel channel) {
        this.channel = channel;
    }

    /** Opens a request socket in the calling thread's network namespace. */
    public static Rtnetlink open() throws LinuxException {
        return new Rtnetlink(NetlinkChannel.open(0));
    }

    /**
     * Opens a socket subscribed to link and IPv4/IPv6 address changes (RTMGRP_LINK, RTMGRP_IPV4_IFADDR,
     * RTMGRP_IPV6_IFADDR) in the calling thread's network namespace.
     */
    public static Monitor openMonitor() throws LinuxException {
        return new Monitor(NetlinkChannel.open(
                NetlinkCodec.RTMGRP_LINK | NetlinkCodec.RTMGRP_IPV4_IFADDR | NetlinkCodec.RTMGRP_IPV6_IFADDR));
    }

    /**
     * Adds an address (a VIP) to an interface. IPv6 addresses get IFA_F_NODAD. Succeeds when it is already there.
     *
     * @return true when the kernel added it, false when it was already present
     */
    @Override
    public synchronized boolean addAddress(int interfaceIndex, InetAddress address, int prefixLength)
            throws LinuxException {
        return changeAddress(true, interfaceIndex, address, prefixLength);
    }

    /**
     * Removes an address from an interface. Succeeds when it is not there.
     *
     * @return true when the kernel removed it, false when it was not present
     */
    @Override
    public synchronized boolean removeAddress(int interfaceIndex, InetAddress address, int prefixLength)
            throws LinuxException {
        return changeAddress(false, interfaceIndex, address, prefixLength);
    }

    /**
     * RTM_NEWADDR or RTM_DELADDR, idempotent: the kernel's "already there" (EEXIST on add) and "not there"
     * (EADDRNOTAVAIL on delete) answers are a success that changed nothing.
     */
    private boolean changeAddress(boolean add, int interfaceIndex, InetAddress address, int prefixLength)
            throws LinuxException {
        int s = nextSeq();
        ByteBuffer out = channel.sendBuffer();
        int length = NetlinkCodec.encodeAddressRequest(out, add, s, interfaceIndex, address, prefixLength);
        int error = channel.requestAck(length, s, REPLY_TIMEOUT_MILLIS);
        if (error == 0) {
            return true;
        }
        if (error == (add ? Errno.EEXIST : Errno.EADDRNOTAVAIL)) {
            return false;
        }
        throw new ErrnoException((add ? "RTM_NEWADDR " : "RTM_DELADDR ") + address.getHostAddress() + "/"
                + prefixLength + " on " + interfaceIndex, error);
    }

    /** All IPv4 and IPv6 addresses of all interfaces. */
    public synchronized List<AddressInfo> dumpAddresses() throws LinuxException {
        int s = nextSeq();
        int length = NetlinkCodec.encodeDumpRequest(channel.sendBuffer(), NetlinkCodec.RTM_GETADDR, Libc.AF_UNSPEC, s);
        List<AddressInfo> result = new ArrayList<>();
        channel.dump(length, s, REPLY_TIMEOUT_MILLIS, m -> {
            if (m.type() == NetlinkCodec.RTM_NEWADDR) {
                result.add(NetlinkCodec.parseAddress(m));
            }
        });
        return result;
    }

    /** The addresses of one interface. */
    public List<AddressInfo> addressesOf(int interfaceIndex) throws LinuxException {
        return dumpAddresses().stream().filter(a -> a.interfaceIndex() == interfaceIndex).toList();
    }

    /** All interfaces. */
    public synchronized List<LinkInfo> dumpLinks() throws LinuxException {
        int s = nextSeq();
        int length = NetlinkCodec.encodeDumpRequest(channel.sendBuffer(), NetlinkCodec.RTM_GETLINK, Libc.AF_UNSPEC, s);
        List<LinkInfo> result = new ArrayList<>();
        channel.dump(length, s, REPLY_TIMEOUT_MILLIS, m -> {
            if (m.type() == NetlinkCodec.RTM_NEWLINK) {
                result.add(NetlinkCodec.parseLink(m));
            }
        });
        return result;
    }

    /** The interface of this name, if any. */
    public Optional<LinkInfo> link(String name) throws LinuxException {
        return dumpLinks().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The interface of this index, if any. */
    public Optional<LinkInfo> link(int index) throws LinuxException {
        return dumpLinks().stream().filter(l -> l.index() == index).findFirst();
    }

    private int nextSeq() {
        seq = seq == Integer.MAX_VALUE ? 1 : seq + 1;
        return seq;
    }

    @Override
    public void close() {
        channel.close();
    }

    /**
     * Link and address change events from the kernel. One thread reads with {@link #next}; {@link #close()} from
     * any thread wakes it.
     */
    public static final class Monitor implements AutoCloseable {
        private final NetlinkChannel channel;

        private Monitor(NetlinkChannel channel) {
            this.channel = channel;
        }

        /**
         * Waits up to {@code timeoutMillis} for the next datagram of events and returns its events (a datagram
         * may carry several). Returns an empty list on timeout or after close; returns
         * {@link RtnetlinkEvent.EventsLost} when the kernel dropped events because the queue overflowed.
         */
        public List<RtnetlinkEvent> next(long timeoutMillis) throws LinuxException {
            return channel.receiveEvents(timeoutMillis);
        }

        public boolean isOpen() {
            return !channel.handle.isClosed();
        }

        /** The descriptor, for {@link Poller}; never closed or read from outside this class. */
        int descriptor() {
            return channel.handle.fd;
        }

        @Override
        public void close() {
            channel.close();
        }
    }

    /** The socket and its buffers; shared by the request socket and the monitor. */
    static final class NetlinkChannel {
        final FileDescriptorHandle handle;
        private final MemorySegment sendSegment;
        private final MemorySegment kernelAddress;
        private final MemorySegment recvMsg;
        private final MemorySegment recvSegment;

        interface MessageHandler {
            void accept(NetlinkCodec.Message message) throws LinuxException;
        }

        private NetlinkChannel(FileDescriptorHandle handle) {
            this.handle = handle;
            sendSegment = handle.arena.allocate(BUFFER, 8);
            kernelAddress = handle.arena.allocate(NativeStructs.SOCKADDR_NL_SIZE, 4);
            kernelAddress.set(JAVA_SHORT, 0, (short) Libc.AF_NETLINK);
            recvSegment = handle.arena.allocate(BUFFER, 8);
            MemorySegment recvIov = handle.arena.allocate(NativeStructs.IOVEC_SIZE, 8);
            MemorySegment recvName = handle.arena.allocate(NativeStructs.SOCKADDR_NL_SIZE, 4);
            recvMsg = handle.arena.allocate(NativeStructs.MSGHDR_SIZE, 8);
            NativeStructs.writeIovec(recvIov, recvSegment, BUFFER);
            NativeStructs.writeMsghdr(recvMsg, recvName, NativeStructs.SOCKADDR_NL_SIZE, recvIov, MemorySegment.NULL, 0);
        }

        static NetlinkChannel open(int groups) throws LinuxException {
            int fd = Libc.socket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Libc.NETLINK_ROUTE);
            FileDescriptorHandle handle = new FileDescriptorHandle(fd);
            try {
                MemorySegment local = handle.arena.allocate(NativeStructs.SOCKADDR_NL_SIZE, 4);
                local.set(JAVA_SHORT, 0, (short) Libc.AF_NETLINK);
                local.set(JAVA_INT, 4, 0); // pid 0: the kernel assigns a port id
                local.set(JAVA_INT, 8, groups);
                Libc.bind(fd, local, NativeStructs.SOCKADDR_NL_SIZE);
                if (groups != 0) {
                    // room for a burst of events (a link flap on a host with many addresses)
                    Libc.setsockoptInt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, 1 << 20, "SO_RCVBUF");
                }
            } catch (LinuxException e) {
                handle.close();
                throw e;
            }
            return new NetlinkChannel(handle);
        }

        ByteBuffer sendBuffer() {
            return sendSegment.asByteBuffer().order(ByteOrder.nativeOrder());
        }

        private void send(int length) throws LinuxException {
            handle.sendLock.lock();
            try {
                if (handle.isClosed()) {
                    throw new LinuxException("netlink socket is closed");
                }
                Libc.sendto(handle.fd, sendSegment, length, 0, kernelAddress, NativeStructs.SOCKADDR_NL_SIZE);
            } finally {
                handle.sendLock.unlock();
            }
        }

        /** Receives one datagram (under receiveLock); returns its length, or -1 on timeout/close. */
        private int receiveDatagram(long deadline) throws LinuxException {
            while (true) {
                if (!handle.awaitReadable(FileDescriptorHandle.millisUntil(deadline))) {
                    if (handle.isClosed() || System.nanoTime() - deadline >= 0) {
                        return -1;
                    }
                    continue;
                }
                recvMsg.set(JAVA_INT, NativeStructs.MSG_NAMELEN, NativeStructs.SOCKADDR_NL_SIZE);
                recvMsg.set(JAVA_INT, NativeStructs.MSG_FLAGS, 0);
                long n = Libc.recvmsg(handle.fd, recvMsg, Libc.MSG_DONTWAIT);
                if (n < 0) {
                    continue;
                }
                if ((recvMsg.get(JAVA_INT, NativeStructs.MSG_FLAGS) & Libc.MSG_TRUNC) != 0) {
                    throw new MalformedNetlinkException("datagram larger than " + BUFFER + " bytes was truncated");
                }
                return (int) n;
            }
        }

        private ByteBuffer received(int length) {
            return recvSegment.asSlice(0, length).asByteBuffer().order(ByteOrder.nativeOrder());
        }

        /** Sends a request with NLM_F_ACK and returns the answer's errno (0 = success). */
        int requestAck(int length, int seq, long timeoutMillis) throws LinuxException {
            handle.receiveLock.lock();
            try {
                send(length);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
                while (true) {
                    int n = receiveDatagram(deadline);
                    if (n < 0) {
                        throw new LinuxException("no netlink answer to request " + seq + " within " + timeoutMillis + " ms");
                    }
                    for (NetlinkCodec.Message m : NetlinkCodec.split(received(n))) {
                        if (m.seq() == seq && m.type() == NetlinkCodec.NLMSG_ERROR) {
                            return NetlinkCodec.errorCode(m);
                        }
                    }
                }
            } finally {
                handle.receiveLock.unlock();
            }
        }

        /** Sends a dump request and hands every message of the answer to the handler, until NLMSG_DONE. */
        void dump(int length, int seq, long timeoutMillis, MessageHandler handler) throws LinuxException {
            handle.receiveLock.lock();
            try {
                send(length);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
                while (true) {
                    int n = receiveDatagram(deadline);
                    if (n < 0) {
                        throw new LinuxException("netlink dump " + seq + " did not finish within " + timeoutMillis + " ms");
                    }
                    for (NetlinkCodec.Message m : NetlinkCodec.split(received(n))) {
                        if (m.seq() != seq) {
                            continue;
                        }
                        switch (m.type()) {
                            case NetlinkCodec.NLMSG_DONE -> {
                                return;
                            }
                            case NetlinkCodec.NLMSG_ERROR -> {
                                int error = NetlinkCodec.errorCode(m);
                                if (error != 0) {
                                    throw new ErrnoException("netlink dump", error);
                                }
                            }
                            default -> handler.accept(m);
                        }
                    }
                }
            } finally {
                handle.receiveLock.unlock();
            }
        }

        List<RtnetlinkEvent> receiveEvents(long timeoutMillis) throws LinuxException {
            handle.receiveLock.lock();
            try {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
                int n;
                try {
                    n = receiveDatagram(deadline);
                } catch (ErrnoException e) {
                    if (e.errno() == Errno.ENOBUFS) {
                        return List.of(new RtnetlinkEvent.EventsLost());
                    }
                    throw e;
                }
                if (n < 0) {
                    return List.of();
                }
                return NetlinkCodec.parseEvents(received(n));
            } finally {
                handle.receiveLock.unlock();
            }
        }

        void close() {
            handle.close();
        }
    }
}
