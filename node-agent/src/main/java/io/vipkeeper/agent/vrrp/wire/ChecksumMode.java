package io.vipkeeper.agent.vrrp.wire;

import io.vipkeeper.agent.vrrp.VrrpVersion;

/**
 * Whether the VRRP checksum covers an IP pseudo-header.
 *
 * <p>RFC 3768 §5.3.8 (VRRPv2): the checksum covers the VRRP message only. RFC 9568 §5.2.8 (VRRPv3): the
 * checksum also covers a pseudo-header (RFC 8200 §8.1 for IPv6; for IPv4 the RFC 768-style source, destination,
 * zero, protocol 112, length). For VRRPv3 over IPv4 implementations differ: keepalived and FRR include the IPv4
 * pseudo-header by default, some routers do not (keepalived's {@code v3_checksum_as_v2}), so the mode is a
 * per-instance setting. IPv6 always uses the pseudo-header, VRRPv2 never does; {@link #effective} applies that.
 */
public enum ChecksumMode {
    /** Checksum over the pseudo-header plus the VRRP message (the default for VRRPv3). */
    WITH_PSEUDO_HEADER,
    /** Checksum over the VRRP message only (VRRPv2, or keepalived's {@code v3_checksum_as_v2} for v3 IPv4). */
    WITHOUT_PSEUDO_HEADER;

    /**
     * The mode actually used for a packet of this version and family: VRRPv2 never has a pseudo-header, IPv6
     * always has one; only VRRPv3 over IPv4 honours the configured mode.
     */
    public static ChecksumMode effective(VrrpVersion version, AddressFamily family,
            ChecksumMode configured) {
        if (version == VrrpVersion.V2) {
            return WITHOUT_PSEUDO_HEADER;
        }
        if (family == AddressFamily.IPV6) {
            return WITH_PSEUDO_HEADER;
        }
        return configured;
    }
}
