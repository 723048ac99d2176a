package io.vipkeeper.agent.runtime;

import io.vipkeeper.agent.config.InstanceSettings;
import io.vipkeeper.agent.config.VipAddress;
import io.vipkeeper.agent.linux.VrrpSocket;
import io.vipkeeper.agent.vrrp.VrrpVersion;
import io.vipkeeper.agent.vrrp.engine.EffectivePriority;
import io.vipkeeper.agent.vrrp.engine.InstanceConfig;
import io.vipkeeper.agent.vrrp.engine.InstanceState;
import io.vipkeeper.agent.vrrp.engine.NotifyState;
import io.vipkeeper.agent.vrrp.wire.AddressFamily;
import io.vipkeeper.agent.vrrp.wire.Advertisement;
import io.vipkeeper.agent.vrrp.wire.AdvertisementCodec;
import io.vipkeeper.agent.vrrp.wire.ChecksumMode;
import io.vipkeeper.agent.vrrp.wire.ReceiveProfile;
import io.vipkeeper.agent.vrrp.wire.AnnouncementFrames;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One VRRP instance as the agent runs it: its settings, the pure engine's state, the receive profile the
 * validator checks packets against, the tracked checks' status, the announcement timers, the encoded adverts
 * cached per priority, and the counters the state file and metrics report.
 *
 * <p>Owned by the agent loop's thread; everything else reads {@link AgentSnapshot}s.
 */
final class InstanceRuntime {
    static final long NONE = Long.MIN_VALUE;

    final InstanceSettings settings;
    final InterfaceChannel channel;
    final ChecksumMode checksumMode;
    final List<InetAddress> destinations;
    InstanceState state;
    ReceiveProfile profile;
    /** Tracked check name → (weight, OK?) — the input of the priority arithmetic. */
    final Map<String, EffectivePriority.TrackedCheck> checks = new LinkedHashMap<>();
    /** Weight-0 checks still in keepalived's INIT state: while any is, the instance waits in INITIALIZE. */
    final Set<String> awaitingFirstResult = new LinkedHashSet<>();

    /** The state last notified; null before the first transition (hooks see an empty old state then). */
    NotifyState lastNotified;
    /**
     * The gratuitous ARP / unsolicited NA frame of each VIP, in the order of the addresses: built once here (they
     * depend only on the interface's MAC and the VIPs), so becoming MASTER sends them without building anything.
     */
    final ByteBuffer[] announcementFrames;
    long secondBurstDeadline = NONE;
    long refreshDeadline = NONE;

    // cached encoded adverts, one per destination, valid for cachedPriority
    private int cachedPriority = -1;
    private ByteBuffer[] cachedAdverts;

    long advertsSent;
    long advertsReceived;
    long announcementsSent;
    long sendErrors;
    InetAddress masterAddress;
    int masterPriority = -1;
    Instant lastTransition;

    InstanceRuntime(InstanceSettings settings, InterfaceChannel channel) {
        this.settings = settings;
        this.channel = channel;
        this.checksumMode = ChecksumMode.effective(settings.version(), settings.family(),
                settings.checksumWithPseudoHeader() ? ChecksumMode.WITH_PSEUDO_HEADER
                        : ChecksumMode.WITHOUT_PSEUDO_HEADER);
        this.destinations = settings.unicastPeers().isEmpty()
                ? List.of(settings.family() == AddressFamily.IPV4 ? VrrpSocket.IPV4_GROUP : VrrpSocket.IPV6_GROUP)
                : List.copyOf(settings.unicastPeers());
        InstanceConfig config = new InstanceConfig(settings.version(), settings.priority(),
                settings.advertisementIntervalCentiseconds(), settings.preempt(), settings.preemptDelay().toNanos(),
                settings.startAsBackup(), channel.primaryAddress.getAddress());
        this.state = InstanceState.initial(config);
        this.profile = buildProfile(settings.priority());
        this.announcementFrames = new ByteBuffer[settings.addresses().size()];
        for (int i = 0; i < announcementFrames.length; i++) {
            InetAddress vip = settings.addresses().get(i).address();
            announcementFrames[i] = ByteBuffer.wrap(vip instanceof Inet4Address v4
                    ? AnnouncementFrames.gratuitousArp(channel.mac, v4)
                    : AnnouncementFrames.unsolicitedNeighborAdvertisement(channel.mac,
                            (Inet6Address) channel.primaryAddress, (Inet6Address) vip));
        }
    }

    String name() {
        return settings.name();
    }

    Set<InetAddress> vipSet() {
        Set<InetAddress> set = new LinkedHashSet<>();
        for (VipAddress vip : settings.addresses()) {
            set.add(vip.address());
        }
        return set;
    }

    private ReceiveProfile buildProfile(int localPriority) {
        ReceiveProfile p = settings.version() == VrrpVersion.V2
                ? ReceiveProfile.v2(settings.virtualRouterId(), vipSet(), localPriority,
                        settings.advertisementIntervalCentiseconds() / 100)
                : ReceiveProfile.v3(settings.family(), settings.virtualRouterId(), vipSet(), localPriority,
                        settings.advertisementIntervalCentiseconds());
        p = p.withChecksumMode(checksumMode);
        if (!settings.unicastPeers().isEmpty()) {
            p = p.withUnicastPeers(Set.copyOf(settings.unicastPeers()));
        }
        return p;
    }

    /** Keeps the receive profile's local priority in step with the engine (the owner check of §7.1 uses it). */
    boolean syncProfilePriority() {
        if (profile.localPriority() != state.priority()) {
            profile = profile.withLocalPriority(state.priority());
            return true;
        }
        return false;
    }

    /**
     * The encoded advert for this priority, one buffer per destination (the IPv4/IPv6 pseudo-header in the
     * checksum depends on the destination). Re-encoded only when the priority changes, so the steady-state send
     * path allocates nothing.
     */
    ByteBuffer[] adverts(int priority) {
        if (priority != cachedPriority || cachedAdverts == null) {
            List<InetAddress> vips = new ArrayList<>(vipSet());
            Advertisement advert = settings.version() == VrrpVersion.V2
                    ? Advertisement.v2(settings.virtualRouterId(), priority,
                            settings.advertisementIntervalCentiseconds() / 100, vips, 0, 0)
                    : Advertisement.v3(settings.family(), settings.virtualRouterId(), priority,
                            settings.advertisementIntervalCentiseconds(), vips);
            ByteBuffer[] encoded = new ByteBuffer[destinations.size()];
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = ByteBuffer.wrap(AdvertisementCodec.encode(advert, channel.primaryAddress,
                        destinations.get(i), checksumMode));
            }
            cachedAdverts = encoded;
            cachedPriority = priority;
        }
        return cachedAdverts;
    }

    /** The effective priority and fault of the tracked checks right now. */
    EffectivePriority.Result checkResult() {
        return EffectivePriority.compute(settings.priority(), List.copyOf(checks.values()));
    }
}
