package io.vipkeeper.agent.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A raw IP protocol 112 socket for one VRRP instance on one interface: IPv4 or IPv6, multicast or unicast.
 *
 * <p>What it sets up, and why:
 * <ul>
 *   <li>{@code SO_BINDTODEVICE}: adverts are link-local business; only packets of this interface are seen.</li>
 *   <li>TTL / Hop Limit 255 for multicast and unicast ({@code IP_MULTICAST_TTL}, {@code IP_TTL},
 *       {@code IPV6_MULTICAST_HOPS}, {@code IPV6_UNICAST_HOPS}): RFC 9568 §5.1.1.3 / §5.1.2.2, and receivers
 *       discard anything else (§7.1), which proves the sender is on the link.</li>
 *   <li>{@code IP_MULTICAST_IF} / {@code IPV6_MULTICAST_IF} to the interface: a namespace or host with no
 *       default route otherwise cannot send to 224.0.0.18.</li>
 *   <li>Multicast loop off: the instance must not hear its own adverts. {@code IP_MULTICAST_ALL} /
 *       {@code IPV6_MULTICAST_ALL} off: only groups this socket joined are delivered to it.</li>
 *   <li>IPv6: {@code IPV6_CHECKSUM} at offset 6, so the kernel computes the VRRP checksum with the IPv6
 *       pseudo-header on send and drops packets with a bad one on receive (RFC 9568 §5.2.8);
 *       {@code IPV6_RECVHOPLIMIT} and {@code IPV6_RECVPKTINFO} to learn hop limit and destination.</li>
 *   <li>IPv4 raw sockets deliver the IP header: TTL, source and destination are read from it. The IPv4 VRRP
 *       checksum is the caller's (the codec's) to compute.</li>
 *   <li>Source address: the socket is NOT bound to an address (a raw socket bound to a unicast address only
 *       receives packets sent to that address, so it would miss 224.0.0.18 / ff02::12). Instead every send
 *       carries an {@code IP_PKTINFO} / {@code IPV6_PKTINFO} control message with the source address and the
 *       interface, prebuilt once. The source must be an address of the interface: its primary IPv4 address, or
 *       its (non-tentative) IPv6 link-local address (RFC 9568 §5.1.1.1, §5.1.2.1); see {@link SourceAddress}.</li>
 *   <li>Unicast peers: {@link #acceptOnlyFrom} makes {@link #receive} drop packets from any other source and
 *       count them in {@link Counters#ignoredFromUnknownSource()}; keepalived does the same in unicast mode.</li>
 * </ul>
 *
 * <p>Threading: one thread may send while another receives. {@link #close()} from any thread wakes a blocked
 * {@link #receive}. Sending and receiving allocate only the returned record and its addresses: all native
 * memory (message headers, control buffers, packet buffers) is allocated once when the socket is opened.
 */
public final class VrrpSocket implements VrrpTransport {
    /** RFC 9568 §5.1.1.2: the IPv4 multicast address VRRP is sent to. */
    public static final InetAddress IPV4_GROUP = NativeStructs.byAddress(new byte[] {(byte) 224, 0, 0, 18});
    /** RFC 9568 §5.1.2.2: the IPv6 multicast address VRRP is sent to (ff02::12). */
    public static final InetAddress IPV6_GROUP = NativeStructs.byAddress(
            new byte[] {(byte) 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12});

    private static final int TTL = 255;
    /** IPTOS_PREC_INTERNETCONTROL, as routers (and keepalived) mark control traffic. */
    private static final int TOS_INTERNET_CONTROL = 0xc0;
    private static final int IPV6_TCLASS = 67;
    /**
     * With the default (1) a raw socket receives every multicast group any socket of the host joined on the
     * interface; 0 limits it to the groups this socket joined, so a unicast-mode socket sees no multicast adverts.
     */
    private static final int IP_MULTICAST_ALL = 49;
    private static final int IPV6_MULTICAST_ALL = 29;
    /** Larger than any VRRP message (RFC 9568: at most 255 IPv6 addresses = 4088 bytes). */
    private static final int SEND_BUFFER = 8192;
    /** A whole IP packet of any MTU fits, so nothing is silently truncated. */
    private static final int RECEIVE_BUFFER = 65536;
    private static final int RECEIVE_CONTROL = 256;
    private static final int VRRP_CHECKSUM_OFFSET = 6;

    private final FileDescriptorHandle handle;
    private final boolean ipv6;
    private final String interfaceName;
    private final int interfaceIndex;
    private final InetAddress source;

    // send side: written only under handle.sendLock
    private final MemorySegment sendMsg;
    private final MemorySegment sendIov;
    private final MemorySegment sendName;
    private final MemorySegment sendControl;
    private final int sendControlLength;
    private final MemorySegment sendBuffer;
    private final ByteBuffer sendView;
    private InetAddress lastDestination;

    // receive side: used only under handle.receiveLock
    private final MemorySegment recvMsg;
    private final MemorySegment recvName;
    private final MemorySegment recvControl;
    private final MemorySegment recvBuffer;
    /** Receive-side caches: the same peers send again and again, so their InetAddress objects are reused. */
    private final AddressCache sourceCache = new AddressCache();
    private final AddressCache destinationCache = new AddressCache();
    private ByteBuffer lastTarget;
    private MemorySegment lastTargetSegment;

    private volatile Set<InetAddress> acceptedSources = Set.of();
    private final LongAdder sent = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder ignoredFromUnknownSource = new LongAdder();
    private final LongAdder malformed = new LongAdder();

    /** What the socket has counted since it was opened. */
    public record Counters(long sent, long received, long ignoredFromUnknownSource, long malformed) {}

    private VrrpSocket(FileDescriptorHandle handle, boolean ipv6, String interfaceName, int interfaceIndex,
            InetAddress source) {
        this.handle = handle;
        this.ipv6 = ipv6;
        this.interfaceName = interfaceName;
        this.interfaceIndex = interfaceIndex;
        this.source = source;
        Arena arena = handle.arena;
        sendMsg = arena.allocate(NativeStructs.MSGHDR_SIZE, 8);
        sendIov = arena.allocate(NativeStructs.IOVEC_SIZE, 8);
        sendName = arena.allocate(NativeStructs.SOCKADDR_IN6_SIZE, 8);
        sendBuffer = arena.allocate(SEND_BUFFER, 8);
        sendView = sendBuffer.asByteBuffer();
        recvMsg = arena.allocate(NativeStructs.MSGHDR_SIZE, 8);
        MemorySegment recvIov = arena.allocate(NativeStructs.IOVEC_SIZE, 8);
        recvName = arena.allocate(NativeStructs.SOCKADDR_IN6_SIZE, 8);
        recvControl = arena.allocate(RECEIVE_CONTROL, 8);
        recvBuffer = arena.allocate(RECEIVE_BUFFER, 8);
        NativeStructs.writeIovec(recvIov, recvBuffer, RECEIVE_BUFFER);
        NativeStructs.writeMsghdr(recvMsg, recvName, NativeStructs.SOCKADDR_IN6_SIZE, recvIov, recvControl,
                RECEIVE_CONTROL);

        // The source-address control message never changes: build it once.
        if (ipv6) {
            // struct in6_pktinfo { struct in6_addr addr; int ifindex; }
            sendControlLength = NativeStructs.cmsgSpace(20);
            sendControl = arena.allocate(sendControlLength, 8);
            sendControl.set(JAVA_LONG, 0, NativeStructs.cmsgLen(20));
            sendControl.set(JAVA_INT, 8, Libc.IPPROTO_IPV6);
            sendControl.set(JAVA_INT, 12, Libc.IPV6_PKTINFO);
            MemorySegment.copy(source.getAddress(), 0, sendControl, JAVA_BYTE, 16, 16);
            sendControl.set(JAVA_INT, 32, interfaceIndex);
        } else {
            // struct in_pktinfo { int ifindex; struct in_addr spec_dst; struct in_addr addr; }
            sendControlLength = NativeStructs.cmsgSpace(12);
            sendControl = arena.allocate(sendControlLength, 8);
            sendControl.set(JAVA_LONG, 0, NativeStructs.cmsgLen(12));
            sendControl.set(JAVA_INT, 8, Libc.IPPROTO_IP);
            sendControl.set(JAVA_INT, 12, Libc.IP_PKTINFO);
            sendControl.set(JAVA_INT, 16, interfaceIndex);
            MemorySegment.copy(source.getAddress(), 0, sendControl, JAVA_BYTE, 20, 4);
        }
        NativeStructs.writeIovec(sendIov, sendBuffer, 0);
        NativeStructs.writeMsghdr(sendMsg, sendName,
                ipv6 ? NativeStructs.SOCKADDR_IN6_SIZE : NativeStructs.SOCKADDR_IN_SIZE, sendIov, sendControl,
                sendControlLength);
    }

    /**
     * Opens a VRRP socket on an interface of the calling thread's network namespace. The family is the source
     * address's. Does not join the multicast group: call {@link #joinMulticastGroup()} in multicast mode.
     *
     * @param interfaceName the interface the instance runs on
     * @param source        the source address of sent adverts: the interface's primary IPv4 address, or its
     *                      IPv6 link-local address (see {@link SourceAddress#choose})
     */
    public static VrrpSocket open(String interfaceName, InetAddress source) throws LinuxException {
        boolean ipv6 = source instanceof Inet6Address;
        int index = Libc.ifNameToIndex(interfaceName);
        int fd = Libc.socket(ipv6 ? Libc.AF_INET6 : Libc.AF_INET, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC,
                Libc.IPPROTO_VRRP);
        FileDescriptorHandle handle = new FileDescriptorHandle(fd);
        VrrpSocket socket = new VrrpSocket(handle, ipv6, interfaceName, index, source);
        try {
            socket.configure();
        } catch (LinuxException | RuntimeException e) {
            handle.close();
            throw e;
        }
        return socket;
    }

    private void configure() throws LinuxException {
        int fd = handle.fd;
        try (Arena arena = Arena.ofConfined()) {
            byte[] name = interfaceName.getBytes(StandardCharsets.US_ASCII);
            MemorySegment device = arena.allocate(name.length + 1);
            MemorySegment.copy(name, 0, device, JAVA_BYTE, 0, name.length);
            Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_BINDTODEVICE, device, name.length + 1,
                    "SO_BINDTODEVICE " + interfaceName);
            if (ipv6) {
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_CHECKSUM, VRRP_CHECKSUM_OFFSET, "IPV6_CHECKSUM");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_MULTICAST_IF, interfaceIndex, "IPV6_MULTICAST_IF");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_MULTICAST_HOPS, TTL, "IPV6_MULTICAST_HOPS");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_UNICAST_HOPS, TTL, "IPV6_UNICAST_HOPS");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, IPV6_TCLASS, TOS_INTERNET_CONTROL, "IPV6_TCLASS");
                try {
                    Libc.setsockoptInt(fd, Libc.IPPROTO_IPV6, IPV6_MULTICAST_ALL, 0, "IPV6_MULTICAST_ALL");
                } catch (ErrnoException e) {
                    // kernels before 4.20 lack it: a unicast socket may then also see ff02::12 traffic, which
                    // acceptOnlyFrom filters out
                    if (e.errno() != Errno.ENOPROTOOPT) {
                        throw e;
                    }
                }
            } else {
                // struct ip_mreqn { struct in_addr multiaddr; struct in_addr address; int ifindex; }
                MemorySegment mreqn = arena.allocate(12, 4);
                MemorySegment.copy(source.getAddress(), 0, mreqn, JAVA_BYTE, 4, 4);
                mreqn.set(JAVA_INT, 8, interfaceIndex);
                Libc.setsockopt(fd, Libc.IPPROTO_IP, Libc.IP_MULTICAST_IF, mreqn, 12, "IP_MULTICAST_IF");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_MULTICAST_TTL, TTL, "IP_MULTICAST_TTL");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_TTL, TTL, "IP_TTL");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_TOS, TOS_INTERNET_CONTROL, "IP_TOS");
                Libc.setsockoptInt(fd, Libc.IPPROTO_IP, IP_MULTICAST_ALL, 0, "IP_MULTICAST_ALL");
            }
        }
    }

    /** Joins 224.0.0.18 or ff02::12 on the interface (multicast mode; RFC 9568 §5.1.1.2 / §5.1.2.2). */
    public void joinMulticastGroup() throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            if (ipv6) {
                // struct ipv6_mreq { struct in6_addr multiaddr; int ifindex; }
                MemorySegment mreq = arena.allocate(20, 4);
                MemorySegment.copy(IPV6_GROUP.getAddress(), 0, mreq, JAVA_BYTE, 0, 16);
                mreq.set(JAVA_INT, 16, interfaceIndex);
                Libc.setsockopt(handle.fd, Libc.IPPROTO_IPV6, Libc.IPV6_ADD_MEMBERSHIP, mreq, 20,
                        "IPV6_ADD_MEMBERSHIP ff02::12 on " + interfaceName);
            } else {
                MemorySegment mreqn = arena.allocate(12, 4);
                MemorySegment.copy(IPV4_GROUP.getAddress(), 0, mreqn, JAVA_BYTE, 0, 4);
                MemorySegment.copy(source.getAddress(), 0, mreqn, JAVA_BYTE, 4, 4);
                mreqn.set(JAVA_INT, 8, interfaceIndex);
                Libc.setsockopt(handle.fd, Libc.IPPROTO_IP, Libc.IP_ADD_MEMBERSHIP, mreqn, 12,
                        "IP_ADD_MEMBERSHIP 224.0.0.18 on " + interfaceName);
            }
        }
    }

    /**
     * Unicast mode: accept only packets whose source is one of these addresses; others are dropped inside
     * {@link #receive} and counted in {@link Counters#ignoredFromUnknownSource()}. An empty collection accepts
     * every source (multicast mode).
     */
    public void acceptOnlyFrom(Collection<? extends InetAddress> peers) {
        acceptedSources = Set.copyOf(peers);
    }

    /** Sends a VRRP message to the multicast group of this socket's family. */
    @Override
    public void sendMulticast(ByteBuffer payload) throws LinuxException {
        send(ipv6 ? IPV6_GROUP : IPV4_GROUP, payload);
    }

    /**
     * Sends one VRRP message (the bytes between position and limit; the buffer's position is not changed) to a
     * destination: the multicast group, or a unicast peer.
     */
    @Override
    public void send(InetAddress destination, ByteBuffer payload) throws LinuxException {
        if ((destination instanceof Inet6Address) != ipv6) {
            throw new LinuxException("destination " + destination.getHostAddress() + " is not of this socket's family");
        }
        int length = payload.remaining();
        if (length > SEND_BUFFER) {
            throw new LinuxException("VRRP message of " + length + " bytes is larger than " + SEND_BUFFER);
        }
        handle.sendLock.lock();
        try {
            if (handle.isClosed()) {
                throw new LinuxException("VRRP socket on " + interfaceName + " is closed");
            }
            sendView.clear();
            sendView.put(0, payload, payload.position(), length);
            // the destination rarely changes (the group, or the same few peers): rewrite the sockaddr only when
            // it does, so a send allocates nothing (InetAddress.getAddress() copies)
            if (!destination.equals(lastDestination)) {
                if (ipv6) {
                    NativeStructs.writeSockaddrIn6(sendName, (Inet6Address) destination, interfaceIndex);
                } else {
                    NativeStructs.writeSockaddrIn(sendName, (Inet4Address) destination);
                }
                lastDestination = destination;
            }
            sendIov.set(JAVA_LONG, 8, length); // iov_len; the msghdr itself was built once in the constructor
            Libc.sendmsg(handle.fd, sendMsg, 0);
            sent.increment();
        } finally {
            handle.sendLock.unlock();
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for the next acceptable VRRP packet and copies its payload into
     * {@code target} (from index 0; the returned record's payload is a slice of it).
     *
     * @return the packet, or {@code null} on timeout or when the socket is closed (see {@link #isOpen()})
     */
    @Override
    public ReceivedPacket receive(ByteBuffer target, long timeoutMillis) throws LinuxException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        handle.receiveLock.lock();
        try {
            while (true) {
                if (!handle.awaitReadable(FileDescriptorHandle.millisUntil(deadline))) {
                    if (handle.isClosed() || System.nanoTime() - deadline >= 0) {
                        return null;
                    }
                    continue;
                }
                recvMsg.set(JAVA_INT, NativeStructs.MSG_NAMELEN, NativeStructs.SOCKADDR_IN6_SIZE);
                recvMsg.set(JAVA_LONG, NativeStructs.MSG_CONTROLLEN, RECEIVE_CONTROL);
                recvMsg.set(JAVA_INT, NativeStructs.MSG_FLAGS, 0);
                long n = Libc.recvmsg(handle.fd, recvMsg, Libc.MSG_DONTWAIT);
                if (n < 0) {
                    continue;
                }
                if ((recvMsg.get(JAVA_INT, NativeStructs.MSG_FLAGS) & Libc.MSG_TRUNC) != 0) {
                    malformed.increment();
                    continue;
                }
                ReceivedPacket packet = ipv6 ? parseIpv6((int) n, target) : parseIpv4((int) n, target);
                if (packet == null) {
                    continue;
                }
                Set<InetAddress> accepted = acceptedSources;
                if (!accepted.isEmpty() && !accepted.contains(packet.source())) {
                    ignoredFromUnknownSource.increment();
                    continue;
                }
                received.increment();
                return packet;
            }
        } finally {
            handle.receiveLock.unlock();
        }
    }

    /** IPv4 raw sockets hand over the whole IP packet: header fields are read from it. */
    private ReceivedPacket parseIpv4(int n, ByteBuffer target) {
        if (n < 20) {
            malformed.increment();
            return null;
        }
        int versionIhl = recvBuffer.get(JAVA_BYTE, 0) & 0xff;
        int headerLength = (versionIhl & 0x0f) * 4;
        int totalLength = recvBuffer.get(NativeStructs.SHORT_BE, 2) & 0xffff;
        int protocol = recvBuffer.get(JAVA_BYTE, 9) & 0xff;
        if (versionIhl >> 4 != 4 || headerLength < 20 || headerLength > n || protocol != Libc.IPPROTO_VRRP) {
            malformed.increment();
            return null;
        }
        int end = Math.min(n, totalLength < headerLength ? n : totalLength);
        int length = end - headerLength;
        if (length > target.capacity()) {
            malformed.increment();
            return null;
        }
        int ttl = recvBuffer.get(JAVA_BYTE, 8) & 0xff;
        InetAddress src = sourceCache.ipv4(recvBuffer, 12);
        InetAddress dst = destinationCache.ipv4(recvBuffer, 16);
        return new ReceivedPacket(src, dst, ttl, interfaceIndex, copyOut(headerLength, length, target));
    }

    /** IPv6 raw sockets hand over the payload; source from the sockaddr, hop limit and destination from cmsgs. */
    private ReceivedPacket parseIpv6(int n, ByteBuffer target) {
        if (n > target.capacity()) {
            malformed.increment();
            return null;
        }
        InetAddress src = sourceCache.ipv6(recvName, 8);
        int hopLimit = -1;
        InetAddress dst = null;
        int arrivedOn = interfaceIndex;
        long controlLength = recvMsg.get(JAVA_LONG, NativeStructs.MSG_CONTROLLEN);
        long offset = 0;
        while (offset + NativeStructs.CMSGHDR_SIZE <= controlLength) {
            long cmsgLen = recvControl.get(JAVA_LONG, offset);
            int level = recvControl.get(JAVA_INT, offset + 8);
            int type = recvControl.get(JAVA_INT, offset + 12);
            if (cmsgLen < NativeStructs.CMSGHDR_SIZE || offset + cmsgLen > controlLength) {
                break;
            }
            long data = offset + NativeStructs.CMSGHDR_SIZE;
            if (level == Libc.IPPROTO_IPV6 && type == Libc.IPV6_HOPLIMIT && cmsgLen >= NativeStructs.cmsgLen(4)) {
                hopLimit = recvControl.get(JAVA_INT, data);
            } else if (level == Libc.IPPROTO_IPV6 && type == Libc.IPV6_PKTINFO
                    && cmsgLen >= NativeStructs.cmsgLen(20)) {
                dst = destinationCache.ipv6(recvControl, data);
                arrivedOn = recvControl.get(JAVA_INT, data + 16);
            }
            offset += NativeStructs.cmsgAlign((int) cmsgLen);
        }
        if (hopLimit < 0 || dst == null) {
            malformed.increment();
            return null;
        }
        return new ReceivedPacket(src, dst, hopLimit, arrivedOn, copyOut(0, n, target));
    }

    private ByteBuffer copyOut(int offset, int length, ByteBuffer target) {
        if (target != lastTarget) {
            lastTarget = target;
            lastTargetSegment = MemorySegment.ofBuffer(target.duplicate().clear());
        }
        target.clear();
        MemorySegment.copy(recvBuffer, JAVA_BYTE, offset, lastTargetSegment, JAVA_BYTE, 0, length);
        return target.slice(0, length);
    }

    /** The last address seen at one place of the packet, reused while the bytes stay the same. */
    private static final class AddressCache {
        private long high;
        private long low;
        private InetAddress address;

        InetAddress ipv4(MemorySegment s, long offset) {
            long bits = s.get(NativeStructs.INT_BE, offset) & 0xffffffffL;
            if (address == null || high != -1 || low != bits) {
                address = NativeStructs.inet4At(s, offset);
                high = -1;
                low = bits;
            }
            return address;
        }

        InetAddress ipv6(MemorySegment s, long offset) {
            long h = s.get(NativeStructs.LONG_UNALIGNED, offset);
            long l = s.get(NativeStructs.LONG_UNALIGNED, offset + 8);
            if (address == null || high != h || low != l || !(address instanceof Inet6Address)) {
                address = NativeStructs.inet6At(s, offset);
                high = h;
                low = l;
            }
            return address;
        }
    }

    /** Counters since open. */
    public Counters counters() {
        return new Counters(sent.sum(), received.sum(), ignoredFromUnknownSource.sum(), malformed.sum());
    }

    public boolean isIpv6() {
        return ipv6;
    }

    public String interfaceName() {
        return interfaceName;
    }

    public int interfaceIndex() {
        return interfaceIndex;
    }

    /** The source address sent adverts carry. */
    public InetAddress source() {
        return source;
    }

    public boolean isOpen() {
        return !handle.isClosed();
    }

    /** The descriptor, for {@link Poller}; never closed or read from outside this class. */
    int descriptor() {
        return handle.fd;
    }

    /** Closes the socket; wakes a thread blocked in {@link #receive}, which then returns null. Idempotent. */
    @Override
    public void close() {
        handle.close();
    }
}
