package io.vipkeeper.agent.vrrp.wire;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;

/**
 * What the receive validation needs to know about the local instance that owns a VRID on one interface and
 * address family. Built once per configuration change, looked up per packet by {@link ReceiveProfileLookup}.
 *
 * @param version the instance's VRRP version
 * @param family the instance's address family
 * @param virtualRouterId 1..255
 * @param addresses the configured virtual addresses (compared as a set with the advert's list, RFC 9568 §7.1)
 * @param localPriority the local priority; 255 = this router owns the addresses
 * @param intervalCentiseconds the configured advertisement interval in centiseconds (a multiple of 100 for v2)
 * @param checksumMode the configured checksum mode (only matters for VRRPv3 over IPv4)
 * @param authType VRRPv2 Auth Type expected (0 = none, 1 = simple text password); 0 for v3
 * @param authData VRRPv2 authentication data expected when {@code authType} is 1 (8 bytes big-endian)
 * @param unicastPeers unicast peers; empty = multicast (any source accepted)
 */
public record ReceiveProfile(
        VrrpVersion version,
        AddressFamily family,
        int virtualRouterId,
        Set<InetAddress> addresses,
        int localPriority,
        int intervalCentiseconds,
        ChecksumMode checksumMode,
        int authType,
        long authData,
        Set<InetAddress> unicastPeers) {

    /** Checks ranges; configuration errors are programming errors here (the operator validates user input). */
    public ReceiveProfile {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(checksumMode, "checksumMode");
        addresses = Set.copyOf(addresses);
        unicastPeers = Set.copyOf(unicastPeers);
        if (virtualRouterId < 1 || virtualRouterId > 255) {
            throw new IllegalArgumentException("VRID must be 1..255: " + virtualRouterId);
        }
        if (localPriority < 1 || localPriority > 255) {
            throw new IllegalArgumentException("local priority must be 1..255: " + localPriority);
        }
        if (version == VrrpVersion.V2 && (intervalCentiseconds % 100 != 0 || intervalCentiseconds < 100
                || intervalCentiseconds > 25500)) {
            throw new IllegalArgumentException("VRRPv2 interval must be whole seconds 1..255: " + intervalCentiseconds);
        }
        if (version == VrrpVersion.V3 && (intervalCentiseconds < 1 || intervalCentiseconds > 4095)) {
            throw new IllegalArgumentException("VRRPv3 interval must be 1..4095 cs: " + intervalCentiseconds);
        }
        if (version == VrrpVersion.V2 && family != AddressFamily.IPV4) {
            throw new IllegalArgumentException("VRRPv2 is IPv4 only (RFC 3768)");
        }
    }

    /** A VRRPv3 profile with the default checksum mode (pseudo-header), no unicast peers. */
    public static ReceiveProfile v3(AddressFamily family, int vrid, Set<InetAddress> addresses, int localPriority,
            int intervalCentiseconds) {
        return new ReceiveProfile(VrrpVersion.V3, family, vrid, addresses, localPriority, intervalCentiseconds,
                ChecksumMode.WITH_PSEUDO_HEADER, 0, 0, Set.of());
    }

    /** A VRRPv2 profile without authentication, no unicast peers. */
    public static ReceiveProfile v2(int vrid, Set<InetAddress> addresses, int localPriority, int intervalSeconds) {
        return new ReceiveProfile(VrrpVersion.V2, AddressFamily.IPV4, vrid, addresses, localPriority,
                intervalSeconds * 100, ChecksumMode.WITHOUT_PSEUDO_HEADER, 0, 0, Set.of());
    }

    /** The same profile with another checksum mode. */
    public ReceiveProfile withChecksumMode(ChecksumMode mode) {
        return new ReceiveProfile(version, family, virtualRouterId, addresses, localPriority, intervalCentiseconds,
                mode, authType, authData, unicastPeers);
    }

    /** The same profile with unicast peers. */
    public ReceiveProfile withUnicastPeers(Set<InetAddress> peers) {
        return new ReceiveProfile(version, family, virtualRouterId, addresses, localPriority, intervalCentiseconds,
                checksumMode, authType, authData, peers);
    }

    /** The same profile with VRRPv2 authentication settings. */
    public ReceiveProfile withAuth(int type, long data) {
        return new ReceiveProfile(version, family, virtualRouterId, addresses, localPriority, intervalCentiseconds,
                checksumMode, type, data, unicastPeers);
    }

    /** The same profile with another local priority. */
    public ReceiveProfile withLocalPriority(int priority) {
        return new ReceiveProfile(version, family, virtualRouterId, addresses, priority, intervalCentiseconds,
                checksumMode, authType, authData, unicastPeers);
    }

    /** The interval in the version's wire unit (centiseconds for v3, seconds for v2). */
    public int wireInterval() {
        return version == VrrpVersion.V2 ? intervalCentiseconds / 100 : intervalCentiseconds;
    }
}
