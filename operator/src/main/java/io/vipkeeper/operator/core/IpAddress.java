package io.vipkeeper.operator.core;

import io.vipkeeper.api.Ipv6Text;
import io.vipkeeper.api.v1alpha1.Formats;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address as a number, so that two spellings of one IPv6 address ({@code fd00::10},
 * {@code fd00:0::10}) are the same address. Parsing never resolves a name: the text must be a literal.
 *
 * @param v6    IPv6 (else IPv4)
 * @param value the address as an unsigned number of 32 or 128 bits
 */
public record IpAddress(boolean v6, BigInteger value) implements Comparable<IpAddress> {

    /** Bits of the family: 32 or 128. */
    public int bits() {
        return v6 ? 128 : 32;
    }

    /** "ipv4" or "ipv6", as in instance names. */
    public String family() {
        return v6 ? "ipv6" : "ipv4";
    }

    /**
     * Parses a literal address (no prefix length): dotted decimal IPv4 without leading zeros, or IPv6 without an
     * embedded IPv4 part or zone, as {@link Formats#IP_ADDRESS} describes.
     *
     * @return empty when the text is not such a literal
     */
    public static Optional<IpAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > Formats.IP_ADDRESS_MAX_LENGTH) {
            return Optional.empty();
        }
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
    }

    private static Optional<IpAddress> parseV4(String text) {
        long value = 0;
        int parts = 0;
        int i = 0;
        while (i <= text.length()) {
            int start = i;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || (digits > 1 && text.charAt(start) == '0')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(text, start, i, 10);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
            parts++;
            if (i == text.length()) {
                break;
            }
            if (text.charAt(i) != '.' || parts == 4) {
                return Optional.empty();
            }
            i++;
        }
        return parts == 4 ? Optional.of(new IpAddress(false, BigInteger.valueOf(value))) : Optional.empty();
    }

    private static Optional<IpAddress> parseV6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ':' || Character.digit(c, 16) >= 0)) {
                return Optional.empty(); // no embedded IPv4, no zone, no brackets
            }
        }
        try {
            // ofLiteral (Java 22) never does a DNS lookup
            byte[] bytes = Inet6Address.ofLiteral(text).getAddress();
            if (bytes.length != 16) {
                return Optional.empty(); // an IPv4-mapped literal comes back as IPv4: not one family
            }
            return Optional.of(new IpAddress(true, new BigInteger(1, bytes)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The next address (may leave the family's range; callers bound it). */
    IpAddress next() {
        return new IpAddress(v6, value.add(BigInteger.ONE));
    }

    /** Canonical text: dotted quad, or RFC 5952 (lower case, no leading zeros, longest zero run as "::"). */
    @Override
    public String toString() {
        if (!v6) {
            long v = value.longValue();
            return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        return Ipv6Text.format(groups);
    }

    @Override
    public int compareTo(IpAddress other) {
        int byFamily = Boolean.compare(v6, other.v6);
        return byFamily != 0 ? byFamily : value.compareTo(other.value);
    }
}
