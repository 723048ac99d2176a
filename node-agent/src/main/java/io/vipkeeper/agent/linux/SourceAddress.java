package io.vipkeeper.agent.linux;

import java.net.InetAddress;
import java.util.Collection;
import java.util.Optional;

/**
 * Which address of an interface a VRRP router sends its adverts from.
 *
 * <p>RFC 9568 §5.1.1.1: IPv4 adverts carry "the primary IPv4 address of the interface the packet is being sent
 * from"; §5.1.2.1: IPv6 adverts carry "the IPv6 link-local address of the interface". The VIPs themselves must
 * never be chosen (they move), so the caller passes them as {@code exclude}.
 */
public final class SourceAddress {
    private SourceAddress() {}

    /**
     * Chooses the source among an interface's addresses (pure; feed it {@link Rtnetlink#addressesOf}).
     * IPv4: the first address that is not secondary, not a VIP and not host-scoped. IPv6: the first link-local
     * (fe80::/10) address that is not tentative and did not fail DAD.
     */
    public static Optional<InetAddress> choose(Collection<AddressInfo> addresses, int interfaceIndex, boolean ipv6,
            Collection<? extends InetAddress> exclude) {
        for (AddressInfo a : addresses) {
            if (a.interfaceIndex() != interfaceIndex || a.ipv6() != ipv6 || exclude.contains(a.address())) {
                continue;
            }
            if (ipv6) {
                if (a.address().isLinkLocalAddress() && !a.tentative() && !a.dadFailed()) {
                    return Optional.of(a.address());
                }
            } else if (!a.secondary() && a.scope() != AddressInfo.RT_SCOPE_HOST) {
                return Optional.of(a.address());
            }
        }
        return Optional.empty();
    }
}
