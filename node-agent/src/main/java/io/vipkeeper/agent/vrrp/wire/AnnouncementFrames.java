package io.vipkeeper.agent.vrrp.wire;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Objects;

/**
 * Builds the Ethernet frames a new master sends to move the virtual addresses to its MAC: a gratuitous ARP per
 * IPv4 address (RFC 9568 §6.4.1 (120), §6.4.2 (380), erratum 7947) and an unsolicited Neighbor Advertisement per
 * IPv6 address (RFC 9568 §6.4.1 (130), §6.4.2 (395); RFC 4861 §7.2.6). Pure: returns bytes ready for an AF_PACKET
 * socket; sending is the Linux layer's job.
 *
 * <p>The MAC is a parameter: the virtual router MAC ({@link MacAddress#virtualRouter}) with a VMAC interface, else
 * the interface's own MAC, which is what keepalived does without {@code use_vmac}.
 */
public final class AnnouncementFrames {
    /** Length of a gratuitous ARP frame (14 Ethernet + 28 ARP); the NIC pads it to the 60-byte minimum. */
    public static final int GRATUITOUS_ARP_LENGTH = 42;
    /** Length of an unsolicited NA frame: 14 Ethernet + 40 IPv6 + 24 NA + 8 target link-layer option. */
    public static final int NEIGHBOR_ADVERTISEMENT_LENGTH = 86;

    private static final int ETHERTYPE_ARP = 0x0806;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int ICMPV6 = 58;
    private static final int ICMPV6_NEIGHBOR_ADVERTISEMENT = 136;
    private static final int NA_LENGTH = 32; // 24 bytes of NA + 8 bytes of option
    private static final byte[] ALL_NODES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    private static final MacAddress ALL_NODES_MAC = new MacAddress(0x3333_0000_0001L); // RFC 2464 §7

    private AnnouncementFrames() {}

    /**
     * A gratuitous ARP request for {@code vip}: broadcast, sender = target = the VIP, sender hardware address =
     * {@code mac}, target hardware address broadcast (as keepalived sends it).
     */
    public static byte[] gratuitousArp(MacAddress mac, Inet4Address vip) {
        Objects.requireNonNull(mac, "mac");
        byte[] ip = vip.getAddress();
        byte[] f = new byte[GRATUITOUS_ARP_LENGTH];
        MacAddress.BROADCAST.writeTo(f, 0);
        mac.writeTo(f, 6);
        putShort(f, 12, ETHERTYPE_ARP);
        putShort(f, 14, 1); // hardware type Ethernet
        putShort(f, 16, 0x0800); // protocol IPv4
        f[18] = 6;
        f[19] = 4;
        putShort(f, 20, 1); // request
        mac.writeTo(f, 22);
        System.arraycopy(ip, 0, f, 28, 4);
        MacAddress.BROADCAST.writeTo(f, 32);
        System.arraycopy(ip, 0, f, 38, 4);
        return f;
    }

    /**
     * An unsolicited Neighbor Advertisement for {@code vip} to all nodes (ff02::1) with hop limit 255 (RFC 4861
     * §7.1.2), flags R=1 S=0 O=1 (RFC 9568 §6.4.1 (130)), the Target Link-Layer Address option carrying
     * {@code mac}, and the ICMPv6 checksum over the IPv6 pseudo-header (RFC 4443 §2.3).
     *
     * @param mac Ethernet source and target link-layer address
     * @param source the IPv6 source: the interface's link-local address (or the VIP itself)
     * @param vip the target address being announced
     */
    public static byte[] unsolicitedNeighborAdvertisement(MacAddress mac, Inet6Address source, Inet6Address vip) {
        Objects.requireNonNull(mac, "mac");
        byte[] src = source.getAddress();
        byte[] f = new byte[NEIGHBOR_ADVERTISEMENT_LENGTH];
        ALL_NODES_MAC.writeTo(f, 0);
        mac.writeTo(f, 6);
        putShort(f, 12, ETHERTYPE_IPV6);
        int ip = 14;
        f[ip] = 0x60; // version 6, traffic class 0, flow label 0
        putShort(f, ip + 4, NA_LENGTH);
        f[ip + 6] = (byte) ICMPV6;
        f[ip + 7] = (byte) 255;
        System.arraycopy(src, 0, f, ip + 8, 16);
        System.arraycopy(ALL_NODES, 0, f, ip + 24, 16);
        int icmp = ip + 40;
        f[icmp] = (byte) ICMPV6_NEIGHBOR_ADVERTISEMENT;
        f[icmp + 1] = 0;
        f[icmp + 4] = (byte) 0xa0; // R=1 (0x80), S=0 (0x40), O=1 (0x20)
        System.arraycopy(vip.getAddress(), 0, f, icmp + 8, 16);
        f[icmp + 24] = 2; // option: Target Link-Layer Address (RFC 4861 §4.6.1)
        f[icmp + 25] = 1; // length in units of 8 bytes
        mac.writeTo(f, icmp + 26);
        long sum = InternetChecksum.pseudoHeaderSum(src, ALL_NODES, ICMPV6, NA_LENGTH);
        int checksum = InternetChecksum.finish(InternetChecksum.sum(sum, f, icmp, NA_LENGTH));
        putShort(f, icmp + 2, checksum);
        return f;
    }

    private static void putShort(byte[] f, int pos, int value) {
        f[pos] = (byte) (value >>> 8);
        f[pos + 1] = (byte) value;
    }
}
