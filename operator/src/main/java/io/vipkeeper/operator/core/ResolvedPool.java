package io.vipkeeper.operator.core;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.vipkeeper.api.v1alpha1.AdvertisementMode;
import io.vipkeeper.api.v1alpha1.InterfaceSelector;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPPoolSpec;
import io.vipkeeper.api.v1alpha1.VridRange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pool checked on its own and with its defaults filled in. A pool with {@link #problems()} serves no
 * VirtualIP (they get {@link Reasons#POOL_INVALID}).
 */
final class ResolvedPool {

    /** keepalived's and the API's default priority of nodes not named in preferredNodes. */
    static final int DEFAULT_PRIORITY = 100;
    /** RFC 9568 section 5.2.3: VRIDs are 1..255. */
    static final int VRID_MIN = 1;
    static final int VRID_MAX = 255;

    final String name;
    final VirtualIPPool pool;
    final List<Problem> problems = new ArrayList<>();
    final List<Cidr> cidrs = new ArrayList<>();
    final Set<String> allowedNamespaces = new HashSet<>();
    final LabelSelector nodeSelector;
    final boolean unicast;
    final String interfaceName;
    final String interfaceCidrText;
    final Cidr interfaceCidr;
    /** Valid only when the range has no problem. */
    final int vridMin;
    final int vridMax;
    final boolean vridRangeValid;
    final int defaultVersion;
    final String defaultInterval;
    final int defaultPriority;
    final String scriptDirectory;
    final boolean runScriptsAsRoot;

    ResolvedPool(VirtualIPPool pool) {
        this.pool = pool;
        this.name = pool.getMetadata().getName();
        VirtualIPPoolSpec spec = pool.getSpec() == null ? new VirtualIPPoolSpec() : pool.getSpec();

        List<String> addresses = spec.getAddresses() == null ? List.of() : spec.getAddresses();
        if (addresses.isEmpty()) {
            problems.add(new Problem(Reasons.NO_ADDRESSES, "the pool lists no addresses"));
        }
        for (String text : addresses) {
            Optional<Cidr> cidr = Cidr.parse(text);
            if (cidr.isEmpty()) {
                problems.add(new Problem(Reasons.INVALID_ADDRESS, "pool address '" + text + "' is not a CIDR"));
                continue;
            }
            for (Cidr earlier : cidrs) {
                if (earlier.overlaps(cidr.get())) {
                    problems.add(new Problem(Reasons.OVERLAPPING_ADDRESSES,
                            "pool addresses " + earlier + " and " + text + " overlap"));
                }
            }
            cidrs.add(cidr.get());
        }

        if (spec.getAllowedNamespaces() != null) {
            allowedNamespaces.addAll(spec.getAllowedNamespaces());
        }

        nodeSelector = spec.getNodeSelector();
        NodeSelectors.problem(nodeSelector).ifPresent(p -> problems.add(new Problem(Reasons.INVALID_NODE_SELECTOR,
                "nodeSelector: " + p)));

        unicast = spec.getMode() == AdvertisementMode.Unicast;

        InterfaceSelector nic = spec.getNetworkInterface();
        String nicName = nic == null ? null : nic.getName();
        String nicCidr = nic == null ? null : nic.getCidr();
        Cidr parsedNicCidr = null;
        if ((nicName == null) == (nicCidr == null)) {
            problems.add(new Problem(Reasons.INVALID_INTERFACE, "interface: set exactly one of name and cidr"));
        } else if (nicName != null && (nicName.isEmpty() || nicName.length() > 15 || nicName.matches(".*[/\\s:].*"))) {
            problems.add(new Problem(Reasons.INVALID_INTERFACE,
                    "interface name '" + nicName + "' is not a Linux interface name (1..15 characters, no '/', ':' or space)"));
        } else if (nicCidr != null) {
            parsedNicCidr = Cidr.parse(nicCidr).orElse(null);
            if (parsedNicCidr == null) {
                problems.add(new Problem(Reasons.INVALID_INTERFACE, "interface cidr '" + nicCidr + "' is not a CIDR"));
            }
        }
        interfaceName = nicName;
        interfaceCidrText = nicCidr;
        interfaceCidr = parsedNicCidr;

        VridRange range = spec.getVirtualRouterIds();
        int min = range == null || range.getMin() == null ? VRID_MIN : range.getMin();
        int max = range == null || range.getMax() == null ? VRID_MAX : range.getMax();
        boolean rangeOk = min >= VRID_MIN && max <= VRID_MAX && min <= max
                && (range == null || (range.getMin() != null && range.getMax() != null));
        if (!rangeOk) {
            problems.add(new Problem(Reasons.INVALID_VIRTUAL_ROUTER_IDS, "virtualRouterIds must be min <= max within "
                    + VRID_MIN + ".." + VRID_MAX + " (RFC 9568 section 5.2.3), got " + min + ".." + max));
        }
        vridMin = min;
        vridMax = max;
        vridRangeValid = rangeOk;

        Integer version = spec.getVersion();
        if (version != null && version != 2 && version != 3) {
            problems.add(new Problem(Reasons.INVALID_VERSION, "version must be 2 or 3, got " + version));
        }
        defaultVersion = version == null ? 3 : version;

        defaultInterval = spec.getAdvertisementInterval() == null ? "1s" : spec.getAdvertisementInterval();
        if (defaultVersion == 2 || defaultVersion == 3) {
            Intervals.problem(defaultInterval, defaultVersion).ifPresent(p -> problems.add(
                    new Problem(Reasons.INVALID_ADVERTISEMENT_INTERVAL, "advertisementInterval: " + p)));
        }

        Integer priority = spec.getDefaultPriority();
        if (priority != null && (priority < 1 || priority > 254)) {
            problems.add(new Problem(Reasons.INVALID_DEFAULT_PRIORITY, "defaultPriority must be 1..254 (255 is the "
                    + "address owner's, RFC 9568 section 5.2.4), got " + priority));
        }
        defaultPriority = priority == null ? DEFAULT_PRIORITY : priority;

        scriptDirectory = spec.getScriptDirectory();
        if (scriptDirectory != null && (!scriptDirectory.startsWith("/") || scriptDirectory.indexOf('\0') >= 0)) {
            problems.add(new Problem(Reasons.INVALID_SCRIPT_DIRECTORY,
                    "scriptDirectory must be an absolute path, got '" + scriptDirectory + "'"));
        }
        runScriptsAsRoot = Boolean.TRUE.equals(spec.getRunScriptsAsRoot());
    }

    boolean valid() {
        return problems.isEmpty();
    }

    boolean allows(String namespace) {
        return allowedNamespaces.isEmpty() || allowedNamespaces.contains(namespace);
    }

    /** The block of the pool that holds the address, if any. */
    boolean contains(IpAddress ip) {
        for (Cidr c : cidrs) {
            if (c.contains(ip)) {
                return true;
            }
        }
        return false;
    }
}
