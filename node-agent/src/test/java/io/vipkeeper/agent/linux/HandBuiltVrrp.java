package io.vipkeeper.agent.linux;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Hand-built VRRPv3 advertisements for the socket tests (this layer moves bytes; the real codec lives elsewhere).
 * RFC 9568 §5.2: version 3 / type 1, VRID, priority, address count, 4 reserved bits + 12-bit interval in
 * centiseconds, checksum, addresses. The checksum (§5.2.8) covers an IP pseudo-header for both families.
 */
final class HandBuiltVrrp {
    private HandBuiltVrrp() {}

    static byte[] advert(int vrid, int priority, int intervalCentis, List<InetAddress> addresses) {
        int addressLength = addresses.isEmpty() || !(addresses.getFirst() instanceof Inet6Address) ? 4 : 16;
        ByteBuffer b = ByteBuffer.allocate(8 + addressLength * addresses.size());
        b.put((byte) 0x31);
        b.put((byte) vrid);
        b.put((byte) priority);
        b.put((byte) addresses.size());
        b.putShort((short) (intervalCentis & 0x0fff));
        b.putShort((short) 0);
        for (InetAddress a : addresses) {
            b.put(a.getAddress());
        }
        return b.array();
    }

    /** The advert with its checksum filled in for this source and destination (pseudo-header, protocol 112). */
    static byte[] withChecksum(byte[] advert, InetAddress source, InetAddress destination) {
        byte[] copy = advert.clone();
        copy[6] = 0;
        copy[7] = 0;
        int sum = checksum(copy, source, destination);
        copy[6] = (byte) (sum >> 8);
        copy[7] = (byte) sum;
        return copy;
    }

    /** The Internet checksum (RFC 1071) over pseudo-header + message; 0 when a message with a checksum verifies. */
    static int checksum(byte[] message, InetAddress source, InetAddress destination) {
        byte[] src = source.getAddress();
        byte[] dst = destination.getAddress();
        ByteBuffer pseudo;
        if (src.length == 4) {
            pseudo = ByteBuffer.allocate(12);
            pseudo.put(src).put(dst).put((byte) 0).put((byte) 112).putShort((short) message.length);
        } else {
            pseudo = ByteBuffer.allocate(40);
            pseudo.put(src).put(dst).putInt(message.length).put(new byte[3]).put((byte) 112);
        }
        long sum = 0;
        for (byte[] part : new byte[][] {pseudo.array(), message}) {
            for (int i = 0; i < part.length; i += 2) {
                int hi = part[i] & 0xff;
                int lo = i + 1 < part.length ? part[i + 1] & 0xff : 0;
                sum += (hi << 8) | lo;
            }
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
