package io.vipkeeper.agent.vrrp.wire;

/**
 * Why a received packet was discarded. The constants are listed in the order {@link ReceiveValidator} checks
 * them (RFC 9568 §7.1, RFC 3768 §7.1, plus the errata folded into RFC 9568); each has its own counter in
 * {@link ReceiveCounters}.
 */
public enum DropReason {
    /** The raw IPv4 packet's header is not a valid IPv4 header carrying protocol 112 (not a VRRP rule). */
    MALFORMED_IP_HEADER,
    /** Fewer than the 8 fixed bytes of a VRRP header. */
    TOO_SHORT,
    /** IPv4 TTL or IPv6 hop limit is not 255 (RFC 9568 §7.1, RFC 3768 §7.1): the sender is off-link. */
    BAD_TTL,
    /** The Version field is neither 2 nor 3 (RFC 9568 §5.2.1). */
    UNSUPPORTED_VERSION,
    /** The version differs from the local instance's (RFC 9568 §7.1 "version is 3", RFC 3768 §7.1 "is 2"). */
    VERSION_MISMATCH,
    /** Type is not 1 = ADVERTISEMENT (RFC 9568 §5.2.2, §7.1). */
    BAD_TYPE,
    /**
     * The packet's address family does not match its IP header (RFC 9568 §5.2.9): VRRPv2 over IPv6, a profile of
     * the other family, or an IPv6 packet whose length fits IPv4-sized addresses exactly.
     */
    ADDRESS_FAMILY_MISMATCH,
    /** Shorter than the fixed header plus Count addresses (plus v2 auth data) (RFC 9568 §7.1, RFC 3768 §7.1). */
    TRUNCATED,
    /** Checksum does not verify (RFC 9568 §7.1, §5.2.8; RFC 3768 §7.1, §5.3.8). */
    BAD_CHECKSUM,
    /** No instance with this VRID on the receiving interface and family (RFC 9568 §7.1). */
    UNKNOWN_VRID,
    /** Unicast mode and the source is not a configured peer (vipkeeper design §5; keepalived does the same). */
    UNKNOWN_PEER,
    /** VRRPv3 Max Adver Int is 0 (RFC 9568 §5.2.7, erratum 8301: it must be 1..4095). */
    INVALID_INTERVAL,
    /** Count IPvX Addr is 0 (RFC 9568 erratum 8299: ignore such a packet). */
    ZERO_ADDRESS_COUNT,
    /** VRRPv2: the local router is the address owner (priority 255) (RFC 3768 §7.1). */
    LOCAL_IS_OWNER,
    /** VRRPv2: Auth Type differs from the local configuration (RFC 3768 §7.1, §5.3.6). */
    AUTH_TYPE_MISMATCH,
    /** VRRPv2: authentication failed, e.g. a simple-text password that differs (RFC 2338 §5.3.6.1 type 1). */
    AUTH_FAILED,
    /** VRRPv2: Adver Int differs from the local configuration (RFC 3768 §7.1: MUST discard). */
    INTERVAL_MISMATCH,
    /** VRRPv2: the address list differs and the sender is not the owner (RFC 3768 §7.1: MUST drop). */
    ADDRESS_LIST_MISMATCH
}
