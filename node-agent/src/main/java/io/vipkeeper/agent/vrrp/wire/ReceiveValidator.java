package io.vipkeeper.agent.vrrp.wire;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Set;

/**
 * The receive checks of RFC 9568 §7.1 (VRRPv3, with errata 8298–8301) and RFC 3768 §7.1 (VRRPv2) as one ordered
 * list. The first failing check decides the {@link DropReason}; checks that only ask to log become
 * {@link AcceptNote}s on an accepted packet. Pure: no I/O, no clock, no exception for any input bytes.
 *
 * <p>Order (each line is one check):
 * <ol>
 *   <li>at least the 8 fixed bytes ({@link DropReason#TOO_SHORT})</li>
 *   <li>TTL / hop limit = 255 ({@link DropReason#BAD_TTL}) — RFC 9568 §7.1, RFC 3768 §7.1; a unicast instance
 *       receiving on a unicast destination accepts less with {@link AcceptNote#UNICAST_TTL_BELOW_255}, because
 *       keepalived 2.2.7 sends IPv6 unicast adverts with hop limit 64</li>
 *   <li>version is 2 or 3, and the instance's ({@link DropReason#UNSUPPORTED_VERSION},
 *       {@link DropReason#VERSION_MISMATCH}) — RFC 9568 §7.1, RFC 3768 §7.1</li>
 *   <li>type = 1 ({@link DropReason#BAD_TYPE}) — RFC 9568 §5.2.2, §7.1</li>
 *   <li>address family matches the IP header ({@link DropReason#ADDRESS_FAMILY_MISMATCH}) — RFC 9568 §5.2.9</li>
 *   <li>complete for Count addresses (+ v2 auth data) ({@link DropReason#TRUNCATED}) — RFC 9568 §7.1</li>
 *   <li>checksum ({@link DropReason#BAD_CHECKSUM}) — RFC 9568 §5.2.8, §7.1; RFC 3768 §5.3.8, §7.1</li>
 *   <li>VRID configured here ({@link DropReason#UNKNOWN_VRID}) — RFC 9568 §7.1</li>
 *   <li>unicast: source is a peer ({@link DropReason#UNKNOWN_PEER}) — vipkeeper design §5</li>
 *   <li>v3 interval 1..4095 ({@link DropReason#INVALID_INTERVAL}) — erratum 8301</li>
 *   <li>Count ≠ 0 ({@link DropReason#ZERO_ADDRESS_COUNT}) — erratum 8299</li>
 *   <li>IPv6 first address link-local: noted ({@link AcceptNote#FIRST_IPV6_ADDRESS_NOT_LINK_LOCAL}), not dropped,
 *       for keepalived interop — RFC 9568 §5.2.9, erratum 8300</li>
 *   <li>local router not the owner: v2 drops ({@link DropReason#LOCAL_IS_OWNER}, RFC 3768 §7.1), v3 notes
 *       ({@link AcceptNote#LOCAL_IS_OWNER}, erratum 8298)</li>
 *   <li>v2 auth type and data ({@link DropReason#AUTH_TYPE_MISMATCH}, {@link DropReason#AUTH_FAILED})
 *       — RFC 3768 §7.1</li>
 *   <li>address list: v3 notes; v2 drops unless the sender is the owner, priority 255
 *       ({@link DropReason#ADDRESS_LIST_MISMATCH}) — RFC 9568 §7.1, RFC 3768 §7.1</li>
 *   <li>interval: v2 drops ({@link DropReason#INTERVAL_MISMATCH}, RFC 3768 §7.1); v3 notes and the backup adopts
 *       the master's interval ({@link AcceptNote#INTERVAL_MISMATCH}, RFC 9568 §6.4.2)</li>
 * </ol>
 *
 * <p>The checksum check needs the instance's checksum mode, so the profile is looked up (not yet judged) before
 * it; an unknown VRID is checked with the default mode (with pseudo-header) and reported after the checksum, as
 * RFC 9568 §7.1 orders it.
 */
public final class ReceiveValidator {
    private static final int MAX_TTL = 255;
    private static final int OWNER_PRIORITY = 255;

    /** All combinations of the notes, indexed by bit mask, so accepting allocates no set. */
    private static final Set<AcceptNote>[] NOTE_SETS = noteSets();

    private ReceiveValidator() {}

    /**
     * Validates a VRRP payload of {@code length} bytes at {@code offset}, received with these IP header facts, for
     * the instances that {@code profiles} knows on the receiving interface and family.
     */
    public static ValidationResult validate(IpHeaderFacts facts, byte[] packet, int offset, int length,
            ReceiveProfileLookup profiles) {
        if (facts == null || packet == null || profiles == null || offset < 0 || length < 0
                || offset > packet.length || length > packet.length - offset) {
            return new ValidationResult.Dropped(DropReason.TOO_SHORT, "no bytes in the given range");
        }
        if (length < AdvertisementCodec.FIXED_HEADER_LENGTH) {
            return drop(DropReason.TOO_SHORT, "length " + length + " < 8");
        }
        AddressFamily family = facts.family();
        int vrid = packet[offset + 1] & 0xff;
        ReceiveProfile profile = profiles.profileFor(vrid);
        int notes = 0;
        // RFC 9568 §7.1 / RFC 3768 §7.1: TTL or hop limit 255 proves the sender is on-link. Exception for
        // interop: keepalived 2.2.7 sends IPv6 unicast adverts with hop limit 64 (seen in the golden vectors),
        // so a unicast instance accepts a lower TTL on a unicast destination and relies on the peer check below.
        if (facts.ttl() != MAX_TTL) {
            boolean unicastInstance = profile != null && !profile.unicastPeers().isEmpty()
                    && !facts.destination().isMulticastAddress();
            if (!unicastInstance) {
                return drop(DropReason.BAD_TTL,
                        (family == AddressFamily.IPV4 ? "TTL " : "hop limit ") + facts.ttl());
            }
            notes |= 1 << AcceptNote.UNICAST_TTL_BELOW_255.ordinal();
        }
        int versionField = (packet[offset] >>> 4) & 0x0f;
        VrrpVersion version = VrrpVersion.fromWire(versionField);
        if (version == null) {
            return drop(DropReason.UNSUPPORTED_VERSION, "version " + versionField);
        }
        if (profile != null && profile.version() != version) {
            return drop(DropReason.VERSION_MISMATCH,
                    "VRID " + vrid + ": packet " + version + ", instance " + profile.version());
        }
        int type = packet[offset] & 0x0f;
        if (type != Advertisement.TYPE_ADVERTISEMENT) {
            return drop(DropReason.BAD_TYPE, "type " + type);
        }
        // RFC 9568 §5.2.9: the address family is the carrying IP header's; RFC 3768 is IPv4 only
        if (version == VrrpVersion.V2 && family != AddressFamily.IPV4) {
            return drop(DropReason.ADDRESS_FAMILY_MISMATCH, "VRRPv2 over IPv6");
        }
        if (profile != null && profile.family() != family) {
            return drop(DropReason.ADDRESS_FAMILY_MISMATCH,
                    "VRID " + vrid + ": packet over " + family + ", instance " + profile.family());
        }
        int count = packet[offset + 3] & 0xff;
        int needed = AdvertisementCodec.encodedLength(version, family, count);
        if (length < needed) {
            if (family == AddressFamily.IPV6 && count > 0
                    && length == AdvertisementCodec.encodedLength(version, AddressFamily.IPV4, count)) {
                return drop(DropReason.ADDRESS_FAMILY_MISMATCH,
                        "IPv6 packet of " + length + " bytes holds exactly " + count + " IPv4 addresses");
            }
            return drop(DropReason.TRUNCATED, "count " + count + " needs " + needed + " bytes, got " + length);
        }
        ChecksumMode mode = profile != null ? profile.checksumMode() : ChecksumMode.WITH_PSEUDO_HEADER;
        if (!AdvertisementCodec.checksumMatches(packet, offset, length, version, facts, mode)) {
            return drop(DropReason.BAD_CHECKSUM, checksumDetail(packet, offset, length, version, facts, mode));
        }
        if (profile == null) {
            return drop(DropReason.UNKNOWN_VRID, "VRID " + vrid + " is not configured here");
        }
        if (!profile.unicastPeers().isEmpty() && !profile.unicastPeers().contains(facts.source())) {
            return drop(DropReason.UNKNOWN_PEER, "source " + facts.source().getHostAddress() + " is not a peer");
        }
        Advertisement advert = AdvertisementCodec.read(packet, offset, version, family);
        if (version == VrrpVersion.V3 && advert.interval() == 0) {
            return drop(DropReason.INVALID_INTERVAL, "Max Adver Int 0 (erratum 8301: 1..4095)");
        }
        if (count == 0) {
            return drop(DropReason.ZERO_ADDRESS_COUNT, "Count IPvX Addr 0 (erratum 8299)");
        }
        if (family == AddressFamily.IPV6 && !isLinkLocal(packet, offset + AdvertisementCodec.FIXED_HEADER_LENGTH)) {
            // Noted, not dropped: keepalived (outside vrrp_strict) sends its configured IPv6 VIPs as they are,
            // usually global ones first, and accepts such adverts; dropping them made an agent Backup deaf to
            // a keepalived Master (and to another agent) — two Masters.
            notes |= 1 << AcceptNote.FIRST_IPV6_ADDRESS_NOT_LINK_LOCAL.ordinal();
        }
        if (profile.localPriority() == OWNER_PRIORITY) {
            if (version == VrrpVersion.V2) {
                return drop(DropReason.LOCAL_IS_OWNER, "VRID " + vrid + ": the local router owns the addresses");
            }
            notes |= 1 << AcceptNote.LOCAL_IS_OWNER.ordinal();
        }
        if (version == VrrpVersion.V2) {
            if (advert.authType() != profile.authType()) {
                return drop(DropReason.AUTH_TYPE_MISMATCH,
                        "auth type " + advert.authType() + ", configured " + profile.authType());
            }
            // RFC 2338 §5.3.6.1 type 1: a clear-text password in the authentication data (keepalived auth_type PASS)
            if (profile.authType() == 1 && advert.authData() != profile.authData()) {
                return drop(DropReason.AUTH_FAILED, "simple-text password differs");
            }
        }
        if (!sameAddresses(advert, profile.addresses())) {
            if (version == VrrpVersion.V2 && advert.priority() != OWNER_PRIORITY) {
                return drop(DropReason.ADDRESS_LIST_MISMATCH,
                        "addresses " + advert.addresses() + ", configured " + profile.addresses());
            }
            notes |= 1 << AcceptNote.ADDRESS_LIST_MISMATCH.ordinal();
        }
        if (advert.interval() != profile.wireInterval()) {
            if (version == VrrpVersion.V2) {
                return drop(DropReason.INTERVAL_MISMATCH,
                        "interval " + advert.interval() + " s, configured " + profile.wireInterval() + " s");
            }
            notes |= 1 << AcceptNote.INTERVAL_MISMATCH.ordinal();
        }
        return new ValidationResult.Accepted(advert, profile, NOTE_SETS[notes]);
    }

    /** Validates a whole packet from a raw IPv4 socket (IP header included), see {@link RawIpv4Packet#split}. */
    public static ValidationResult validateRawIpv4(byte[] packet, int offset, int length,
            ReceiveProfileLookup profiles) {
        return switch (RawIpv4Packet.split(packet, offset, length)) {
            case RawIpv4Packet.Split s -> validate(s.facts(), packet, s.payloadOffset(), s.payloadLength(), profiles);
            case RawIpv4Packet.Malformed m -> new ValidationResult.Dropped(m.reason(), m.detail());
        };
    }

    private static ValidationResult drop(DropReason reason, String detail) {
        return new ValidationResult.Dropped(reason, detail);
    }

    /** Helps the operator: a v3 IPv4 packet that fails in one mode but verifies in the other names the setting. */
    private static String checksumDetail(byte[] packet, int offset, int length, VrrpVersion version,
            IpHeaderFacts facts, ChecksumMode mode) {
        String detail = "checksum does not verify (" + ChecksumMode.effective(version, facts.family(), mode) + ")";
        if (version == VrrpVersion.V3 && facts.family() == AddressFamily.IPV4) {
            ChecksumMode other = mode == ChecksumMode.WITH_PSEUDO_HEADER
                    ? ChecksumMode.WITHOUT_PSEUDO_HEADER
                    : ChecksumMode.WITH_PSEUDO_HEADER;
            if (AdvertisementCodec.checksumMatches(packet, offset, length, version, facts, other)) {
                detail += "; it verifies " + other + ": the sender uses the other checksum mode"
                        + " (keepalived v3_checksum_as_v2)";
            }
        }
        return detail;
    }

    private static boolean isLinkLocal(byte[] p, int pos) {
        return (p[pos] & 0xff) == 0xfe && (p[pos + 1] & 0xc0) == 0x80; // fe80::/10
    }

    private static boolean sameAddresses(Advertisement advert, Set<InetAddress> configured) {
        if (advert.addressCount() != configured.size()) {
            return false;
        }
        for (InetAddress a : advert.addresses()) {
            if (!configured.contains(a)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Set<AcceptNote>[] noteSets() {
        AcceptNote[] all = AcceptNote.values();
        Set<AcceptNote>[] sets = new Set[1 << all.length];
        for (int mask = 0; mask < sets.length; mask++) {
            EnumSet<AcceptNote> s = EnumSet.noneOf(AcceptNote.class);
            for (AcceptNote n : all) {
                if ((mask & (1 << n.ordinal())) != 0) {
                    s.add(n);
                }
            }
            sets[mask] = Set.copyOf(s);
        }
        return sets;
    }
}
