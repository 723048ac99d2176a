package io.vipkeeper.agent.vrrp.wire;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * One VRRP advertisement as an immutable value: the fields of RFC 9568 §5.2 (VRRPv3) or RFC 3768 §5.3 (VRRPv2).
 *
 * <p>The checksum is not a field: {@link AdvertisementCodec#encode} computes it, and the receive validation
 * verifies it over the received bytes (it depends on the IP header and the instance's {@link ChecksumMode}).
 * The 4 reserved bits of VRRPv3 (RFC 9568 §5.2.6) are not kept: they are ignored on receive and sent as zero.
 *
 * @param version VRRP version (4 bits)
 * @param family the address family of the carrying IP header, which fixes the address size (RFC 9568 §5.2.9)
 * @param type the Type field (4 bits); 1 = ADVERTISEMENT, the only type defined (RFC 9568 §5.2.2)
 * @param virtualRouterId VRID 1..255 (0 is representable on the wire and rejected by validation as unknown)
 * @param priority 0..255; 255 = address owner, 0 = the master is stopping (RFC 9568 §5.2.4)
 * @param interval the advertisement interval in the version's wire unit: centiseconds 0..4095 for VRRPv3
 *     (12 bits, RFC 9568 §5.2.7), whole seconds 0..255 for VRRPv2 (8 bits, RFC 3768 §5.3.7)
 * @param addresses the IPvX addresses, all of {@code family}; the Count field is their number (0..255)
 * @param authType VRRPv2 Auth Type (RFC 3768 §5.3.6); always 0 for VRRPv3, which has no such field
 * @param authData VRRPv2 Authentication Data, 8 bytes big-endian (RFC 3768 §5.3.10); 0 for VRRPv3
 */
public record Advertisement(
        VrrpVersion version,
        AddressFamily family,
        int type,
        int virtualRouterId,
        int priority,
        int interval,
        List<InetAddress> addresses,
        int authType,
        long authData) {

    /** Type value of an ADVERTISEMENT, the only type RFC 9568 §5.2.2 and RFC 3768 §5.3.2 define. */
    public static final int TYPE_ADVERTISEMENT = 1;

    /** Checks ranges and families; a value that cannot be put on the wire cannot be built. */
    public Advertisement {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(family, "family");
        addresses = List.copyOf(addresses);
        if (type < 0 || type > 15) {
            throw new IllegalArgumentException("type must fit 4 bits: " + type);
        }
        if (virtualRouterId < 0 || virtualRouterId > 255) {
            throw new IllegalArgumentException("VRID must fit 8 bits: " + virtualRouterId);
        }
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority must fit 8 bits: " + priority);
        }
        int maxInterval = version == VrrpVersion.V3 ? 0xfff : 0xff;
        if (interval < 0 || interval > maxInterval) {
            throw new IllegalArgumentException("interval out of range for " + version + ": " + interval);
        }
        if (addresses.size() > 255) {
            throw new IllegalArgumentException("at most 255 addresses: " + addresses.size());
        }
        for (InetAddress a : addresses) {
            if (!family.contains(a)) {
                throw new IllegalArgumentException("address " + a + " is not " + family);
            }
        }
        if (version == VrrpVersion.V2 && family != AddressFamily.IPV4) {
            throw new IllegalArgumentException("VRRPv2 is IPv4 only (RFC 3768)");
        }
        if (version == VrrpVersion.V3 && (authType != 0 || authData != 0)) {
            throw new IllegalArgumentException("VRRPv3 has no authentication fields (RFC 9568 §5.2)");
        }
        if (authType < 0 || authType > 255) {
            throw new IllegalArgumentException("auth type must fit 8 bits: " + authType);
        }
    }

    /** A VRRPv3 advertisement (type 1); {@code intervalCentiseconds} is 0..4095. */
    public static Advertisement v3(AddressFamily family, int virtualRouterId, int priority, int intervalCentiseconds,
            List<InetAddress> addresses) {
        return new Advertisement(VrrpVersion.V3, family, TYPE_ADVERTISEMENT, virtualRouterId, priority,
                intervalCentiseconds, addresses, 0, 0);
    }

    /** A VRRPv2 advertisement (IPv4, type 1); {@code intervalSeconds} is 0..255. */
    public static Advertisement v2(int virtualRouterId, int priority, int intervalSeconds, List<InetAddress> addresses,
            int authType, long authData) {
        return new Advertisement(VrrpVersion.V2, AddressFamily.IPV4, TYPE_ADVERTISEMENT, virtualRouterId, priority,
                intervalSeconds, addresses, authType, authData);
    }

    /** The interval in centiseconds whatever the version (VRRPv2 seconds × 100, RFC 9568 §8.4). */
    public int intervalCentiseconds() {
        return version == VrrpVersion.V2 ? interval * 100 : interval;
    }

    /** The Count IPvX Addr field. */
    public int addressCount() {
        return addresses.size();
    }

    /** The length of this advertisement on the wire in bytes. */
    public int encodedLength() {
        return AdvertisementCodec.encodedLength(version, family, addresses.size());
    }

    /** This advertisement with another priority (for example 0 when the master stops, RFC 9568 §6.4.3). */
    public Advertisement withPriority(int newPriority) {
        return new Advertisement(version, family, type, virtualRouterId, newPriority, interval, addresses, authType,
                authData);
    }
}
