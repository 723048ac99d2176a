package io.vipkeeper.agent.linux;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * One VRRP packet as the kernel delivered it, with the IP-layer facts the receive checks of RFC 9568 §7.1 need.
 *
 * @param source         the IP source address (the peer's primary IPv4 address or its IPv6 link-local address)
 * @param destination    the IP destination (224.0.0.18 / ff02::12 in multicast mode, our address in unicast mode)
 * @param ttl            the IPv4 TTL or the IPv6 Hop Limit; RFC 9568 §7.1 (and RFC 3768 §7.1) require 255, which
 *                       is the state machine's check to make, not this layer's
 * @param interfaceIndex the interface the packet arrived on
 * @param payload        the VRRP message (no IP header): a slice of the buffer the caller passed to receive,
 *                       position 0, limit = length
 */
public record ReceivedPacket(InetAddress source, InetAddress destination, int ttl, int interfaceIndex,
        ByteBuffer payload) {}
