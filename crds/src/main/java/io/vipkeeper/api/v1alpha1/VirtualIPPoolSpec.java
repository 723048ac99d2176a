package io.vipkeeper.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/**
 * What a cluster admin controls: which addresses may float, for which namespaces, on which nodes and interface,
 * with which VRIDs, and which scripts may run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "!has(self.advertisementInterval) || !self.advertisementInterval.matches('" + Formats.DURATION + "') || (has(self.version) && self.version == 2 ? (self.advertisementInterval.matches('^[0-9]+s$') && duration(self.advertisementInterval) >= duration('1s') && duration(self.advertisementInterval) <= duration('255s')) : (self.advertisementInterval.matches('^([0-9]+0ms|[0-9]+([.][0-9]{1,2})?s)$') && duration(self.advertisementInterval) >= duration('10ms') && duration(self.advertisementInterval) <= duration('40.95s')))",
        message = "advertisementInterval: version 3 takes 10ms..40.95s in whole centiseconds (e.g. 100ms, 1s, 1.25s); version 2 takes whole seconds 1s..255s written as Ns")
public class VirtualIPPoolSpec {

    /**
     * Addresses that VirtualIPs may use, as CIDRs (192.168.1.1/32 one address, 192.168.1.0/28 a block). A
     * VirtualIP's addresses must lie inside one of them.
     */
    @JsonPropertyDescription("Addresses that VirtualIPs may use, as CIDRs (192.168.1.1/32 one address, 192.168.1.0/28 a block). A "
            + "VirtualIP's addresses must lie inside one of them.")
    @Required
    @Size(min = 1, max = 256)
    private List<@Pattern(Formats.CIDR) @Size(max = Formats.CIDR_MAX_LENGTH) String> addresses;

    /** Namespaces whose VirtualIPs may use this pool. Absent or empty: every namespace. */
    @JsonPropertyDescription("Namespaces whose VirtualIPs may use this pool. Absent or empty: every namespace.")
    @Size(max = 1024)
    private List<@Size(min = 1, max = 63) String> allowedNamespaces;

    /** Nodes that may hold the addresses. Absent: every node. */
    @JsonPropertyDescription("Nodes that may hold the addresses. Absent: every node.")
    private LabelSelector nodeSelector;

    /** Network interface that carries the addresses and the VRRP advertisements (keepalived: interface). */
    @JsonPropertyDescription("Network interface that carries the addresses and the VRRP advertisements (keepalived: interface).")
    @JsonProperty("interface")
    @Required
    private InterfaceSelector networkInterface;

    /** VRIDs the operator may allocate to VirtualIPs of this pool. Absent: 1..255. */
    @JsonPropertyDescription("VRIDs the operator may allocate to VirtualIPs of this pool. Absent: 1..255.")
    private VridRange virtualRouterIds;

    /** Default advertisement interval of VirtualIPs that set none. Default: 1s. */
    @JsonPropertyDescription("Default advertisement interval of VirtualIPs that set none. Default: 1s.")
    @Pattern(Formats.DURATION)
    @Default("1s")
    private String advertisementInterval;

    /** Default VRRP version (2 or 3) of VirtualIPs that set none. Default: 3. */
    @JsonPropertyDescription("Default VRRP version (2 or 3) of VirtualIPs that set none. Default: 3.")
    @Min(2)
    @Max(3)
    @Default("3")
    private Integer version;

    /**
     * Multicast: advertisements to 224.0.0.18 / ff02::12 (RFC 9568 section 5.1). Unicast: to each peer node's
     * address (keepalived: unicast_peer); adverts from other sources are dropped. Default: Multicast.
     */
    @JsonPropertyDescription("Multicast: advertisements to 224.0.0.18 / ff02::12 (RFC 9568 section 5.1). Unicast: to each peer "
            + "node's address (keepalived: unicast_peer); adverts from other sources are dropped. Default: "
            + "Multicast.")
    @Default("Multicast")
    private AdvertisementMode mode;

    /**
     * Absolute directory on the nodes; exec checks and notify scripts of this pool's VirtualIPs run only programs
     * inside it. Absent: no exec checks or exec notify allowed.
     */
    @JsonPropertyDescription("Absolute directory on the nodes; exec checks and notify scripts of this pool's VirtualIPs run only "
            + "programs inside it. Absent: no exec checks or exec notify allowed.")
    @Pattern(Formats.ABSOLUTE_PATH)
    @Size(max = 1024)
    private String scriptDirectory;

    /** Run scripts as root. Default: false (an unprivileged user). */
    @JsonPropertyDescription("Run scripts as root. Default: false (an unprivileged user).")
    @Default("false")
    private Boolean runScriptsAsRoot;

    /**
     * Priority of nodes not in a VirtualIP's preferredNodes, 1..254 (255 is reserved for the address owner, RFC 9568
     * section 5.2.4). Default: 100.
     */
    @JsonPropertyDescription("Priority of nodes not in a VirtualIP's preferredNodes, 1..254 (255 is reserved for the address "
            + "owner, RFC 9568 section 5.2.4). Default: 100.")
    @Min(1)
    @Max(254)
    @Default("100")
    private Integer defaultPriority;

    /** Creates an empty VirtualIPPoolSpec (for Jackson). */
    public VirtualIPPoolSpec() {
    }

    /** Returns: addresses that VirtualIPs may use, as CIDRs (192.168.1.1/32 one address, 192.168.1.0/28 a block). */
    public List<String> getAddresses() {
        return addresses;
    }

    /** Sets: addresses that VirtualIPs may use, as CIDRs (192.168.1.1/32 one address, 192.168.1.0/28 a block). */
    public void setAddresses(List<String> addresses) {
        this.addresses = addresses;
    }

    /** Returns: namespaces whose VirtualIPs may use this pool. */
    public List<String> getAllowedNamespaces() {
        return allowedNamespaces;
    }

    /** Sets: namespaces whose VirtualIPs may use this pool. */
    public void setAllowedNamespaces(List<String> allowedNamespaces) {
        this.allowedNamespaces = allowedNamespaces;
    }

    /** Returns: nodes that may hold the addresses. */
    public LabelSelector getNodeSelector() {
        return nodeSelector;
    }

    /** Sets: nodes that may hold the addresses. */
    public void setNodeSelector(LabelSelector nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    /** Returns: network interface that carries the addresses and the VRRP advertisements (keepalived: interface). */
    public InterfaceSelector getNetworkInterface() {
        return networkInterface;
    }

    /** Sets: network interface that carries the addresses and the VRRP advertisements (keepalived: interface). */
    public void setNetworkInterface(InterfaceSelector networkInterface) {
        this.networkInterface = networkInterface;
    }

    /** Returns: vRIDs the operator may allocate to VirtualIPs of this pool. */
    public VridRange getVirtualRouterIds() {
        return virtualRouterIds;
    }

    /** Sets: vRIDs the operator may allocate to VirtualIPs of this pool. */
    public void setVirtualRouterIds(VridRange virtualRouterIds) {
        this.virtualRouterIds = virtualRouterIds;
    }

    /** Returns: default advertisement interval of VirtualIPs that set none. */
    public String getAdvertisementInterval() {
        return advertisementInterval;
    }

    /** Sets: default advertisement interval of VirtualIPs that set none. */
    public void setAdvertisementInterval(String advertisementInterval) {
        this.advertisementInterval = advertisementInterval;
    }

    /** Returns: default VRRP version (2 or 3) of VirtualIPs that set none. */
    public Integer getVersion() {
        return version;
    }

    /** Sets: default VRRP version (2 or 3) of VirtualIPs that set none. */
    public void setVersion(Integer version) {
        this.version = version;
    }

    /** Returns: multicast: advertisements to 224.0.0.18 / ff02::12 (RFC 9568 section 5.1). */
    public AdvertisementMode getMode() {
        return mode;
    }

    /** Sets: multicast: advertisements to 224.0.0.18 / ff02::12 (RFC 9568 section 5.1). */
    public void setMode(AdvertisementMode mode) {
        this.mode = mode;
    }

    /**
     * Returns: absolute directory on the nodes; exec checks and notify scripts of this pool's VirtualIPs run only
     * programs inside it.
     */
    public String getScriptDirectory() {
        return scriptDirectory;
    }

    /**
     * Sets: absolute directory on the nodes; exec checks and notify scripts of this pool's VirtualIPs run only
     * programs inside it.
     */
    public void setScriptDirectory(String scriptDirectory) {
        this.scriptDirectory = scriptDirectory;
    }

    /** Returns: run scripts as root. */
    public Boolean getRunScriptsAsRoot() {
        return runScriptsAsRoot;
    }

    /** Sets: run scripts as root. */
    public void setRunScriptsAsRoot(Boolean runScriptsAsRoot) {
        this.runScriptsAsRoot = runScriptsAsRoot;
    }

    /**
     * Returns: priority of nodes not in a VirtualIP's preferredNodes, 1..254 (255 is reserved for the address owner,
     * RFC 9568 section 5.2.4).
     */
    public Integer getDefaultPriority() {
        return defaultPriority;
    }

    /**
     * Sets: priority of nodes not in a VirtualIP's preferredNodes, 1..254 (255 is reserved for the address owner,
     * RFC 9568 section 5.2.4).
     */
    public void setDefaultPriority(Integer defaultPriority) {
        this.defaultPriority = defaultPriority;
    }
}
