package io.vipkeeper.agent.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/**
 * Offsets and writers for the C structs the sockets use (LP64 Linux: x86_64, aarch64). Written by hand, with the
 * uapi definition next to each, because a layout mistake here is silent.
 */
final class NativeStructs {
    private NativeStructs() {}

    static final ValueLayout.OfShort SHORT_BE = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt INT_BE = JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfLong LONG_UNALIGNED = JAVA_LONG.withByteAlignment(1);

    /** struct sockaddr_in { sa_family_t family; __be16 port; struct in_addr addr; char zero[8]; } */
    static final int SOCKADDR_IN_SIZE = 16;
    /** struct sockaddr_in6 { family; __be16 port; __be32 flowinfo; struct in6_addr addr; __u32 scope_id; } */
    static final int SOCKADDR_IN6_SIZE = 28;
    /** struct sockaddr_nl { family; unsigned short pad; __u32 pid; __u32 groups; } */
    static final int SOCKADDR_NL_SIZE = 12;
    /** struct sockaddr_ll { family; __be16 protocol; int ifindex; u16 hatype; u8 pkttype; u8 halen; u8 addr[8]; } */
    static final int SOCKADDR_LL_SIZE = 20;

    /** struct msghdr { void *name; socklen_t namelen; struct iovec *iov; size_t iovlen; void *control; size_t controllen; int flags; } */
    static final int MSGHDR_SIZE = 56;
    static final long MSG_NAME = 0;
    static final long MSG_NAMELEN = 8;
    static final long MSG_IOV = 16;
    static final long MSG_IOVLEN = 24;
    static final long MSG_CONTROL = 32;
    static final long MSG_CONTROLLEN = 40;
    static final long MSG_FLAGS = 48;
    /** struct iovec { void *base; size_t len; } */
    static final int IOVEC_SIZE = 16;
    /** struct cmsghdr { size_t len; int level; int type; } data follows, aligned to size_t. */
    static final int CMSGHDR_SIZE = 16;

    static int cmsgAlign(int length) {
        return (length + 7) & ~7;
    }

    static int cmsgLen(int dataLength) {
        return CMSGHDR_SIZE + dataLength;
    }

    static int cmsgSpace(int dataLength) {
        return CMSGHDR_SIZE + cmsgAlign(dataLength);
    }

    static void writeSockaddrIn(MemorySegment s, Inet4Address address) {
        s.asSlice(0, SOCKADDR_IN_SIZE).fill((byte) 0);
        s.set(JAVA_SHORT, 0, (short) Libc.AF_INET);
        MemorySegment.copy(address.getAddress(), 0, s, JAVA_BYTE, 4, 4);
    }

    static void writeSockaddrIn6(MemorySegment s, Inet6Address address, int scopeId) {
        s.asSlice(0, SOCKADDR_IN6_SIZE).fill((byte) 0);
        s.set(JAVA_SHORT, 0, (short) Libc.AF_INET6);
        MemorySegment.copy(address.getAddress(), 0, s, JAVA_BYTE, 8, 16);
        s.set(JAVA_INT, 24, scopeId);
    }

    static void writeIovec(MemorySegment iov, MemorySegment base, long length) {
        iov.set(ADDRESS, 0, base);
        iov.set(JAVA_LONG, 8, length);
    }

    static void writeMsghdr(MemorySegment msg, MemorySegment name, int nameLength, MemorySegment iov,
            MemorySegment control, long controlLength) {
        msg.asSlice(0, MSGHDR_SIZE).fill((byte) 0);
        msg.set(ADDRESS, MSG_NAME, name);
        msg.set(JAVA_INT, MSG_NAMELEN, nameLength);
        msg.set(ADDRESS, MSG_IOV, iov);
        msg.set(JAVA_LONG, MSG_IOVLEN, 1L);
        msg.set(ADDRESS, MSG_CONTROL, control);
        msg.set(JAVA_LONG, MSG_CONTROLLEN, controlLength);
    }

    static InetAddress inet4At(MemorySegment s, long offset) {
        byte[] b = new byte[4];
        MemorySegment.copy(s, JAVA_BYTE, offset, b, 0, 4);
        return byAddress(b);
    }

    static InetAddress inet6At(MemorySegment s, long offset) {
        byte[] b = new byte[16];
        MemorySegment.copy(s, JAVA_BYTE, offset, b, 0, 16);
        return byAddress(b);
    }

    static InetAddress byAddress(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 or 16 bytes are always an address", e);
        }
    }
}
