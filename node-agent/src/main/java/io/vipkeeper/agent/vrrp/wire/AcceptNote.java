package io.vipkeeper.agent.vrrp.wire;

/**
 * Something noteworthy about an accepted advertisement: the RFC says to log it (rate-limited) but not to drop it.
 */
public enum AcceptNote {
    /** VRRPv3 interval differs from the local one; the backup adopts the master's (RFC 9568 §6.4.2, §7.1). */
    INTERVAL_MISMATCH,
    /**
     * The address list differs from the configured one: VRRPv3 SHOULD log (RFC 9568 §7.1); VRRPv2 accepts it only
     * from the owner, priority 255 (RFC 3768 §7.1).
     */
    ADDRESS_LIST_MISMATCH,
    /** VRRPv3: the local router is the owner (priority 255) yet received an advert; log only (erratum 8298). */
    LOCAL_IS_OWNER,

    /**
     * A unicast instance received a unicast advert with TTL / hop limit below 255. RFC 9568 §7.1 requires 255;
     * keepalived 2.2.7 sends IPv6 unicast adverts with hop limit 64, so for interop only the configured-peer check
     * protects unicast instances.
     */
    UNICAST_TTL_BELOW_255,

    /**
     * IPv6: the first address is not link-local, which RFC 9568 §5.2.9 (erratum 8300) asks for. keepalived outside
     * {@code vrrp_strict} sends the configured VIPs as they are (usually global ones) and accepts such adverts, so
     * for interop this is only noted.
     */
    FIRST_IPV6_ADDRESS_NOT_LINK_LOCAL
}
