package io.vipkeeper.agent.vrrp.wire;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Encodes and decodes VRRP advertisements: VRRPv3 (RFC 9568 §5) for IPv4 and IPv6, VRRPv2 (RFC 3768 §5) for
 * IPv4. Pure and stateless; no exception escapes for any input bytes.
 *
 * <pre>
 * VRRPv3 (RFC 9568 §5.1)                         VRRPv2 (RFC 3768 §5.1)
 * |Ver|Type| VRID | Priority | Count IPvX Addr|  |Ver|Type| VRID | Priority | Count IP Addrs |
 * |rsvd| Max Adver Int (12) |    Checksum    |  | Auth Type | Adver Int |    Checksum     |
 * | IPvX Address(es) ...                      |  | IP Address(es) ...                       |
 *                                                | Authentication Data (8 bytes)            |
 * </pre>
 *
 * <p>{@link #decode} checks only structure (length, version, family, completeness). The protocol rules, in the
 * order of RFC 9568 §7.1, are in {@link ReceiveValidator}.
 */
public final class AdvertisementCodec {
    /** IP protocol number of VRRP (RFC 9568 §5.1.1.4), used in the pseudo-header. */
    public static final int IP_PROTOCOL_VRRP = 112;
    /** Bytes of the fixed header before the address list. */
    public static final int FIXED_HEADER_LENGTH = 8;
    /** Bytes of VRRPv2 authentication data after the address list (RFC 3768 §5.3.10). */
    public static final int V2_AUTH_DATA_LENGTH = 8;
    /** Offset of the checksum field. */
    public static final int CHECKSUM_OFFSET = 6;

    private AdvertisementCodec() {}

    /** Bytes needed for a complete advertisement with {@code count} addresses. */
    public static int encodedLength(VrrpVersion version, AddressFamily family, int count) {
        return FIXED_HEADER_LENGTH + count * family.addressLength()
                + (version == VrrpVersion.V2 ? V2_AUTH_DATA_LENGTH : 0);
    }

    /**
     * Reads an advertisement from {@code length} bytes at {@code offset}, its addresses sized by the carrying IP
     * header's {@code family}. Trailing bytes after a complete packet are ignored (RFC 9568 §7.1 only requires the
     * packet to be complete). Reserved bits are ignored (RFC 9568 §5.2.6). The checksum is not verified here.
     */
    public static DecodeResult decode(byte[] packet, int offset, int length, AddressFamily family) {
        if (packet == null || family == null || offset < 0 || length < 0 || offset > packet.length
                || length > packet.length - offset) {
            return new DecodeResult.Malformed(DropReason.TOO_SHORT, "no bytes in the given range");
        }
        if (length < FIXED_HEADER_LENGTH) {
            return new DecodeResult.Malformed(DropReason.TOO_SHORT, "length " + length + " < 8");
        }
        VrrpVersion version = VrrpVersion.fromWire((packet[offset] >>> 4) & 0x0f);
        if (version == null) {
            return new DecodeResult.Malformed(DropReason.UNSUPPORTED_VERSION,
                    "version " + ((packet[offset] >>> 4) & 0x0f));
        }
        if (version == VrrpVersion.V2 && family != AddressFamily.IPV4) {
            return new DecodeResult.Malformed(DropReason.ADDRESS_FAMILY_MISMATCH, "VRRPv2 over IPv6");
        }
        int count = packet[offset + 3] & 0xff;
        int needed = encodedLength(version, family, count);
        if (length < needed) {
            return new DecodeResult.Malformed(DropReason.TRUNCATED,
                    "count " + count + " needs " + needed + " bytes, got " + length);
        }
        return new DecodeResult.Decoded(read(packet, offset, version, family));
    }

    /** Convenience: {@link #decode(byte[], int, int, AddressFamily)} over the whole array. */
    public static DecodeResult decode(byte[] packet, AddressFamily family) {
        return decode(packet, 0, packet == null ? 0 : packet.length, family);
    }

    /**
     * Reads the fields of a packet already known to be complete for its version and family. Package-private:
     * {@link ReceiveValidator} calls it after its own checks.
     */
    static Advertisement read(byte[] p, int off, VrrpVersion version, AddressFamily family) {
        int type = p[off] & 0x0f;
        int vrid = p[off + 1] & 0xff;
        int priority = p[off + 2] & 0xff;
        int count = p[off + 3] & 0xff;
        int authType = 0;
        int interval;
        if (version == VrrpVersion.V3) {
            // RFC 9568 §5.2.6/§5.2.7: 4 reserved bits, then a 12-bit interval in centiseconds
            interval = ((p[off + 4] & 0x0f) << 8) | (p[off + 5] & 0xff);
        } else {
            // RFC 3768 §5.3.6/§5.3.7: Auth Type, then Adver Int in seconds
            authType = p[off + 4] & 0xff;
            interval = p[off + 5] & 0xff;
        }
        int alen = family.addressLength();
        // List.of(array) is already immutable, so the record's List.copyOf keeps it: one copy, not two
        InetAddress[] read = new InetAddress[count];
        int pos = off + FIXED_HEADER_LENGTH;
        for (int i = 0; i < count; i++, pos += alen) {
            read[i] = address(p, pos, alen);
        }
        List<InetAddress> addresses = List.of(read);
        long authData = 0;
        if (version == VrrpVersion.V2) {
            for (int i = 0; i < V2_AUTH_DATA_LENGTH; i++) {
                authData = (authData << 8) | (p[pos + i] & 0xff);
            }
        }
        return new Advertisement(version, family, type, vrid, priority, interval, addresses, authType, authData);
    }

    private static InetAddress address(byte[] p, int pos, int alen) {
        byte[] raw = new byte[alen];
        System.arraycopy(p, pos, raw, 0, alen);
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            // only thrown for a wrong array length, which alen rules out
            throw new IllegalStateException(e);
        }
    }

    /**
     * Encodes {@code advertisement} with its checksum. {@code source} and {@code destination} are the IP header's
     * addresses, used by the pseudo-header when {@link ChecksumMode#effective} says so (RFC 9568 §5.2.8).
     */
    public static byte[] encode(Advertisement advertisement, InetAddress source, InetAddress destination,
            ChecksumMode mode) {
        byte[] out = new byte[advertisement.encodedLength()];
        encodeInto(advertisement, source, destination, mode, out, 0);
        return out;
    }

    /**
     * Encodes into {@code out} at {@code offset} (for a reusable send buffer) and returns the number of bytes
     * written. Throws {@link IndexOutOfBoundsException} when the buffer is too small: a caller's bug.
     */
    public static int encodeInto(Advertisement a, InetAddress source, InetAddress destination, ChecksumMode mode,
            byte[] out, int offset) {
        int length = a.encodedLength();
        java.util.Objects.checkFromIndexSize(offset, length, out.length);
        out[offset] = (byte) ((a.version().wireValue() << 4) | a.type());
        out[offset + 1] = (byte) a.virtualRouterId();
        out[offset + 2] = (byte) a.priority();
        out[offset + 3] = (byte) a.addressCount();
        if (a.version() == VrrpVersion.V3) {
            out[offset + 4] = (byte) ((a.interval() >>> 8) & 0x0f); // rsvd = 0 (RFC 9568 §5.2.6)
            out[offset + 5] = (byte) a.interval();
        } else {
            out[offset + 4] = (byte) a.authType();
            out[offset + 5] = (byte) a.interval();
        }
        out[offset + 6] = 0;
        out[offset + 7] = 0;
        int pos = offset + FIXED_HEADER_LENGTH;
        for (InetAddress address : a.addresses()) {
            byte[] raw = address.getAddress();
            System.arraycopy(raw, 0, out, pos, raw.length);
            pos += raw.length;
        }
        if (a.version() == VrrpVersion.V2) {
            long data = a.authData();
            for (int i = V2_AUTH_DATA_LENGTH - 1; i >= 0; i--) {
                out[pos + i] = (byte) data;
                data >>>= 8;
            }
        }
        int checksum = checksum(out, offset, length, a.version(), a.family(), source, destination, mode);
        out[offset + CHECKSUM_OFFSET] = (byte) (checksum >>> 8);
        out[offset + CHECKSUM_OFFSET + 1] = (byte) checksum;
        return length;
    }

    /**
     * The checksum over {@code length} bytes of a VRRP message (whatever its checksum field holds, it is counted as
     * zero) plus, when {@link ChecksumMode#effective} says so, the pseudo-header built from the addresses.
     */
    public static int checksum(byte[] message, int offset, int length, VrrpVersion version, AddressFamily family,
            InetAddress source, InetAddress destination, ChecksumMode mode) {
        long sum = 0;
        if (ChecksumMode.effective(version, family, mode) == ChecksumMode.WITH_PSEUDO_HEADER) {
            sum = InternetChecksum.pseudoHeaderSum(source.getAddress(), destination.getAddress(), IP_PROTOCOL_VRRP,
                    length);
        }
        sum = InternetChecksum.sum(sum, message, offset, CHECKSUM_OFFSET);
        sum = InternetChecksum.sum(sum, message, offset + CHECKSUM_OFFSET + 2, length - CHECKSUM_OFFSET - 2);
        return InternetChecksum.finish(sum);
    }

    /**
     * True when the checksum field of the received message matches {@link #checksum} over all {@code length}
     * received bytes (trailing bytes included: a sender that appends them also sums them).
     */
    public static boolean checksumMatches(byte[] message, int offset, int length, VrrpVersion version,
            IpHeaderFacts facts, ChecksumMode mode) {
        int field = ((message[offset + CHECKSUM_OFFSET] & 0xff) << 8) | (message[offset + CHECKSUM_OFFSET + 1] & 0xff);
        return field == checksum(message, offset, length, version, facts.family(), facts.source(),
                facts.destination(), mode);
    }
}
