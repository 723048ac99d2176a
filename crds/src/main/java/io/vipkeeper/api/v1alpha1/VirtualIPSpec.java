package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Objects;

/**
 * What an application owner asks for: one or more floating addresses of one family, kept alive by VRRP among the
 * nodes the pool allows. Unset fields take the pool's defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = Formats.ADVERTISEMENT_INTERVAL_RULE, message = Formats.ADVERTISEMENT_INTERVAL_MESSAGE)
@ValidationRule(value = "!has(self.checksumWithPseudoHeader) || self.checksumWithPseudoHeader || ((!has(self.version) || self.version == 3) && !(has(self.addresses) && self.addresses.exists(a, a.contains(':'))))",
        message = "checksumWithPseudoHeader: false is only meaningful for VRRP version 3 over IPv4")
@ValidationRule(value = "!has(self.version) || self.version == 3 || !has(self.addresses) || self.addresses.all(a, !a.contains(':'))",
        message = "VRRP version 2 carries IPv4 addresses only (RFC 3768); use version 3 for IPv6")
public class VirtualIPSpec {

    /** Name of the VirtualIPPool the addresses, interface, VRID and nodes come from. */
    @JsonPropertyDescription("Name of the VirtualIPPool the addresses, interface, VRID and nodes come from.")
    @Required
    @Size(min = 1, max = 253)
    private String pool;

    /**
     * Floating addresses in CIDR notation (192.168.1.1/32, fd00::10/128), all of one family, all inside the pool.
     * Absent or empty: the operator allocates one from the pool.
     */
    @JsonPropertyDescription("Floating addresses in CIDR notation (192.168.1.1/32, fd00::10/128), all of one family, all"
            + " inside the pool. Absent or empty: the operator allocates one from the pool.")
    @Size(max = 64)
    @ValidationRule(value = "self.all(a, a.contains(':')) || self.all(a, !a.contains(':'))",
            message = "addresses of one VirtualIP are all IPv4 or all IPv6 (use two VirtualIPs for both families)")
    private List<@Pattern(Formats.CIDR) @Size(max = Formats.CIDR_MAX_LENGTH) String> addresses;

    /** VRRP virtual router id (VRID), 1..255 (RFC 9568 section 5.2.3). Absent: allocated from the pool's range. */
    @JsonPropertyDescription("VRRP virtual router id (VRID), 1..255 (RFC 9568 section 5.2.3). Absent: allocated from the"
            + " pool's range.")
    @Min(1)
    @Max(255)
    private Integer virtualRouterId;

    /** VRRP version: 3 (RFC 9568, IPv4 and IPv6) or 2 (RFC 3768, IPv4 only). Absent: the pool's default version. */
    @JsonPropertyDescription("VRRP version: 3 (RFC 9568, IPv4 and IPv6) or 2 (RFC 3768, IPv4 only). Absent: the pool's "
            + "default version.")
    @Min(2)
    @Max(3)
    private Integer version;

    /**
     * Time between two advertisements of the MASTER (keepalived: advert_int). Version 3: 10ms..40.95s in whole
     * centiseconds (RFC 9568 section 5.2.7); version 2: whole seconds 1s..255s, written as Ns (RFC 3768 section
     * 5.3.7). Absent: the pool's default.
     */
    @JsonPropertyDescription("Time between two advertisements of the MASTER (keepalived: advert_int). Version 3: "
            + "10ms..40.95s in whole centiseconds (RFC 9568 section 5.2.7); version 2: whole seconds "
            + "1s..255s, written as Ns (RFC 3768 section 5.3.7). Absent: the pool's default.")
    @Pattern(Formats.DURATION)
    @Size(max = 32)
    private String advertisementInterval;

    /**
     * A higher-priority BACKUP takes over from a lower-priority MASTER (RFC 9568 Preempt_Mode; keepalived: nopreempt
     * is false). Default: true.
     */
    @JsonPropertyDescription("A higher-priority BACKUP takes over from a lower-priority MASTER (RFC 9568 Preempt_Mode; "
            + "keepalived: nopreempt is false). Default: true.")
    @Default("true")
    private Boolean preempt;

    /**
     * After startup, wait this long before preempting a lower-priority MASTER (keepalived: preempt_delay), at most
     * 1000s. Absent: 0s.
     */
    @JsonPropertyDescription("After startup, wait this long before preempting a lower-priority MASTER (keepalived: "
            + "preempt_delay), at most 1000s. Absent: 0s.")
    @Pattern(Formats.DURATION)
    @Size(max = 32)
    @ValidationRule(value = "!self.matches('" + Formats.DURATION + "') || duration(self) <= duration('1000s')", message = "preemptDelay is at most 1000s")
    private String preemptDelay;

    /**
     * Nodes that get a priority other than the pool's defaultPriority; the highest healthy one becomes MASTER
     * (keepalived: state MASTER + priority).
     */
    @JsonPropertyDescription("Nodes that get a priority other than the pool's defaultPriority; the highest healthy one "
            + "becomes MASTER (keepalived: state MASTER + priority).")
    @Size(max = 256)
    @ValidationRule(value = "self.all(a, self.exists_one(b, b.node == a.node))", message = "each node appears at most once in preferredNodes")
    private List<PreferredNode> preferredNodes;

    /**
     * VRRPv3 over IPv4 only: compute the checksum over the IPv4 pseudo-header as RFC 9568 section 5.2.8 says. false
     * talks to peers that leave it out (keepalived: v3_checksum_as_v2, the inverse). Must stay true for version 2
     * and for IPv6. Default: true.
     */
    @JsonPropertyDescription("VRRPv3 over IPv4 only: compute the checksum over the IPv4 pseudo-header as RFC 9568 "
            + "section 5.2.8 says. false talks to peers that leave it out (keepalived: v3_checksum_as_v2,"
            + " the inverse). Must stay true for version 2 and for IPv6. Default: true.")
    @Default("true")
    private Boolean checksumWithPseudoHeader;

    /**
     * Health checks (keepalived: track_script and checkers). A failing check lowers the priority by its weight, or
     * puts the instance in FAULT when its weight is 0.
     */
    @JsonPropertyDescription("Health checks (keepalived: track_script and checkers). A failing check lowers the priority"
            + " by its weight, or puts the instance in FAULT when its weight is 0.")
    @Size(max = 16)
    @ValidationRule(value = "self.all(a, self.exists_one(b, b.name == a.name))", message = "check names are unique")
    private List<CheckSpec> checks;

    /** Script and webhook told about every state transition (keepalived: notify). */
    @JsonPropertyDescription("Script and webhook told about every state transition (keepalived: notify).")
    private NotifySpec notify;

    /** Creates an empty VirtualIPSpec (for Jackson). */
    public VirtualIPSpec() {
    }

    /** {@code pool}: Name of the VirtualIPPool the addresses, interface, VRID and nodes come from. */
    public String getPool() {
        return pool;
    }

    /** Sets {@code pool}. */
    public void setPool(String pool) {
        this.pool = pool;
    }

    /**
     * {@code addresses}: Floating addresses in CIDR notation (192.168.1.1/32, fd00::10/128), all of one family, all
     * inside the pool.
     */
    public List<String> getAddresses() {
        return addresses;
    }

    /** Sets {@code addresses}. */
    public void setAddresses(List<String> addresses) {
        this.addresses = addresses;
    }

    /** {@code virtualRouterId}: VRRP virtual router id (VRID), 1..255 (RFC 9568 section 5.2.3). */
    public Integer getVirtualRouterId() {
        return virtualRouterId;
    }

    /** Sets {@code virtualRouterId}. */
    public void setVirtualRouterId(Integer virtualRouterId) {
        this.virtualRouterId = virtualRouterId;
    }

    /** {@code version}: VRRP version: 3 (RFC 9568, IPv4 and IPv6) or 2 (RFC 3768, IPv4 only). */
    public Integer getVersion() {
        return version;
    }

    /** Sets {@code version}. */
    public void setVersion(Integer version) {
        this.version = version;
    }

    /** {@code advertisementInterval}: Time between two advertisements of the MASTER (keepalived: advert_int). */
    public String getAdvertisementInterval() {
        return advertisementInterval;
    }

    /** Sets {@code advertisementInterval}. */
    public void setAdvertisementInterval(String advertisementInterval) {
        this.advertisementInterval = advertisementInterval;
    }

    /**
     * {@code preempt}: A higher-priority BACKUP takes over from a lower-priority MASTER (RFC 9568 Preempt_Mode;
     * keepalived: nopreempt is false).
     */
    public Boolean getPreempt() {
        return preempt;
    }

    /** Sets {@code preempt}. */
    public void setPreempt(Boolean preempt) {
        this.preempt = preempt;
    }

    /**
     * {@code preemptDelay}: After startup, wait this long before preempting a lower-priority MASTER (keepalived:
     * preempt_delay), at most 1000s.
     */
    public String getPreemptDelay() {
        return preemptDelay;
    }

    /** Sets {@code preemptDelay}. */
    public void setPreemptDelay(String preemptDelay) {
        this.preemptDelay = preemptDelay;
    }

    /**
     * {@code preferredNodes}: Nodes that get a priority other than the pool's defaultPriority; the highest healthy
     * one becomes MASTER (keepalived: state MASTER + priority).
     */
    public List<PreferredNode> getPreferredNodes() {
        return preferredNodes;
    }

    /** Sets {@code preferredNodes}. */
    public void setPreferredNodes(List<PreferredNode> preferredNodes) {
        this.preferredNodes = preferredNodes;
    }

    /**
     * {@code checksumWithPseudoHeader}: VRRPv3 over IPv4 only: compute the checksum over the IPv4 pseudo-header as
     * RFC 9568 section 5.2.8 says.
     */
    public Boolean getChecksumWithPseudoHeader() {
        return checksumWithPseudoHeader;
    }

    /** Sets {@code checksumWithPseudoHeader}. */
    public void setChecksumWithPseudoHeader(Boolean checksumWithPseudoHeader) {
        this.checksumWithPseudoHeader = checksumWithPseudoHeader;
    }

    /** {@code checks}: Health checks (keepalived: track_script and checkers). */
    public List<CheckSpec> getChecks() {
        return checks;
    }

    /** Sets {@code checks}. */
    public void setChecks(List<CheckSpec> checks) {
        this.checks = checks;
    }

    /** {@code notify}: Script and webhook told about every state transition (keepalived: notify). */
    public NotifySpec getNotify() {
        return notify;
    }

    /** Sets {@code notify}. */
    public void setNotify(NotifySpec notify) {
        this.notify = notify;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VirtualIPSpec other
                && Objects.equals(pool, other.pool)
                && Objects.equals(addresses, other.addresses)
                && Objects.equals(virtualRouterId, other.virtualRouterId)
                && Objects.equals(version, other.version)
                && Objects.equals(advertisementInterval, other.advertisementInterval)
                && Objects.equals(preempt, other.preempt)
                && Objects.equals(preemptDelay, other.preemptDelay)
                && Objects.equals(preferredNodes, other.preferredNodes)
                && Objects.equals(checksumWithPseudoHeader, other.checksumWithPseudoHeader)
                && Objects.equals(checks, other.checks)
                && Objects.equals(notify, other.notify);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pool, addresses, virtualRouterId, version, advertisementInterval, preempt, preemptDelay, preferredNodes, checksumWithPseudoHeader, checks, notify);
    }

    @Override
    public String toString() {
        return "VirtualIPSpec{"
                + "pool=" + pool
                + ", addresses=" + addresses
                + ", virtualRouterId=" + virtualRouterId
                + ", version=" + version
                + ", advertisementInterval=" + advertisementInterval
                + ", preempt=" + preempt
                + ", preemptDelay=" + preemptDelay
                + ", preferredNodes=" + preferredNodes
                + ", checksumWithPseudoHeader=" + checksumWithPseudoHeader
                + ", checks=" + checks
                + ", notify=" + notify
                + "}";
    }
}
