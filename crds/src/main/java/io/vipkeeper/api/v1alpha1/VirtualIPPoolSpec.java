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
import java.util.Objects;

/**
 * What a cluster admin controls: which addresses may float, for which namespaces, on which nodes and interface,
 * with which VRIDs, and which scripts may run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = Formats.ADVERTISEMENT_INTERVAL_RULE, message = Formats.ADVERTISEMENT_INTERVAL_MESSAGE)
public class VirtualIPPoolSpec {

    /**
     * Addresses that VirtualIPs may use, as CIDRs (192.168.1.1/32 one address, 192.168.1.0/28 a block). A
     * VirtualIP's addresses must lie inside one of them.
     */
    @JsonPropertyDescription("Addresses that VirtualIPs may use, as CIDRs (192.168.1.1/32 one address, 192.168.1.0/28 a "
            + "block). A VirtualIP's addresses must lie inside one of them.")
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
    @JsonPropertyDescription("Network interface that carries the addresses and the VRRP advertisements (keepalived: "
            + "interface).")
    @JsonProperty("interface")
    @Required
    private InterfaceSelector networkInterface;

    /** VRIDs the operator may allocate to VirtualIPs of this pool. Absent: 1..255. */
    @JsonPropertyDescription("VRIDs the operator may allocate to VirtualIPs of this pool. Absent: 1..255.")
    private VridRange virtualRouterIds;

    /** Default advertisement interval of VirtualIPs that set none. Default: 1s. */
    @JsonPropertyDescription("Default advertisement interval of VirtualIPs that set none. Default: 1s.")
    @Pattern(Formats.DURATION)
    @Size(max = 32)
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
    @JsonPropertyDescription("Multicast: advertisements to 224.0.0.18 / ff02::12 (RFC 9568 section 5.1). Unicast: to "
            + "each peer node's address (keepalived: unicast_peer); adverts from other sources are "
            + "dropped. Default: Multicast.")
    @Default("Multicast")
    private AdvertisementMode mode;

    /**
     * Absolute directory on the nodes; exec checks and notify scripts of this pool's VirtualIPs run only programs
     * inside it. Absent: no exec checks or exec notify allowed.
     */
    @JsonPropertyDescription("Absolute directory on the nodes; exec checks and notify scripts of this pool's VirtualIPs "
            + "run only programs inside it. Absent: no exec checks or exec notify allowed.")
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
    @JsonPropertyDescription("Priority of nodes not in a VirtualIP's preferredNodes, 1..254 (255 is reserved for the "
            + "address owner, RFC 9568 section 5.2.4). Default: 100.")
    @Min(1)
    @Max(254)
    @Default("100")
    private Integer defaultPriority;

    /** Creates an empty VirtualIPPoolSpec (for Jackson). */
    public VirtualIPPoolSpec() {
    }

    /**
     * {@code addresses}: Addresses that VirtualIPs may use, as CIDRs (192.168.1.1/32 one address, 192.168.1.0/28 a
     * block).
     */
    public List<String> getAddresses() {
        return addresses;
    }

    /** Sets {@code addresses}. */
    public void setAddresses(List<String> addresses) {
        this.addresses = addresses;
    }

    /** {@code allowedNamespaces}: Namespaces whose VirtualIPs may use this pool. */
    public List<String> getAllowedNamespaces() {
        return allowedNamespaces;
    }

    /** Sets {@code allowedNamespaces}. */
    public void setAllowedNamespaces(List<String> allowedNamespaces) {
        this.allowedNamespaces = allowedNamespaces;
    }

    /** {@code nodeSelector}: Nodes that may hold the addresses. */
    public LabelSelector getNodeSelector() {
        return nodeSelector;
    }

    /** Sets {@code nodeSelector}. */
    public void setNodeSelector(LabelSelector nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    /**
     * {@code interface}: Network interface that carries the addresses and the VRRP advertisements (keepalived:
     * interface).
     */
    public InterfaceSelector getNetworkInterface() {
        return networkInterface;
    }

    /** Sets {@code interface}. */
    public void setNetworkInterface(InterfaceSelector networkInterface) {
        this.networkInterface = networkInterface;
    }

    /** {@code virtualRouterIds}: VRIDs the operator may allocate to VirtualIPs of this pool. */
    public VridRange getVirtualRouterIds() {
        return virtualRouterIds;
    }

    /** Sets {@code virtualRouterIds}. */
    public void setVirtualRouterIds(VridRange virtualRouterIds) {
        this.virtualRouterIds = virtualRouterIds;
    }

    /** {@code advertisementInterval}: Default advertisement interval of VirtualIPs that set none. */
    public String getAdvertisementInterval() {
        return advertisementInterval;
    }

    /** Sets {@code advertisementInterval}. */
    public void setAdvertisementInterval(String advertisementInterval) {
        this.advertisementInterval = advertisementInterval;
    }

    /** {@code version}: Default VRRP version (2 or 3) of VirtualIPs that set none. */
    public Integer getVersion() {
        return version;
    }

    /** Sets {@code version}. */
    public void setVersion(Integer version) {
        this.version = version;
    }

    /** {@code mode}: Multicast: advertisements to 224.0.0.18 / ff02::12 (RFC 9568 section 5.1). */
    public AdvertisementMode getMode() {
        return mode;
    }

    /** Sets {@code mode}. */
    public void setMode(AdvertisementMode mode) {
        this.mode = mode;
    }

    /**
     * {@code scriptDirectory}: Absolute directory on the nodes; exec checks and notify scripts of this pool's
     * VirtualIPs run only programs inside it.
     */
    public String getScriptDirectory() {
        return scriptDirectory;
    }

    /** Sets {@code scriptDirectory}. */
    public void setScriptDirectory(String scriptDirectory) {
        this.scriptDirectory = scriptDirectory;
    }

    /** {@code runScriptsAsRoot}: Run scripts as root. */
    public Boolean getRunScriptsAsRoot() {
        return runScriptsAsRoot;
    }

    /** Sets {@code runScriptsAsRoot}. */
    public void setRunScriptsAsRoot(Boolean runScriptsAsRoot) {
        this.runScriptsAsRoot = runScriptsAsRoot;
    }

    /**
     * {@code defaultPriority}: Priority of nodes not in a VirtualIP's preferredNodes, 1..254 (255 is reserved for
     * the address owner, RFC 9568 section 5.2.4).
     */
    public Integer getDefaultPriority() {
        return defaultPriority;
    }

    /** Sets {@code defaultPriority}. */
    public void setDefaultPriority(Integer defaultPriority) {
        this.defaultPriority = defaultPriority;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VirtualIPPoolSpec other
                && Objects.equals(addresses, other.addresses)
                && Objects.equals(allowedNamespaces, other.allowedNamespaces)
                && Objects.equals(nodeSelector, other.nodeSelector)
                && Objects.equals(networkInterface, other.networkInterface)
                && Objects.equals(virtualRouterIds, other.virtualRouterIds)
                && Objects.equals(advertisementInterval, other.advertisementInterval)
                && Objects.equals(version, other.version)
                && Objects.equals(mode, other.mode)
                && Objects.equals(scriptDirectory, other.scriptDirectory)
                && Objects.equals(runScriptsAsRoot, other.runScriptsAsRoot)
                && Objects.equals(defaultPriority, other.defaultPriority);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addresses, allowedNamespaces, nodeSelector, networkInterface, virtualRouterIds, advertisementInterval, version, mode, scriptDirectory, runScriptsAsRoot, defaultPriority);
    }

    @Override
    public String toString() {
        return "VirtualIPPoolSpec{"
                + "addresses=" + addresses
                + ", allowedNamespaces=" + allowedNamespaces
                + ", nodeSelector=" + nodeSelector
                + ", networkInterface=" + networkInterface
                + ", virtualRouterIds=" + virtualRouterIds
                + ", advertisementInterval=" + advertisementInterval
                + ", version=" + version
                + ", mode=" + mode
                + ", scriptDirectory=" + scriptDirectory
                + ", runScriptsAsRoot=" + runScriptsAsRoot
                + ", defaultPriority=" + defaultPriority
                + "}";
    }
}
