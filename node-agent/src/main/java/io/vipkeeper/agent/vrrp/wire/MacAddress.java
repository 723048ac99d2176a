package io.vipkeeper.agent.vrrp.wire;

import java.util.HexFormat;

/**
 * A 48-bit Ethernet MAC address as an immutable value (the low 48 bits of {@code value}).
 *
 * @param value the address, most significant byte first
 */
public record MacAddress(long value) {
    /** ff:ff:ff:ff:ff:ff. */
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);

    /** Checks that the value fits 48 bits. */
    public MacAddress {
        if ((value & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("a MAC address has 48 bits: " + Long.toHexString(value));
        }
    }

    /** From 6 bytes. */
    public static MacAddress of(byte[] bytes) {
        if (bytes.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, got " + bytes.length);
        }
        long v = 0;
        for (byte b : bytes) {
            v = (v << 8) | (b & 0xff);
        }
        return new MacAddress(v);
    }

    /** From the usual text form {@code 02:00:5e:10:00:01} (':' or '-' separated). */
    public static MacAddress parse(String text) {
        String hex = text.replace(":", "").replace("-", "");
        if (hex.length() != 12) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        return of(HexFormat.of().parseHex(hex));
    }

    /**
     * The virtual router MAC of RFC 9568 §7.3: 00-00-5E-00-01-{VRID} for IPv4, 00-00-5E-00-02-{VRID} for IPv6.
     */
    public static MacAddress virtualRouter(AddressFamily family, int virtualRouterId) {
        if (virtualRouterId < 1 || virtualRouterId > 255) {
            throw new IllegalArgumentException("VRID must be 1..255: " + virtualRouterId);
        }
        long base = family == AddressFamily.IPV4 ? 0x00005e000100L : 0x00005e000200L;
        return new MacAddress(base | virtualRouterId);
    }

    /** The 6 bytes. */
    public byte[] bytes() {
        byte[] out = new byte[6];
        writeTo(out, 0);
        return out;
    }

    /** Writes the 6 bytes at {@code offset}. */
    public void writeTo(byte[] out, int offset) {
        for (int i = 0; i < 6; i++) {
            out[offset + i] = (byte) (value >>> (8 * (5 - i)));
        }
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes());
    }
}
