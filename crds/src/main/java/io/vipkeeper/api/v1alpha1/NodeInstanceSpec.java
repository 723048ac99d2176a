package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Objects;

/**
 * One VRRP instance a node must run, fully resolved by the operator from a VirtualIP and its pool: nothing in
 * it refers to another object, so the node agent needs no other read access. One per (VirtualIP, address
 * family).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodeInstanceSpec {

    /**
     * Pattern of {@link #getName()}: {@code <namespace>.<virtualip>.<ipv4|ipv6>}. The namespace is a DNS label (no
     * dot), the family suffix is fixed, so the name is unique per (VirtualIP, family) even when a VirtualIP's name
     * holds dots.
     */
    public static final String NAME_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?[.][a-z0-9]([-a-z0-9.]*[a-z0-9])?[.]ipv[46]$";

    /**
     * Instance name {@code <namespace>.<virtualip>.<ipv4|ipv6>}, unique on the node: the NAME argument of notify
     * scripts and the key of this instance in status.instances.
     */
    @JsonPropertyDescription("Instance name <namespace>.<virtualip>.<ipv4|ipv6>, unique on the node: the NAME argument of notify "
            + "scripts and the key of this instance in status.instances.")
    @Required
    @Size(min = 1, max = 330)
    @Pattern(NodeInstanceSpec.NAME_PATTERN)
    private String name;

    /** Namespace of the VirtualIP this instance serves. */
    @JsonPropertyDescription("Namespace of the VirtualIP this instance serves.")
    @Required
    @Size(min = 1, max = 63)
    private String virtualIPNamespace;

    /** Name of the VirtualIP this instance serves. */
    @JsonPropertyDescription("Name of the VirtualIP this instance serves.")
    @Required
    @Size(min = 1, max = 253)
    private String virtualIPName;

    /** metadata.uid of the VirtualIP (tells a re-created VirtualIP of the same name apart). */
    @JsonPropertyDescription("metadata.uid of the VirtualIP (tells a re-created VirtualIP of the same name apart).")
    @Size(max = 64)
    private String virtualIPUid;

    /**
     * Interface that carries the addresses and the advertisements, for example eth0; set when the pool names
     * the interface.
     */
    @JsonPropertyDescription("Interface that carries the addresses and the advertisements, for example eth0; set when the pool "
            + "names the interface.")
    @Size(min = 1, max = 15)
    @Pattern("^[^/\\s:]+$")
    private String interfaceName;

    /**
     * Use the interface that holds an address inside this CIDR, resolved by the agent on the node; set when
     * the pool selects the interface by CIDR.
     */
    @JsonPropertyDescription("Use the interface that holds an address inside this CIDR, resolved by the agent on the node; set "
            + "when the pool selects the interface by CIDR.")
    @Pattern(Formats.CIDR)
    @Size(max = Formats.CIDR_MAX_LENGTH)
    private String interfaceCidr;

    /** VRRP virtual router id (VRID), 1..255 (RFC 9568 section 5.2.3), unique within the pool. */
    @JsonPropertyDescription("VRRP virtual router id (VRID), 1..255 (RFC 9568 section 5.2.3), unique within the pool.")
    @Required
    @Min(1)
    @Max(255)
    private Integer virtualRouterId;

    /** VRRP version: 3 (RFC 9568, IPv4 and IPv6) or 2 (RFC 3768, IPv4 only). */
    @JsonPropertyDescription("VRRP version: 3 (RFC 9568, IPv4 and IPv6) or 2 (RFC 3768, IPv4 only).")
    @Required
    @Min(2)
    @Max(3)
    private Integer version;

    /**
     * Time between two advertisements of the MASTER, from the VirtualIP or its pool (RFC 9568 section 5.2.7;
     * keepalived: advert_int).
     */
    @JsonPropertyDescription("Time between two advertisements of the MASTER, from the VirtualIP or its pool (RFC 9568 section "
            + "5.2.7; keepalived: advert_int).")
    @Required
    @Pattern(Formats.DURATION)
    @Size(max = 32)
    private String advertisementInterval;

    /** This node's VRRP priority for the instance before check weights, 1..254 (RFC 9568 section 5.2.4). */
    @JsonPropertyDescription("This node's VRRP priority for the instance before check weights, 1..254 (RFC 9568 section 5.2.4).")
    @Required
    @Min(1)
    @Max(254)
    private Integer priority;

    /** A higher-priority BACKUP takes over from a lower-priority MASTER (RFC 9568 Preempt_Mode). */
    @JsonPropertyDescription("A higher-priority BACKUP takes over from a lower-priority MASTER (RFC 9568 Preempt_Mode).")
    @Required
    private Boolean preempt;

    /**
     * After startup, wait this long before preempting a lower-priority MASTER (keepalived: preempt_delay).
     * Absent: 0s.
     */
    @JsonPropertyDescription("After startup, wait this long before preempting a lower-priority MASTER (keepalived: preempt_delay). "
            + "Absent: 0s.")
    @Pattern(Formats.DURATION)
    @Size(max = 32)
    private String preemptDelay;

    /**
     * VRRPv3 over IPv4: compute the checksum over the IPv4 pseudo-header (RFC 9568 section 5.2.8); false:
     * leave it out, as keepalived's v3_checksum_as_v2. Absent: true.
     */
    @JsonPropertyDescription("VRRPv3 over IPv4: compute the checksum over the IPv4 pseudo-header (RFC 9568 section 5.2.8); false: "
            + "leave it out, as keepalived's v3_checksum_as_v2. Absent: true.")
    private Boolean checksumWithPseudoHeader;

    /** Floating addresses in CIDR notation, all of one family, installed on the interface while MASTER. */
    @JsonPropertyDescription("Floating addresses in CIDR notation, all of one family, installed on the interface while MASTER.")
    @Required
    @Size(min = 1, max = 64)
    private List<@Pattern(Formats.CIDR) @Size(max = Formats.CIDR_MAX_LENGTH) String> addresses;

    /**
     * Multicast: advertisements go to 224.0.0.18 / ff02::12 (RFC 9568 section 5.1). Unicast: they go to
     * unicastPeers only and only theirs are accepted (keepalived: unicast_peer), also when the list is empty
     * because this node is the only eligible one. Absent: Multicast.
     */
    @JsonPropertyDescription("Multicast: advertisements go to 224.0.0.18 / ff02::12 (RFC 9568 section 5.1). Unicast: they go to "
            + "unicastPeers only and only theirs are accepted (keepalived: unicast_peer), also when the list is "
            + "empty because this node is the only eligible one. Absent: Multicast.")
    private AdvertisementMode mode;

    /**
     * Unicast pools: the addresses (InternalIP of this family) of the other eligible nodes; advertisements go
     * to each of them and are accepted only from them (keepalived: unicast_peer). Empty: multicast to
     * 224.0.0.18 / ff02::12 (RFC 9568 section 5.1).
     */
    @JsonPropertyDescription("Unicast pools: the addresses (InternalIP of this family) of the other eligible nodes; advertisements "
            + "go to each of them and are accepted only from them (keepalived: unicast_peer). Empty: multicast to "
            + "224.0.0.18 / ff02::12 (RFC 9568 section 5.1).")
    @Size(max = 1024)
    private List<@Pattern(Formats.IP_ADDRESS) @Size(max = Formats.IP_ADDRESS_MAX_LENGTH) String> unicastPeers;

    /**
     * Unicast pools: this node's own address, the one the other nodes list in their unicastPeers;
     * advertisements are sent from it (keepalived: unicast_src_ip).
     */
    @JsonPropertyDescription("Unicast pools: this node's own address, the one the other nodes list in their unicastPeers; "
            + "advertisements are sent from it (keepalived: unicast_src_ip).")
    @Pattern(Formats.IP_ADDRESS)
    @Size(max = Formats.IP_ADDRESS_MAX_LENGTH)
    private String unicastSource;

    /** Health checks of the VirtualIP (keepalived: track_script); exec checks run only inside scriptDirectory. */
    @JsonPropertyDescription("Health checks of the VirtualIP (keepalived: track_script); exec checks run only inside "
            + "scriptDirectory.")
    @Size(max = 16)
    private List<CheckSpec> checks;

    /** Script and webhook told about every state transition (keepalived: notify). */
    @JsonPropertyDescription("Script and webhook told about every state transition (keepalived: notify).")
    private NotifySpec notify;

    /**
     * Absolute directory on the node (the pool's scriptDirectory): exec checks and notify scripts run only
     * programs inside it. Absent: no exec allowed.
     */
    @JsonPropertyDescription("Absolute directory on the node (the pool's scriptDirectory): exec checks and notify scripts run only "
            + "programs inside it. Absent: no exec allowed.")
    @Pattern(Formats.ABSOLUTE_PATH)
    @Size(max = 1024)
    private String scriptDirectory;

    /** Run scripts as root (the pool's runScriptsAsRoot). Absent or false: as an unprivileged user. */
    @JsonPropertyDescription("Run scripts as root (the pool's runScriptsAsRoot). Absent or false: as an unprivileged user.")
    private Boolean runScriptsAsRoot;

    /** Creates an empty NodeInstanceSpec (for Jackson). */
    public NodeInstanceSpec() {
    }

    /**
     * {@code name}: Instance name {@code <namespace>.<virtualip>.<ipv4|ipv6>}, unique on the node: the NAME argument
     * of notify scripts and the key of this instance in status.instances.
     */
    public String getName() {
        return name;
    }

    /** Sets {@code name}. */
    public void setName(String name) {
        this.name = name;
    }

    /** {@code virtualIPNamespace}: Namespace of the VirtualIP this instance serves. */
    public String getVirtualIPNamespace() {
        return virtualIPNamespace;
    }

    /** Sets {@code virtualIPNamespace}. */
    public void setVirtualIPNamespace(String virtualIPNamespace) {
        this.virtualIPNamespace = virtualIPNamespace;
    }

    /** {@code virtualIPName}: Name of the VirtualIP this instance serves. */
    public String getVirtualIPName() {
        return virtualIPName;
    }

    /** Sets {@code virtualIPName}. */
    public void setVirtualIPName(String virtualIPName) {
        this.virtualIPName = virtualIPName;
    }

    /**
     * {@code virtualIPUid}: metadata.uid of the VirtualIP (tells a re-created VirtualIP of the same name
     * apart).
     */
    public String getVirtualIPUid() {
        return virtualIPUid;
    }

    /** Sets {@code virtualIPUid}. */
    public void setVirtualIPUid(String virtualIPUid) {
        this.virtualIPUid = virtualIPUid;
    }

    /**
     * {@code interfaceName}: Interface that carries the addresses and the advertisements, for example eth0;
     * set when the pool names the interface.
     */
    public String getInterfaceName() {
        return interfaceName;
    }

    /** Sets {@code interfaceName}. */
    public void setInterfaceName(String interfaceName) {
        this.interfaceName = interfaceName;
    }

    /**
     * {@code interfaceCidr}: Use the interface that holds an address inside this CIDR, resolved by the agent
     * on the node; set when the pool selects the interface by CIDR.
     */
    public String getInterfaceCidr() {
        return interfaceCidr;
    }

    /** Sets {@code interfaceCidr}. */
    public void setInterfaceCidr(String interfaceCidr) {
        this.interfaceCidr = interfaceCidr;
    }

    /**
     * {@code virtualRouterId}: VRRP virtual router id (VRID), 1..255 (RFC 9568 section 5.2.3), unique within
     * the pool.
     */
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

    /**
     * {@code advertisementInterval}: Time between two advertisements of the MASTER, from the VirtualIP or its
     * pool (RFC 9568 section 5.2.7; keepalived: advert_int).
     */
    public String getAdvertisementInterval() {
        return advertisementInterval;
    }

    /** Sets {@code advertisementInterval}. */
    public void setAdvertisementInterval(String advertisementInterval) {
        this.advertisementInterval = advertisementInterval;
    }

    /**
     * {@code priority}: This node's VRRP priority for the instance before check weights, 1..254 (RFC 9568
     * section 5.2.4).
     */
    public Integer getPriority() {
        return priority;
    }

    /** Sets {@code priority}. */
    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    /**
     * {@code preempt}: A higher-priority BACKUP takes over from a lower-priority MASTER (RFC 9568
     * Preempt_Mode).
     */
    public Boolean getPreempt() {
        return preempt;
    }

    /** Sets {@code preempt}. */
    public void setPreempt(Boolean preempt) {
        this.preempt = preempt;
    }

    /**
     * {@code preemptDelay}: After startup, wait this long before preempting a lower-priority MASTER
     * (keepalived: preempt_delay).
     */
    public String getPreemptDelay() {
        return preemptDelay;
    }

    /** Sets {@code preemptDelay}. */
    public void setPreemptDelay(String preemptDelay) {
        this.preemptDelay = preemptDelay;
    }

    /**
     * {@code checksumWithPseudoHeader}: VRRPv3 over IPv4: compute the checksum over the IPv4 pseudo-header
     * (RFC 9568 section 5.2.8); false: leave it out, as keepalived's v3_checksum_as_v2.
     */
    public Boolean getChecksumWithPseudoHeader() {
        return checksumWithPseudoHeader;
    }

    /** Sets {@code checksumWithPseudoHeader}. */
    public void setChecksumWithPseudoHeader(Boolean checksumWithPseudoHeader) {
        this.checksumWithPseudoHeader = checksumWithPseudoHeader;
    }

    /**
     * {@code addresses}: Floating addresses in CIDR notation, all of one family, installed on the interface
     * while MASTER.
     */
    public List<String> getAddresses() {
        return addresses;
    }

    /** Sets {@code addresses}. */
    public void setAddresses(List<String> addresses) {
        this.addresses = addresses;
    }

    /** {@code mode}: Multicast: advertisements go to 224.0.0.18 / ff02::12 (RFC 9568 section 5.1). */
    public AdvertisementMode getMode() {
        return mode;
    }

    /** Sets {@code mode}. */
    public void setMode(AdvertisementMode mode) {
        this.mode = mode;
    }

    /**
     * {@code unicastPeers}: Unicast pools: the addresses (InternalIP of this family) of the other eligible
     * nodes; advertisements go to each of them and are accepted only from them (keepalived: unicast_peer).
     */
    public List<String> getUnicastPeers() {
        return unicastPeers;
    }

    /** Sets {@code unicastPeers}. */
    public void setUnicastPeers(List<String> unicastPeers) {
        this.unicastPeers = unicastPeers;
    }

    /**
     * {@code unicastSource}: Unicast pools: this node's own address, the one the other nodes list in their
     * unicastPeers; advertisements are sent from it (keepalived: unicast_src_ip).
     */
    public String getUnicastSource() {
        return unicastSource;
    }

    /** Sets {@code unicastSource}. */
    public void setUnicastSource(String unicastSource) {
        this.unicastSource = unicastSource;
    }

    /**
     * {@code checks}: Health checks of the VirtualIP (keepalived: track_script); exec checks run only inside
     * scriptDirectory.
     */
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

    /**
     * {@code scriptDirectory}: Absolute directory on the node (the pool's scriptDirectory): exec checks and
     * notify scripts run only programs inside it.
     */
    public String getScriptDirectory() {
        return scriptDirectory;
    }

    /** Sets {@code scriptDirectory}. */
    public void setScriptDirectory(String scriptDirectory) {
        this.scriptDirectory = scriptDirectory;
    }

    /** {@code runScriptsAsRoot}: Run scripts as root (the pool's runScriptsAsRoot). */
    public Boolean getRunScriptsAsRoot() {
        return runScriptsAsRoot;
    }

    /** Sets {@code runScriptsAsRoot}. */
    public void setRunScriptsAsRoot(Boolean runScriptsAsRoot) {
        this.runScriptsAsRoot = runScriptsAsRoot;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeInstanceSpec other
                && Objects.equals(name, other.name)
                && Objects.equals(virtualIPNamespace, other.virtualIPNamespace)
                && Objects.equals(virtualIPName, other.virtualIPName)
                && Objects.equals(virtualIPUid, other.virtualIPUid)
                && Objects.equals(interfaceName, other.interfaceName)
                && Objects.equals(interfaceCidr, other.interfaceCidr)
                && Objects.equals(virtualRouterId, other.virtualRouterId)
                && Objects.equals(version, other.version)
                && Objects.equals(advertisementInterval, other.advertisementInterval)
                && Objects.equals(priority, other.priority)
                && Objects.equals(preempt, other.preempt)
                && Objects.equals(preemptDelay, other.preemptDelay)
                && Objects.equals(checksumWithPseudoHeader, other.checksumWithPseudoHeader)
                && Objects.equals(addresses, other.addresses)
                && Objects.equals(mode, other.mode)
                && Objects.equals(unicastPeers, other.unicastPeers)
                && Objects.equals(unicastSource, other.unicastSource)
                && Objects.equals(checks, other.checks)
                && Objects.equals(notify, other.notify)
                && Objects.equals(scriptDirectory, other.scriptDirectory)
                && Objects.equals(runScriptsAsRoot, other.runScriptsAsRoot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, virtualIPNamespace, virtualIPName, virtualIPUid, interfaceName, interfaceCidr, virtualRouterId, version, advertisementInterval, priority, preempt, preemptDelay, checksumWithPseudoHeader, addresses, mode, unicastPeers, unicastSource, checks, notify, scriptDirectory, runScriptsAsRoot);
    }

    @Override
    public String toString() {
        return "NodeInstanceSpec{"
                + "name=" + name
                + ", virtualIPNamespace=" + virtualIPNamespace
                + ", virtualIPName=" + virtualIPName
                + ", virtualIPUid=" + virtualIPUid
                + ", interfaceName=" + interfaceName
                + ", interfaceCidr=" + interfaceCidr
                + ", virtualRouterId=" + virtualRouterId
                + ", version=" + version
                + ", advertisementInterval=" + advertisementInterval
                + ", priority=" + priority
                + ", preempt=" + preempt
                + ", preemptDelay=" + preemptDelay
                + ", checksumWithPseudoHeader=" + checksumWithPseudoHeader
                + ", addresses=" + addresses
                + ", mode=" + mode
                + ", unicastPeers=" + unicastPeers
                + ", unicastSource=" + unicastSource
                + ", checks=" + checks
                + ", notify=" + notify
                + ", scriptDirectory=" + scriptDirectory
                + ", runScriptsAsRoot=" + runScriptsAsRoot
                + "}";
    }
}
