package io.vipkeeper.agent.vrrp.wire;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What the receive path knows from the IP header that carried a VRRP payload. For IPv4 the Linux raw socket
 * delivers the header itself ({@link RawIpv4Packet#split}); for IPv6 the hop limit and destination come from
 * ancillary data (IPV6_HOPLIMIT, IPV6_PKTINFO) and the source from the socket address.
 *
 * @param family the IP version of the header
 * @param source the source address (the sender's primary address, RFC 9568 §5.1.1.1 / §5.1.2.1)
 * @param destination the destination (224.0.0.18, ff02::12 or a unicast address)
 * @param ttl the IPv4 TTL or the IPv6 hop limit, 0..255
 */
public record IpHeaderFacts(AddressFamily family, InetAddress source, InetAddress destination, int ttl) {

    /** Checks that both addresses belong to {@code family} and the TTL fits 8 bits. */
    public IpHeaderFacts {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (!family.contains(source) || !family.contains(destination)) {
            throw new IllegalArgumentException("addresses must be " + family + ": " + source + " -> " + destination);
        }
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("ttl must fit 8 bits: " + ttl);
        }
    }

    /** Facts for an IPv4 header. */
    public static IpHeaderFacts ipv4(InetAddress source, InetAddress destination, int ttl) {
        return new IpHeaderFacts(AddressFamily.IPV4, source, destination, ttl);
    }

    /** Facts for an IPv6 header. */
    public static IpHeaderFacts ipv6(InetAddress source, InetAddress destination, int hopLimit) {
        return new IpHeaderFacts(AddressFamily.IPV6, source, destination, hopLimit);
    }
}
