package io.vipkeeper.agent.vrrp.wire;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The IP address family that carries an advertisement. It fixes the size of each address in the VRRP address
 * list: RFC 9568 §5.2.9 says the addresses are IPv4 or IPv6 addresses according to the IP header that carries
 * the packet, never mixed.
 */
public enum AddressFamily {
    /** IPv4: 4-byte addresses, IP protocol 112 with TTL 255 (RFC 9568 §5.1.1). */
    IPV4(4),
    /** IPv6: 16-byte addresses, next header 112 with hop limit 255 (RFC 9568 §5.1.2). */
    IPV6(16);

    private final int addressLength;

    AddressFamily(int addressLength) {
        this.addressLength = addressLength;
    }

    /** Bytes per address in this family. */
    public int addressLength() {
        return addressLength;
    }

    /** The family of an address. */
    public static AddressFamily of(InetAddress address) {
        if (address instanceof Inet4Address) {
            return IPV4;
        }
        if (address instanceof Inet6Address) {
            return IPV6;
        }
        throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + address);
    }

    /** True when the address belongs to this family. */
    public boolean contains(InetAddress address) {
        return this == IPV4 ? address instanceof Inet4Address : address instanceof Inet6Address;
    }
}
