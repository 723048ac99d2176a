package io.vipkeeper.agent.linux;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * An AF_PACKET socket that sends complete Ethernet frames on one interface: gratuitous ARP (RFC 9568 §6.4.1 /
 * RFC 3768 §6.4.1) and unsolicited Neighbor Advertisements (RFC 9568 §6.4.2) after a VIP moves.
 *
 * <p>Send-only: it is opened with protocol 0, so the kernel delivers no frames to it. The frame (destination
 * MAC, source MAC, EtherType, payload) is built by the caller; the EtherType and destination MAC of the frame
 * also go into the sockaddr_ll. The frame memory is allocated once.
 */
public final class PacketSocket implements FrameSender {
    private static final int ETHERNET_HEADER = 14;
    private static final int MAX_FRAME = 1514;
    private static final int ARPHRD_ETHER = 1;

    private final FileDescriptorHandle handle;
    private final int interfaceIndex;
    private final MemorySegment frame;
    private final ByteBuffer frameView;
    private final MemorySegment link;

    private PacketSocket(FileDescriptorHandle handle, int interfaceIndex) {
        this.handle = handle;
        this.interfaceIndex = interfaceIndex;
        this.frame = handle.arena.allocate(MAX_FRAME, 8);
        this.frameView = frame.asByteBuffer();
        this.link = handle.arena.allocate(NativeStructs.SOCKADDR_LL_SIZE, 4);
    }

    /** Opens a send-only packet socket for an interface of the calling thread's network namespace. */
    public static PacketSocket open(int interfaceIndex) throws LinuxException {
        int fd = Libc.socket(Libc.AF_PACKET, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, 0);
        return new PacketSocket(new FileDescriptorHandle(fd), interfaceIndex);
    }

    /** Sends one frame: the bytes between position and limit (the position is not changed). */
    @Override
    public void send(ByteBuffer ethernetFrame) throws LinuxException {
        int length = ethernetFrame.remaining();
        if (length < ETHERNET_HEADER || length > MAX_FRAME) {
            throw new LinuxException("Ethernet frame of " + length + " bytes (must be 14.." + MAX_FRAME + ")");
        }
        handle.sendLock.lock();
        try {
            if (handle.isClosed()) {
                throw new LinuxException("packet socket on interface " + interfaceIndex + " is closed");
            }
            frameView.clear();
            frameView.put(0, ethernetFrame, ethernetFrame.position(), length);
            // struct sockaddr_ll { u16 family; __be16 protocol; int ifindex; u16 hatype; u8 pkttype; u8 halen; u8 addr[8]; }
            link.fill((byte) 0);
            link.set(JAVA_SHORT, 0, (short) Libc.AF_PACKET);
            link.set(NativeStructs.SHORT_BE, 2, frame.get(NativeStructs.SHORT_BE, 12)); // EtherType of the frame
            link.set(JAVA_INT, 4, interfaceIndex);
            link.set(JAVA_SHORT, 8, (short) ARPHRD_ETHER);
            link.set(JAVA_BYTE, 11, (byte) 6);
            MemorySegment.copy(frame, 0, link, 12, 6);
            Libc.sendto(handle.fd, frame, length, 0, link, NativeStructs.SOCKADDR_LL_SIZE);
        } finally {
            handle.sendLock.unlock();
        }
    }

    public int interfaceIndex() {
        return interfaceIndex;
    }

    @Override
    public void close() {
        handle.close();
    }
}
