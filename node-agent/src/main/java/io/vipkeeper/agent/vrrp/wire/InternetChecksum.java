package io.vipkeeper.agent.vrrp.wire;

/**
 * The Internet checksum of RFC 1071: the 16-bit one's complement of the one's complement sum of 16-bit words.
 *
 * <p>Pure functions over byte arrays. {@link #sum} gives the unfolded running sum so that a pseudo-header and a
 * message can be summed separately and combined with {@link #finish}, as the VRRPv3 (RFC 9568 §5.2.8) and
 * ICMPv6 (RFC 4443 §2.3) checksums need.
 */
public final class InternetChecksum {
    private InternetChecksum() {}

    /** The checksum of {@code length} bytes from {@code offset}; an odd last byte is padded with zero. */
    public static int checksum(byte[] data, int offset, int length) {
        return finish(sum(0, data, offset, length));
    }

    /**
     * Adds {@code length} bytes from {@code offset} to a running sum, as big-endian 16-bit words (an odd last
     * byte is the high half of a word padded with zero, RFC 1071 §4.1). Only call it with an even length except
     * for the last block of a message.
     */
    public static long sum(long running, byte[] data, int offset, int length) {
        long acc = running;
        int i = offset;
        int end = offset + length;
        for (; i + 1 < end; i += 2) {
            acc += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        if (i < end) {
            acc += (data[i] & 0xff) << 8;
        }
        return acc;
    }

    /** Adds one 16-bit word to a running sum. */
    public static long addWord(long running, int word) {
        return running + (word & 0xffff);
    }

    /** Folds the carries of a running sum into 16 bits and returns its one's complement. */
    public static int finish(long running) {
        long acc = running;
        while ((acc >>> 16) != 0) {
            acc = (acc & 0xffff) + (acc >>> 16);
        }
        return (int) (~acc & 0xffff);
    }

    /**
     * The running sum of a pseudo-header: for IPv4 (RFC 768 layout) source, destination, zero, protocol and the
     * upper-layer length; for IPv6 (RFC 8200 §8.1) source, destination, 32-bit upper-layer length, three zero
     * bytes and the next header. Both reduce to the same sum: the addresses plus protocol plus length.
     */
    public static long pseudoHeaderSum(byte[] source, byte[] destination, int protocol, int upperLayerLength) {
        long acc = sum(0, source, 0, source.length);
        acc = sum(acc, destination, 0, destination.length);
        acc += protocol & 0xff;
        acc += (upperLayerLength >>> 16) & 0xffff;
        acc += upperLayerLength & 0xffff;
        return acc;
    }
}
