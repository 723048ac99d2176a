package io.vipkeeper.agent.vrrp.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Splits what a Linux raw IPv4 socket delivers (the IPv4 header, unmodified, then the payload) into
 * {@link IpHeaderFacts} and the location of the VRRP payload. IPv6 raw sockets deliver only the payload, so there
 * is no IPv6 counterpart.
 */
public final class RawIpv4Packet {
    private static final int MIN_HEADER_LENGTH = 20;

    private RawIpv4Packet() {}

    /** The outcome of {@link #split}. */
    public sealed interface SplitResult permits Split, Malformed {}

    /**
     * A well-formed IPv4 packet carrying protocol 112.
     *
     * @param facts source, destination and TTL from the header
     * @param payloadOffset where the VRRP payload starts in the array that was split
     * @param payloadLength the payload's length according to the header's Total Length
     */
    public record Split(IpHeaderFacts facts, int payloadOffset, int payloadLength) implements SplitResult {
        public Split {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** Not a usable IPv4 packet; {@code reason} is always {@link DropReason#MALFORMED_IP_HEADER}. */
    public record Malformed(DropReason reason, String detail) implements SplitResult {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Splits {@code length} bytes at {@code offset}. Never throws for any input. */
    public static SplitResult split(byte[] packet, int offset, int length) {
        if (packet == null || offset < 0 || length < 0 || offset > packet.length || length > packet.length - offset) {
            return malformed("no bytes in the given range");
        }
        if (length < MIN_HEADER_LENGTH) {
            return malformed("length " + length + " < 20");
        }
        int version = (packet[offset] >>> 4) & 0x0f;
        if (version != 4) {
            return malformed("IP version " + version);
        }
        int headerLength = (packet[offset] & 0x0f) * 4;
        if (headerLength < MIN_HEADER_LENGTH || headerLength > length) {
            return malformed("header length " + headerLength + " with " + length + " bytes");
        }
        int totalLength = ((packet[offset + 2] & 0xff) << 8) | (packet[offset + 3] & 0xff);
        if (totalLength < headerLength || totalLength > length) {
            return malformed("total length " + totalLength + " with " + length + " bytes received");
        }
        int flagsAndFragment = ((packet[offset + 6] & 0xff) << 8) | (packet[offset + 7] & 0xff);
        if ((flagsAndFragment & 0x3fff) != 0) {
            // a VRRP advert is far below any MTU; the kernel reassembles anyway, so a fragment here is bogus
            return malformed("fragment (flags/offset 0x" + Integer.toHexString(flagsAndFragment) + ")");
        }
        int protocol = packet[offset + 9] & 0xff;
        if (protocol != AdvertisementCodec.IP_PROTOCOL_VRRP) {
            return malformed("protocol " + protocol + " is not 112");
        }
        int ttl = packet[offset + 8] & 0xff;
        InetAddress source = ipv4(packet, offset + 12);
        InetAddress destination = ipv4(packet, offset + 16);
        return new Split(IpHeaderFacts.ipv4(source, destination, ttl), offset + headerLength,
                totalLength - headerLength);
    }

    private static InetAddress ipv4(byte[] p, int pos) {
        try {
            return InetAddress.getByAddress(new byte[] {p[pos], p[pos + 1], p[pos + 2], p[pos + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a wrong array length
        }
    }

    private static Malformed malformed(String detail) {
        return new Malformed(DropReason.MALFORMED_IP_HEADER, detail);
    }
}
