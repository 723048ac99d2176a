package io.vipkeeper.agent.config;

import io.vipkeeper.agent.check.CheckDefinition;
import io.vipkeeper.agent.notify.HookDefinition;
import io.vipkeeper.agent.vrrp.VrrpVersion;
import io.vipkeeper.agent.vrrp.wire.AddressFamily;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One VRRP instance of the standalone configuration (keepalived's {@code vrrp_instance}), validated by
 * {@link AgentConfigLoader}; the records only refuse nulls and empty address lists.
 *
 * @param name unique in the file; the INSTANCE argument of notify scripts
 * @param interfaceName the Linux interface adverts are sent on and the addresses are installed on
 * @param virtualRouterId VRID 1..255 (RFC 9568 §5.2.3), unique per (interface, family)
 * @param priority 1..254, or 255 for the address owner (RFC 9568 §5.2.4)
 * @param version {@link VrrpVersion#V3} (RFC 9568) or {@link VrrpVersion#V2} (RFC 3768, IPv4 only)
 * @param advertisementIntervalCentiseconds the advert interval in centiseconds: v3 1..4095 (RFC 9568 §5.2.7);
 *     v2 a multiple of 100 in 100..25500 (whole seconds, RFC 3768 §5.3.7)
 * @param preempt RFC 9568 Preempt_Mode (§6.1); the owner always preempts
 * @param preemptDelay after startup, wait this long before preempting a lower-priority MASTER (keepalived)
 * @param startAsBackup keepalived's {@code state BACKUP}: start in BACKUP even with the highest priority
 * @param addresses the virtual addresses, all of {@link #family()}, at least one
 * @param unicastPeers empty: multicast (224.0.0.18 / ff02::12); otherwise adverts go to, and are accepted only
 *     from, these addresses, all of {@link #family()}
 * @param checksumWithPseudoHeader v3 over IPv4: include the pseudo-header in the checksum (RFC 9568 §5.2.8);
 *     always true for v2 and IPv6
 * @param announcements gratuitous ARP / unsolicited NA bursts on becoming MASTER
 * @param checks health checks; their commands are as written (the runtime resolves them in the script directory)
 * @param hooks notify hooks run on every transition; commands as written
 */
public record InstanceSettings(
        String name, String interfaceName, int virtualRouterId, int priority, VrrpVersion version,
        int advertisementIntervalCentiseconds, boolean preempt, Duration preemptDelay, boolean startAsBackup,
        List<VipAddress> addresses, List<InetAddress> unicastPeers, boolean checksumWithPseudoHeader,
        AnnouncementSettings announcements,
        List<CheckDefinition> checks,
        List<HookDefinition> hooks) {

    /** The priority of the router that owns the virtual addresses (RFC 9568 §5.2.4). */
    public static final int OWNER_PRIORITY = 255;

    public InstanceSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(preemptDelay, "preemptDelay");
        Objects.requireNonNull(announcements, "announcements");
        addresses = List.copyOf(addresses);
        unicastPeers = List.copyOf(unicastPeers);
        checks = List.copyOf(checks);
        hooks = List.copyOf(hooks);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("instance " + name + " has no addresses");
        }
    }

    /** The address family of the instance: that of its addresses (RFC 9568 §5.2.9: never mixed). */
    public AddressFamily family() {
        return addresses.getFirst().family();
    }

    /** True for the address owner (priority 255), which always preempts and answers at once (RFC 9568 §6.4.1). */
    public boolean isOwner() {
        return priority == OWNER_PRIORITY;
    }

    /** The advertisement interval as a duration. */
    public Duration advertisementInterval() {
        return Duration.ofMillis(10L * advertisementIntervalCentiseconds);
    }

    /** True when adverts are unicast to {@link #unicastPeers()} instead of multicast. */
    public boolean isUnicast() {
        return !unicastPeers.isEmpty();
    }
}
