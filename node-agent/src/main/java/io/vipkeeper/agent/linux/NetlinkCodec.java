package io.vipkeeper.agent.linux;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * rtnetlink messages as bytes: pure encoding and parsing over {@link ByteBuffer}, no sockets. Netlink is in the
 * host's byte order ({@link ByteOrder#nativeOrder()}); every buffer handed in must use it.
 *
 * <p>Layouts (include/uapi/linux/netlink.h, rtnetlink.h, if_addr.h, if_link.h):
 * <pre>
 * struct nlmsghdr  { u32 len; u16 type; u16 flags; u32 seq; u32 pid; }            16 bytes
 * struct ifaddrmsg { u8 family; u8 prefixlen; u8 flags; u8 scope; u32 index; }      8 bytes
 * struct ifinfomsg { u8 family; u8 pad; u16 type; s32 index; u32 flags; u32 change; } 16 bytes
 * struct rtattr    { u16 len; u16 type; } + data, each message and attribute padded to 4 bytes
 * struct nlmsgerr  { s32 error; struct nlmsghdr msg; }   error 0 is an ACK, else -errno
 * </pre>
 */
public final class NetlinkCodec {
    private NetlinkCodec() {}

    public static final int NLMSG_HDRLEN = 16;
    public static final int IFADDRMSG_LEN = 8;
    public static final int IFINFOMSG_LEN = 16;
    public static final int RTA_HDRLEN = 4;

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_MULTI = 0x2;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_DUMP = 0x300;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;

    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int IFA_LABEL = 3;
    public static final int IFA_FLAGS = 8;

    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_IFNAME = 3;

    public static final int RTMGRP_LINK = 0x1;
    public static final int RTMGRP_IPV4_IFADDR = 0x10;
    public static final int RTMGRP_IPV6_IFADDR = 0x100;

    /** Mask off NLA_F_NESTED and NLA_F_NET_BYTEORDER from an attribute type. */
    private static final int NLA_TYPE_MASK = 0x3fff;

    /** One netlink message: the header's fields and a view of its body (what follows the 16-byte header). */
    public record Message(int type, int flags, int seq, int pid, ByteBuffer body) {}

    public static int align(int length) {
        return (length + 3) & ~3;
    }

    /**
     * Encodes RTM_NEWADDR (add, with NLM_F_CREATE|NLM_F_EXCL so a duplicate answers EEXIST) or RTM_DELADDR at
     * the buffer's position; returns the message length. IPv6 adds carry IFA_F_NODAD in IFA_FLAGS: a VIP moving
     * between routers must be usable at once, not after duplicate address detection (keepalived does the same).
     */
    public static int encodeAddressRequest(ByteBuffer out, boolean add, int seq, int interfaceIndex,
            InetAddress address, int prefixLength) {
        boolean ipv6 = address instanceof Inet6Address;
        int maxPrefix = ipv6 ? 128 : 32;
        if (prefixLength < 0 || prefixLength > maxPrefix) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " for " + address);
        }
        int start = out.position();
        int flags = NLM_F_REQUEST | NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_EXCL : 0);
        putHeader(out, 0, add ? RTM_NEWADDR : RTM_DELADDR, flags, seq);
        int ifaFlags = add && ipv6 ? AddressInfo.IFA_F_NODAD : 0;
        out.put((byte) (ipv6 ? Libc.AF_INET6 : Libc.AF_INET));
        out.put((byte) prefixLength);
        out.put((byte) ifaFlags);
        out.put((byte) AddressInfo.RT_SCOPE_UNIVERSE);
        out.putInt(interfaceIndex);
        byte[] raw = address.getAddress();
        putAttribute(out, IFA_LOCAL, raw);
        putAttribute(out, IFA_ADDRESS, raw);
        if (add && ipv6) {
            putIntAttribute(out, IFA_FLAGS, ifaFlags);
        }
        int length = out.position() - start;
        out.putInt(start, length);
        return length;
    }

    /** Encodes a dump request (RTM_GETADDR with ifaddrmsg, or RTM_GETLINK with ifinfomsg) for one family or AF_UNSPEC. */
    public static int encodeDumpRequest(ByteBuffer out, int type, int family, int seq) {
        int start = out.position();
        putHeader(out, 0, type, NLM_F_REQUEST | NLM_F_DUMP, seq);
        int bodyLength = switch (type) {
            case RTM_GETADDR -> IFADDRMSG_LEN;
            case RTM_GETLINK -> IFINFOMSG_LEN;
            default -> throw new IllegalArgumentException("not a dump request type: " + type);
        };
        out.put((byte) family);
        for (int i = 1; i < bodyLength; i++) {
            out.put((byte) 0);
        }
        int length = out.position() - start;
        out.putInt(start, length);
        return length;
    }

    private static void putHeader(ByteBuffer out, int length, int type, int flags, int seq) {
        out.putInt(length);
        out.putShort((short) type);
        out.putShort((short) flags);
        out.putInt(seq);
        out.putInt(0); // pid 0: the message is for the kernel
    }

    private static void putAttribute(ByteBuffer out, int type, byte[] data) {
        out.putShort((short) (RTA_HDRLEN + data.length));
        out.putShort((short) type);
        out.put(data);
        pad(out, RTA_HDRLEN + data.length);
    }

    private static void putIntAttribute(ByteBuffer out, int type, int value) {
        out.putShort((short) (RTA_HDRLEN + 4));
        out.putShort((short) type);
        out.putInt(value);
    }

    private static void pad(ByteBuffer out, int length) {
        for (int i = length; i < align(length); i++) {
            out.put((byte) 0);
        }
    }

    /**
     * Splits a datagram (position..limit) into its netlink messages. Each body is a slice: the caller must parse
     * it before the buffer is reused.
     */
    public static List<Message> split(ByteBuffer datagram) throws MalformedNetlinkException {
        ByteBuffer in = datagram.slice().order(ByteOrder.nativeOrder());
        List<Message> messages = new ArrayList<>();
        int offset = 0;
        while (in.limit() - offset >= NLMSG_HDRLEN) {
            int length = in.getInt(offset);
            if (length < NLMSG_HDRLEN || length > in.limit() - offset) {
                throw new MalformedNetlinkException("nlmsg_len " + length + " with " + (in.limit() - offset) + " bytes left");
            }
            int type = in.getShort(offset + 4) & 0xffff;
            int flags = in.getShort(offset + 6) & 0xffff;
            int seq = in.getInt(offset + 8);
            int pid = in.getInt(offset + 12);
            ByteBuffer body = in.slice(offset + NLMSG_HDRLEN, length - NLMSG_HDRLEN).order(ByteOrder.nativeOrder());
            messages.add(new Message(type, flags, seq, pid, body));
            offset += align(length);
        }
        return messages;
    }

    /** The error of an NLMSG_ERROR body as a positive errno, 0 for an ACK. */
    public static int errorCode(Message message) throws MalformedNetlinkException {
        if (message.type() != NLMSG_ERROR || message.body().limit() < 4) {
            throw new MalformedNetlinkException("not an NLMSG_ERROR with an error code");
        }
        return -message.body().getInt(0);
    }

    /** Parses the body of RTM_NEWLINK / RTM_DELLINK. */
    public static LinkInfo parseLink(Message message) throws MalformedNetlinkException {
        ByteBuffer body = message.body();
        if (body.limit() < IFINFOMSG_LEN) {
            throw new MalformedNetlinkException("ifinfomsg needs 16 bytes, got " + body.limit());
        }
        int index = body.getInt(4);
        int flags = body.getInt(8);
        String name = "";
        byte[] mac = new byte[0];
        int offset = IFINFOMSG_LEN;
        while (body.limit() - offset >= RTA_HDRLEN) {
            int length = body.getShort(offset) & 0xffff;
            int type = body.getShort(offset + 2) & NLA_TYPE_MASK;
            if (length < RTA_HDRLEN || length > body.limit() - offset) {
                throw new MalformedNetlinkException("rta_len " + length + " in link " + index);
            }
            int dataLength = length - RTA_HDRLEN;
            if (type == IFLA_IFNAME) {
                name = cString(body, offset + RTA_HDRLEN, dataLength);
            } else if (type == IFLA_ADDRESS) {
                mac = bytes(body, offset + RTA_HDRLEN, dataLength);
            }
            offset += align(length);
        }
        return new LinkInfo(index, name, flags, mac);
    }

    /** Parses the body of RTM_NEWADDR / RTM_DELADDR. */
    public static AddressInfo parseAddress(Message message) throws MalformedNetlinkException {
        ByteBuffer body = message.body();
        if (body.limit() < IFADDRMSG_LEN) {
            throw new MalformedNetlinkException("ifaddrmsg needs 8 bytes, got " + body.limit());
        }
        int family = body.get(0) & 0xff;
        int prefixLength = body.get(1) & 0xff;
        int flags = body.get(2) & 0xff;
        int scope = body.get(3) & 0xff;
        int index = body.getInt(4);
        int expected = family == Libc.AF_INET6 ? 16 : family == Libc.AF_INET ? 4 : -1;
        if (expected < 0) {
            throw new MalformedNetlinkException("address family " + family);
        }
        byte[] local = null;
        byte[] address = null;
        int offset = IFADDRMSG_LEN;
        while (body.limit() - offset >= RTA_HDRLEN) {
            int length = body.getShort(offset) & 0xffff;
            int type = body.getShort(offset + 2) & NLA_TYPE_MASK;
            if (length < RTA_HDRLEN || length > body.limit() - offset) {
                throw new MalformedNetlinkException("rta_len " + length + " in address on " + index);
            }
            int dataLength = length - RTA_HDRLEN;
            int data = offset + RTA_HDRLEN;
            switch (type) {
                case IFA_LOCAL -> local = addressBytes(body, data, dataLength, expected);
                case IFA_ADDRESS -> address = addressBytes(body, data, dataLength, expected);
                case IFA_FLAGS -> {
                    if (dataLength >= 4) {
                        flags = body.getInt(data);
                    }
                }
                default -> {
                    // IFA_LABEL, IFA_CACHEINFO, IFA_BROADCAST ...: not needed
                }
            }
            offset += align(length);
        }
        // IPv4: IFA_LOCAL is the interface's address, IFA_ADDRESS the peer on point-to-point links.
        // IPv6: IFA_ADDRESS is the address; IFA_LOCAL appears only for point-to-point.
        byte[] chosen = family == Libc.AF_INET ? (local != null ? local : address) : (address != null ? address : local);
        if (chosen == null) {
            throw new MalformedNetlinkException("address message without IFA_LOCAL/IFA_ADDRESS on " + index);
        }
        return new AddressInfo(index, NativeStructs.byAddress(chosen), prefixLength, flags, scope);
    }

    /** Turns the messages of one multicast datagram into events (messages of other types are skipped). */
    public static List<RtnetlinkEvent> parseEvents(ByteBuffer datagram) throws MalformedNetlinkException {
        List<RtnetlinkEvent> events = new ArrayList<>();
        for (Message m : split(datagram)) {
            switch (m.type()) {
                case RTM_NEWLINK -> {
                    LinkInfo link = parseLink(m);
                    events.add(new RtnetlinkEvent.LinkChanged(link.index(), link.name(), link.up(), link));
                }
                case RTM_DELLINK -> {
                    LinkInfo link = parseLink(m);
                    events.add(new RtnetlinkEvent.LinkRemoved(link.index(), link.name()));
                }
                case RTM_NEWADDR -> {
                    AddressInfo a = parseAddress(m);
                    events.add(new RtnetlinkEvent.AddressAdded(a.interfaceIndex(), a.address(), a.prefixLength(), a));
                }
                case RTM_DELADDR -> {
                    AddressInfo a = parseAddress(m);
                    events.add(new RtnetlinkEvent.AddressRemoved(a.interfaceIndex(), a.address(), a.prefixLength(), a));
                }
                default -> {
                    // NLMSG_NOOP, other groups' messages: nothing to report
                }
            }
        }
        return events;
    }

    private static byte[] addressBytes(ByteBuffer body, int offset, int length, int expected)
            throws MalformedNetlinkException {
        if (length != expected) {
            throw new MalformedNetlinkException("address attribute of " + length + " bytes, expected " + expected);
        }
        return bytes(body, offset, length);
    }

    private static byte[] bytes(ByteBuffer body, int offset, int length) {
        byte[] b = new byte[length];
        body.get(offset, b);
        return b;
    }

    private static String cString(ByteBuffer body, int offset, int length) {
        int end = 0;
        while (end < length && body.get(offset + end) != 0) {
            end++;
        }
        byte[] b = new byte[end];
        body.get(offset, b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
