package io.vipkeeper.api;

/**
 * The canonical text of an IPv6 address (RFC 5952 §4): lower-case hexadecimal without leading zeros, and the
 * longest run of two or more zero groups written as {@code ::} (the first such run on a tie). One place for the
 * agent's configuration and the operator, so that both print — and compare — addresses the same way.
 */
public final class Ipv6Text {
    private Ipv6Text() {}

    /** The text of an address given as its eight 16-bit groups, most significant first. */
    public static String format(int[] groups) {
        if (groups.length != 8) {
            throw new IllegalArgumentException("an IPv6 address has 8 groups, not " + groups.length);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 §4.2.2: a single zero group is not shortened
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i] & 0xffff));
        }
        return text.toString();
    }

    /** The text of a 16-byte address. */
    public static String format(byte[] address) {
        if (address.length != 16) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + address.length);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        return format(groups);
    }
}
