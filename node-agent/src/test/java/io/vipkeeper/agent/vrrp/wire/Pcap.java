package io.vipkeeper.agent.vrrp.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A minimal pcap writer (libpcap format: 24-byte global header, 16-byte record headers, link type 1 = Ethernet) so
 * that tshark can decode frames built in tests, plus helpers that wrap a VRRP payload in Ethernet + IP.
 */
final class Pcap {
    private Pcap() {}

    static void write(Path file, List<byte[]> frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer global = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        global.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.write(global.array());
        int second = 1;
        for (byte[] frame : frames) {
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(second++).putInt(0).putInt(frame.length).putInt(frame.length);
            out.write(record.array());
            out.write(frame);
        }
        Files.write(file, out.toByteArray());
    }

    /** Ethernet + IPv4 (TTL from facts, protocol 112, correct header checksum) + payload. */
    static byte[] ipv4Frame(MacAddress source, IpHeaderFacts facts, byte[] payload) {
        byte[] f = new byte[14 + 20 + payload.length];
        multicastMac(facts).writeTo(f, 0);
        source.writeTo(f, 6);
        f[12] = 0x08;
        f[13] = 0x00;
        int ip = 14;
        f[ip] = 0x45;
        f[ip + 1] = (byte) 0xc0;
        int total = 20 + payload.length;
        f[ip + 2] = (byte) (total >>> 8);
        f[ip + 3] = (byte) total;
        f[ip + 8] = (byte) facts.ttl();
        f[ip + 9] = (byte) AdvertisementCodec.IP_PROTOCOL_VRRP;
        System.arraycopy(facts.source().getAddress(), 0, f, ip + 12, 4);
        System.arraycopy(facts.destination().getAddress(), 0, f, ip + 16, 4);
        int c = InternetChecksum.checksum(f, ip, 20);
        f[ip + 10] = (byte) (c >>> 8);
        f[ip + 11] = (byte) c;
        System.arraycopy(payload, 0, f, ip + 20, payload.length);
        return f;
    }

    /** Ethernet + IPv6 (hop limit from facts, next header 112) + payload. */
    static byte[] ipv6Frame(MacAddress source, IpHeaderFacts facts, byte[] payload) {
        byte[] f = new byte[14 + 40 + payload.length];
        multicastMac(facts).writeTo(f, 0);
        source.writeTo(f, 6);
        f[12] = (byte) 0x86;
        f[13] = (byte) 0xdd;
        int ip = 14;
        f[ip] = 0x60;
        f[ip + 4] = (byte) (payload.length >>> 8);
        f[ip + 5] = (byte) payload.length;
        f[ip + 6] = (byte) AdvertisementCodec.IP_PROTOCOL_VRRP;
        f[ip + 7] = (byte) facts.ttl();
        System.arraycopy(facts.source().getAddress(), 0, f, ip + 8, 16);
        System.arraycopy(facts.destination().getAddress(), 0, f, ip + 24, 16);
        System.arraycopy(payload, 0, f, ip + 40, payload.length);
        return f;
    }

    static byte[] frame(MacAddress source, IpHeaderFacts facts, byte[] payload) {
        return facts.family() == AddressFamily.IPV4 ? ipv4Frame(source, facts, payload)
                : ipv6Frame(source, facts, payload);
    }

    private static MacAddress multicastMac(IpHeaderFacts facts) {
        byte[] d = facts.destination().getAddress();
        if (facts.family() == AddressFamily.IPV4) {
            return new MacAddress(0x01005e000000L | ((d[1] & 0x7fL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL));
        }
        return new MacAddress(0x333300000000L | ((d[12] & 0xffL) << 24) | ((d[13] & 0xffL) << 16)
                | ((d[14] & 0xffL) << 8) | (d[15] & 0xffL));
    }
}
