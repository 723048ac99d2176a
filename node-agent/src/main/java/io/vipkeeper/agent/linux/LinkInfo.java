package io.vipkeeper.agent.linux;

import java.util.HexFormat;

/**
 * A network interface as RTM_NEWLINK describes it.
 *
 * @param index the interface index
 * @param name  IFLA_IFNAME
 * @param flags the {@code IFF_*} flags of struct ifinfomsg
 * @param mac   IFLA_ADDRESS (6 bytes for Ethernet), empty when the link has none (e.g. some tunnels)
 */
public record LinkInfo(int index, String name, int flags, byte[] mac) {
    public static final int IFF_UP = 0x1;
    public static final int IFF_BROADCAST = 0x2;
    public static final int IFF_LOOPBACK = 0x8;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_MULTICAST = 0x1000;
    public static final int IFF_LOWER_UP = 0x10000;

    public LinkInfo {
        mac = mac.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /** Administratively up ({@code ip link set up}). */
    public boolean adminUp() {
        return (flags & IFF_UP) != 0;
    }

    /** Operationally up (IFF_RUNNING: RFC 2863 operstate UP). */
    public boolean running() {
        return (flags & IFF_RUNNING) != 0;
    }

    /** The carrier / lower layer is up (IFF_LOWER_UP). */
    public boolean lowerUp() {
        return (flags & IFF_LOWER_UP) != 0;
    }

    /** Usable for VRRP: administratively up and running. Anything less is an interface fault. */
    public boolean up() {
        return adminUp() && running();
    }

    /** The MAC as aa:bb:cc:dd:ee:ff. */
    public String macString() {
        return HexFormat.ofDelimiter(":").formatHex(mac);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkInfo l && l.index == index && l.name.equals(name) && l.flags == flags
                && java.util.Arrays.equals(l.mac, mac);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + name.hashCode()) + flags;
    }

    @Override
    public String toString() {
        return "LinkInfo[index=" + index + ", name=" + name + ", flags=0x" + Integer.toHexString(flags) + ", mac="
                + macString() + "]";
    }
}
