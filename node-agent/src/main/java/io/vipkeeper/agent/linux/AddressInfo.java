package io.vipkeeper.agent.linux;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An address configured on an interface, as RTM_NEWADDR describes it.
 *
 * @param interfaceIndex the interface's index
 * @param address        IFA_LOCAL for IPv4 (IFA_ADDRESS is the peer on point-to-point links), IFA_ADDRESS for IPv6
 * @param prefixLength   ifa_prefixlen
 * @param flags          IFA_FLAGS when present (32 bits), else ifa_flags
 * @param scope          ifa_scope: 0 universe, 253 link, 254 host
 */
public record AddressInfo(int interfaceIndex, InetAddress address, int prefixLength, int flags, int scope) {
    public static final int IFA_F_SECONDARY = 0x01;
    public static final int IFA_F_NODAD = 0x02;
    public static final int IFA_F_DADFAILED = 0x08;
    public static final int IFA_F_TENTATIVE = 0x40;
    public static final int IFA_F_PERMANENT = 0x80;
    public static final int RT_SCOPE_UNIVERSE = 0;
    public static final int RT_SCOPE_LINK = 253;
    public static final int RT_SCOPE_HOST = 254;

    public boolean ipv6() {
        return address instanceof Inet6Address;
    }

    /** IPv6 duplicate address detection has not finished: the address cannot be bound or used as a source. */
    public boolean tentative() {
        return (flags & IFA_F_TENTATIVE) != 0;
    }

    /** An IPv4 address that is not the first one of its subnet on the interface. */
    public boolean secondary() {
        return (flags & IFA_F_SECONDARY) != 0;
    }

    public boolean dadFailed() {
        return (flags & IFA_F_DADFAILED) != 0;
    }
}
