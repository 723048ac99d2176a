package io.vipkeeper.operator.core;

import io.fabric8.kubernetes.api.model.Condition;
import io.vipkeeper.api.VipKeeper;
import io.vipkeeper.api.v1alpha1.AdvertisementMode;
import io.vipkeeper.api.v1alpha1.CheckSpec;
import io.vipkeeper.api.v1alpha1.NodeInstanceSpec;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPNodeSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPPoolStatus;
import io.vipkeeper.api.v1alpha1.VirtualIPSpec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a {@link ClusterView} into a {@link Plan}: a verdict per VirtualIP, the spec of every node's VirtualIPNode,
 * and every pool's status. Pure: no I/O, no clock, no threads; the inputs are never changed.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Pools</b> are checked on their own ({@link Reasons}: NoAddresses, InvalidAddress, OverlappingAddresses,
 *       InvalidInterface, InvalidVirtualRouterIds, InvalidVersion, InvalidAdvertisementInterval,
 *       InvalidDefaultPriority, InvalidScriptDirectory, InvalidNodeSelector). A pool with a problem serves no
 *       VirtualIP (PoolInvalid). A pool CIDR is a block of allowed addresses; host bits are ignored.</li>
 *   <li><b>A VirtualIP</b> is checked against its pool: the pool exists and is valid, its namespace is allowed
 *       (empty allowedNamespaces: all), every address lies inside the pool, is listed once, and all are of one
 *       family; version 2 carries IPv4 only; the interval fits the version (RFC 9568 section 5.2.7, RFC 3768 section
 *       5.3.7); a given VRID lies inside the pool's range; exec checks and exec notify need the pool's
 *       scriptDirectory and a program relative to it. Version, interval and priority default from the pool.</li>
 *   <li><b>Addresses are unique across the cluster</b> (two pools may overlap), <b>VRIDs within the pool</b>.
 *       A VirtualIP already running with an allocation (recorded in its status) that it still asks for keeps it and
 *       ranks first; then the older VirtualIP (creationTimestamp, then namespace/name) wins; the loser of a given
 *       address or VRID is Invalid (AddressInUse, VirtualRouterIdInUse). A VirtualIP that gives no address or VRID
 *       keeps the one recorded in its status when it is still free and inside the pool, else gets the lowest free
 *       one: addresses from the pool's CIDRs in the order listed, written as a host route (/32, /128), only IPv4
 *       when version 2 or checksumWithPseudoHeader false; VRIDs from the pool's range. Nothing free: NoFreeAddress,
 *       NoFreeVirtualRouterId.</li>
 *   <li>A VirtualIP being deleted (deletionTimestamp) gets no verdict and is rendered nowhere, but the allocation in
 *       its status stays reserved until the object is gone, so nobody else takes an address its nodes may still
 *       hold.</li>
 *   <li><b>Eligible nodes</b>: Ready, matching the pool's nodeSelector (matchLabels and matchExpressions); for a
 *       VirtualIP of an externalTrafficPolicy Local Service (see {@link ClusterView}) only the nodes with a ready
 *       endpoint; in a unicast pool only nodes with an InternalIP of the VirtualIP's family (peers must reach
 *       it).</li>
 *   <li><b>Priority</b>: a preferred node gets its priority. The other eligible nodes get the pool's
 *       defaultPriority (100), defaultPriority - 1, ... in rendezvous-hash order of (VirtualIP, node), skipping the
 *       priorities the preferred nodes use, never below 1. So priorities are distinct (the failover order is
 *       predictable instead of decided by address, RFC 9568 section 6.4.3), masters of different VirtualIPs spread
 *       over the nodes, and adding or removing a node keeps the relative order of the others (only nodes ranked
 *       below it move by one). A node that joins at the top takes over when preempt is on, as VRRP says.</li>
 *   <li><b>Unicast peers</b> (unicast pools): the other eligible nodes' InternalIP of the VirtualIP's family (the
 *       one inside the pool's interface CIDR when there is one, else the first), in node name order; the node's
 *       own such address is its unicastSource, so the source of its adverts is what its peers expect (RFC 9568
 *       section 7.1 checks nothing of the kind, keepalived's unicast mode drops adverts from unknown sources). The
 *       mode is always rendered: a unicast pool with one eligible node has no peers but must not multicast.</li>
 *   <li><b>Rendering</b>: one {@link NodeInstanceSpec} per (VirtualIP, family) on each eligible node, named
 *       {@code <namespace>.<name>.<ipv4|ipv6>}; every node of the view gets a spec, sorted by instance name.
 *       Nested check and notify objects are shared with the input VirtualIP: treat the plan as read-only.</li>
 * </ul>
 */
public final class Planner {

    private Planner() {
    }

    /**
     * Deterministic: same input → same plan. Allocations already recorded in VirtualIP.status (virtualRouterId,
     * addresses) are kept; new ones are allocated lowest-free-first; two VirtualIPs of one pool never share a VRID or
     * an address; the older VirtualIP (creationTimestamp, then name) wins a conflict, the other gets Invalid.
     *
     * <p>Pool conditions whose status did not move keep their lastTransitionTime; those that moved have none: use
     * {@link #plan(ClusterView, Instant)} to stamp them.
     */
    public static Plan plan(ClusterView cluster) {
        return plan(cluster, null);
    }

    /** As {@link #plan(ClusterView)}, stamping pool conditions whose status moved with {@code now}. */
    public static Plan plan(ClusterView cluster, Instant now) {
        Map<String, ResolvedPool> pools = new TreeMap<>();
        for (VirtualIPPool pool : cluster.pools()) {
            if (pool != null && pool.getMetadata() != null && pool.getMetadata().getName() != null) {
                pools.putIfAbsent(pool.getMetadata().getName(), new ResolvedPool(pool));
            }
        }

        Map<IpAddress, String> addressHolders = new HashMap<>();
        Map<String, Map<Integer, String>> vridHolders = new HashMap<>();
        pools.keySet().forEach(p -> vridHolders.put(p, new HashMap<>()));

        List<Candidate> candidates = new ArrayList<>();
        List<VirtualIP> deleting = new ArrayList<>();
        for (VirtualIP vip : cluster.virtualIPs()) {
            if (vip == null || vip.getMetadata() == null || vip.getMetadata().getName() == null) {
                continue;
            }
            if (vip.getMetadata().getDeletionTimestamp() != null) {
                deleting.add(vip);
            } else {
                candidates.add(new Candidate(vip, pools));
            }
        }
        reserveForDeleting(deleting, pools, addressHolders, vridHolders);

        // established first, then older, then by key: the order in which claims are honoured
        candidates.sort(Comparator.comparing((Candidate c) -> !c.established)
                .thenComparing(c -> c.created, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(c -> c.key));
        // Candidate has identity equality: these are identity sets
        Set<Candidate> needAddress = new HashSet<>();
        Set<Candidate> needVrid = new HashSet<>();
        for (Candidate c : candidates) {
            if (!c.invalid()) {
                claim(c, addressHolders, vridHolders.get(c.pool.name), needAddress, needVrid);
            }
        }
        for (Candidate c : candidates) {
            if (c.invalid()) {
                continue;
            }
            if (needAddress.contains(c)) {
                allocateAddress(c, addressHolders);
            }
            if (!c.invalid() && needVrid.contains(c)) {
                allocateVrid(c, vridHolders.get(c.pool.name));
            }
            if (c.invalid()) {
                release(c, addressHolders, vridHolders.get(c.pool.name));
            }
        }

        // verdicts and rendering, in key order
        candidates.sort(Comparator.comparing(c -> c.key));
        List<NodeView> nodes = new ArrayList<>(cluster.nodes());
        nodes.sort(Comparator.comparing(NodeView::name));
        Map<String, List<NodeInstanceSpec>> perNode = new TreeMap<>();
        for (NodeView node : nodes) {
            perNode.putIfAbsent(node.name(), new ArrayList<>());
        }
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Map<String, PoolNodes> poolNodes = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.invalid()) {
                verdicts.put(c.key, new Verdict.Invalid(c.problems));
                continue;
            }
            PoolNodes usable = poolNodes.computeIfAbsent(c.pool.name + "/" + c.v6(),
                    k -> PoolNodes.of(c.pool, c.v6(), nodes));
            List<NodeView> eligible = eligibleNodes(c, usable, cluster.readyEndpointNodes());
            verdicts.put(c.key, new Verdict.Valid(new Allocation(c.vrid, c.addresses),
                    eligible.stream().map(NodeView::name).toList()));
            render(c, eligible, usable, perNode);
        }

        Map<String, VirtualIPNodeSpec> nodeSpecs = new LinkedHashMap<>();
        perNode.forEach((node, instances) -> {
            instances.sort(Comparator.comparing(NodeInstanceSpec::getName));
            VirtualIPNodeSpec spec = new VirtualIPNodeSpec();
            spec.setInstances(instances);
            nodeSpecs.put(node, spec);
        });

        Map<String, VirtualIPPoolStatus> poolStatuses = new LinkedHashMap<>();
        pools.forEach((name, pool) -> poolStatuses.put(name,
                poolStatus(pool, addressHolders, vridHolders.get(name), now)));

        return new Plan(Collections.unmodifiableMap(verdicts), Collections.unmodifiableMap(nodeSpecs),
                Collections.unmodifiableMap(poolStatuses));
    }

    private static void reserveForDeleting(List<VirtualIP> deleting, Map<String, ResolvedPool> pools,
                                           Map<IpAddress, String> addressHolders,
                                           Map<String, Map<Integer, String>> vridHolders) {
        deleting.sort(Comparator.comparing(v -> v.getMetadata().getNamespace() + "/" + v.getMetadata().getName()));
        for (VirtualIP vip : deleting) {
            String key = vip.getMetadata().getNamespace() + "/" + vip.getMetadata().getName() + " (being deleted)";
            if (vip.getStatus() == null) {
                continue;
            }
            if (vip.getStatus().getAddresses() != null) {
                for (String a : vip.getStatus().getAddresses()) {
                    Cidr.parse(a).ifPresent(c -> addressHolders.putIfAbsent(c.address(), key));
                }
            }
            VirtualIPSpec spec = vip.getSpec();
            if (vip.getStatus().getVirtualRouterId() != null && spec != null && spec.getPool() != null
                    && pools.containsKey(spec.getPool())) {
                vridHolders.get(spec.getPool()).putIfAbsent(vip.getStatus().getVirtualRouterId(), key);
            }
        }
    }

    /** Takes what the VirtualIP asks for or already holds; marks what still has to be allocated. */
    private static void claim(Candidate c, Map<IpAddress, String> addressHolders, Map<Integer, String> vrids,
                              Set<Candidate> needAddress, Set<Candidate> needVrid) {
        List<String> addressTexts = List.of();
        List<IpAddress> addressIps = List.of();
        if (!c.explicitIps.isEmpty()) {
            for (IpAddress ip : c.explicitIps) {
                String holder = addressHolders.get(ip);
                if (holder != null) {
                    c.problems.add(new Problem(Reasons.ADDRESS_IN_USE, "address " + ip + " is used by VirtualIP " + holder));
                }
            }
            addressTexts = c.explicitAddresses;
            addressIps = c.explicitIps;
        } else if (c.recordedAddressesUsable() && c.recordedIps.stream().noneMatch(addressHolders::containsKey)) {
            addressTexts = c.recordedAddresses;
            addressIps = c.recordedIps;
        } else {
            needAddress.add(c);
        }

        Integer vrid = null;
        if (c.explicitVrid != null) {
            String holder = vrids.get(c.explicitVrid);
            if (holder != null) {
                c.problems.add(new Problem(Reasons.VIRTUAL_ROUTER_ID_IN_USE, "virtualRouterId " + c.explicitVrid
                        + " is used by VirtualIP " + holder + " in VirtualIPPool " + c.pool.name));
            }
            vrid = c.explicitVrid;
        } else if (c.recordedVridUsable() && !vrids.containsKey(c.recordedVrid)) {
            vrid = c.recordedVrid;
        } else {
            needVrid.add(c);
        }

        if (c.invalid()) {
            needAddress.remove(c);
            needVrid.remove(c);
            return;
        }
        c.addresses.addAll(addressTexts);
        c.ips.addAll(addressIps);
        c.ips.forEach(ip -> addressHolders.put(ip, c.key));
        if (vrid != null) {
            c.vrid = vrid;
            vrids.put(vrid, c.key);
        }
    }

    /** The lowest free address of the pool's CIDRs, in the order the pool lists them. */
    private static void allocateAddress(Candidate c, Map<IpAddress, String> addressHolders) {
        for (Cidr block : c.pool.cidrs) {
            if (block.v6() && c.ipv4Only) {
                continue;
            }
            IpAddress ip = block.first();
            BigInteger last = block.last().value();
            while (ip.value().compareTo(last) <= 0 && addressHolders.containsKey(ip)) {
                ip = ip.next();
            }
            if (ip.value().compareTo(last) <= 0) {
                c.ips.add(ip);
                c.addresses.add(Cidr.hostRoute(ip).toString());
                addressHolders.put(ip, c.key);
                return;
            }
        }
        c.problems.add(new Problem(Reasons.NO_FREE_ADDRESS, "VirtualIPPool " + c.pool.name + " has no free "
                + (c.ipv4Only ? "IPv4 " : "") + "address"));
    }

    private static void allocateVrid(Candidate c, Map<Integer, String> vrids) {
        for (int id = c.pool.vridMin; id <= c.pool.vridMax; id++) {
            if (!vrids.containsKey(id)) {
                c.vrid = id;
                vrids.put(id, c.key);
                return;
            }
        }
        c.problems.add(new Problem(Reasons.NO_FREE_VIRTUAL_ROUTER_ID, "VirtualIPPool " + c.pool.name
                + " has no free virtualRouterId in " + c.pool.vridMin + ".." + c.pool.vridMax));
    }

    private static void release(Candidate c, Map<IpAddress, String> addressHolders, Map<Integer, String> vrids) {
        for (IpAddress ip : c.ips) {
            addressHolders.remove(ip, c.key);
        }
        if (c.vrid != null) {
            vrids.remove(c.vrid, c.key);
        }
        c.ips.clear();
        c.addresses.clear();
        c.vrid = null;
    }

    /**
     * The nodes a pool may use for one address family, with their peer addresses: Ready, selected by the pool, and in
     * a unicast pool holding an InternalIP of the family (peers must reach it). Computed once per plan.
     */
    private record PoolNodes(List<NodeView> nodes, Map<String, String> peerAddresses) {
        static PoolNodes of(ResolvedPool pool, boolean v6, List<NodeView> all) {
            List<NodeView> nodes = new ArrayList<>();
            Map<String, String> peers = new HashMap<>();
            for (NodeView node : all) {
                if (!node.ready() || !NodeSelectors.matches(pool.nodeSelector, node.labels())) {
                    continue;
                }
                if (pool.unicast) {
                    Optional<String> address = peerAddress(node, v6, pool.interfaceCidr);
                    if (address.isEmpty()) {
                        continue;
                    }
                    peers.put(node.name(), address.get());
                }
                nodes.add(node);
            }
            return new PoolNodes(nodes, peers);
        }
    }

    /** The pool's usable nodes, for a VirtualIP of an ETP Local Service only those with a ready endpoint; by name. */
    private static List<NodeView> eligibleNodes(Candidate c, PoolNodes usable,
                                                Map<String, Set<String>> readyEndpointNodes) {
        Map<String, String> labels = c.vip.getMetadata().getLabels();
        String service = labels == null ? null : labels.get(VipKeeper.LABEL_SERVICE_NAME);
        Set<String> endpointNodes = service == null ? null
                : readyEndpointNodes.get(ClusterView.serviceKey(c.namespace, service));
        if (endpointNodes == null) {
            return usable.nodes();
        }
        return usable.nodes().stream().filter(n -> endpointNodes.contains(n.name())).toList();
    }

    /** The node's InternalIP of the family: the one inside the interface CIDR if any, else the first. */
    static Optional<String> peerAddress(NodeView node, boolean v6, Cidr interfaceCidr) {
        IpAddress first = null;
        for (String text : node.internalIPs()) {
            Optional<IpAddress> ip = IpAddress.parse(text);
            if (ip.isEmpty() || ip.get().v6() != v6) {
                continue;
            }
            if (interfaceCidr != null && interfaceCidr.contains(ip.get())) {
                return Optional.of(ip.get().toString());
            }
            if (first == null) {
                first = ip.get();
            }
        }
        return Optional.ofNullable(first).map(IpAddress::toString);
    }

    private static void render(Candidate c, List<NodeView> eligible, PoolNodes usable,
                               Map<String, List<NodeInstanceSpec>> perNode) {
        Map<String, Integer> priorities = priorities(c.key, eligible, c.preferred, c.pool.defaultPriority);
        // one list of every eligible node's peer address (node order); each node gets a view without its own
        List<String> allPeers = new ArrayList<>();
        if (c.pool.unicast) {
            for (NodeView node : eligible) {
                allPeers.add(usable.peerAddresses().get(node.name()));
            }
        }
        List<String> peerList = List.copyOf(allPeers);
        VirtualIPSpec spec = c.vip.getSpec();
        String name = c.namespace + "." + c.vip.getMetadata().getName() + "." + c.ips.getFirst().family();
        List<String> addresses = List.copyOf(c.addresses);
        List<CheckSpec> checks = spec.getChecks() == null ? null : List.copyOf(spec.getChecks());
        for (int index = 0; index < eligible.size(); index++) {
            NodeView node = eligible.get(index);
            NodeInstanceSpec instance = new NodeInstanceSpec();
            instance.setName(name);
            instance.setVirtualIPNamespace(c.namespace);
            instance.setVirtualIPName(c.vip.getMetadata().getName());
            instance.setVirtualIPUid(c.vip.getMetadata().getUid());
            instance.setInterfaceName(c.pool.interfaceName);
            instance.setInterfaceCidr(c.pool.interfaceCidrText);
            instance.setVirtualRouterId(c.vrid);
            instance.setVersion(c.version);
            instance.setAdvertisementInterval(c.interval);
            instance.setPriority(priorities.get(node.name()));
            instance.setPreempt(spec.getPreempt() == null || spec.getPreempt());
            instance.setPreemptDelay(spec.getPreemptDelay() == null ? "0s" : spec.getPreemptDelay());
            instance.setChecksumWithPseudoHeader(spec.getChecksumWithPseudoHeader() == null
                    || spec.getChecksumWithPseudoHeader());
            instance.setAddresses(addresses);
            instance.setMode(c.pool.unicast ? AdvertisementMode.Unicast : AdvertisementMode.Multicast);
            instance.setUnicastPeers(peerList.isEmpty() ? List.of() : new AllBut(peerList, index));
            instance.setUnicastSource(c.pool.unicast ? peerList.get(index) : null);
            instance.setChecks(checks);
            instance.setNotify(spec.getNotify());
            instance.setScriptDirectory(c.pool.scriptDirectory);
            instance.setRunScriptsAsRoot(c.pool.runScriptsAsRoot);
            perNode.get(node.name()).add(instance);
        }
    }

    /**
     * A read-only list of every element but one, without copying: the unicast peers of one node are all eligible
     * nodes' addresses but its own (1,000 VirtualIPs over 50 unicast nodes would otherwise copy 2.45 million
     * references per plan).
     */
    private static final class AllBut extends AbstractList<String> implements RandomAccess {
        private final List<String> all;
        private final int skipped;

        AllBut(List<String> all, int skipped) {
            this.all = all;
            this.skipped = skipped;
        }

        @Override
        public String get(int index) {
            Objects.checkIndex(index, size());
            return all.get(index < skipped ? index : index + 1);
        }

        @Override
        public int size() {
            return all.size() - 1;
        }
    }

    /**
     * Preferred nodes get their own priority; the others defaultPriority, defaultPriority - 1, ... in rendezvous-hash
     * order, skipping the preferred priorities, never below 1.
     */
    static Map<String, Integer> priorities(String vipKey, List<NodeView> eligible, Map<String, Integer> preferred,
                                           int defaultPriority) {
        Map<String, Integer> result = new TreeMap<>();
        List<String> others = new ArrayList<>();
        for (NodeView node : eligible) {
            Integer p = preferred.get(node.name());
            if (p != null) {
                result.put(node.name(), p);
            } else {
                others.add(node.name());
            }
        }
        Map<String, Long> hash = new HashMap<>();
        others.forEach(node -> hash.put(node, rendezvous(vipKey, node)));
        others.sort(Comparator.comparing((String node) -> hash.get(node), Long::compareUnsigned).reversed()
                .thenComparing(Comparator.naturalOrder()));
        Set<Integer> taken = new HashSet<>(preferred.values());
        int next = defaultPriority;
        for (String node : others) {
            while (taken.contains(next) && next > 1) {
                next--;
            }
            result.put(node, next);
            if (next > 1) {
                next--;
            }
        }
        return result;
    }

    /** A well-mixed 64-bit hash of (VirtualIP, node): FNV-1a over UTF-8, then the SplitMix64 finalizer. */
    static long rendezvous(String vipKey, String node) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (vipKey + "\n" + node).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }

    private static VirtualIPPoolStatus poolStatus(ResolvedPool pool, Map<IpAddress, String> addressHolders,
                                                  Map<Integer, String> vrids, Instant now) {
        BigInteger total = BigInteger.ZERO;
        for (Cidr block : pool.cidrs) {
            total = total.add(block.size());
        }
        long totalCount = total.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
        long inUse = addressHolders.keySet().stream().filter(pool::contains).count();
        long free = totalCount == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, totalCount - inUse);

        VirtualIPPoolStatus status = new VirtualIPPoolStatus();
        status.setAddressesTotal(totalCount);
        status.setAddressesInUse(inUse);
        status.setAddressesFree(free);
        Integer vridsFree = null;
        if (pool.vridRangeValid) {
            int used = (int) vrids.keySet().stream().filter(id -> id >= pool.vridMin && id <= pool.vridMax).count();
            vridsFree = pool.vridMax - pool.vridMin + 1 - used;
            status.setVirtualRouterIdsInUse(used);
            status.setVirtualRouterIdsFree(vridsFree);
        }

        Long generation = pool.pool.getMetadata().getGeneration();
        List<Condition> previous = pool.pool.getStatus() == null ? null : pool.pool.getStatus().getConditions();
        List<Condition> conditions = new ArrayList<>();
        if (pool.valid()) {
            conditions.add(Conditions.next(Reasons.TYPE_READY, true, Reasons.VALID, "the pool is valid", generation,
                    previous, now));
        } else {
            conditions.add(Conditions.next(Reasons.TYPE_READY, false, pool.problems.getFirst().reason(),
                    String.join("; ", pool.problems.stream().map(Problem::message).toList()), generation, previous, now));
        }
        if (pool.valid() && free == 0) {
            conditions.add(Conditions.next(Reasons.TYPE_EXHAUSTED, true, Reasons.ADDRESSES_EXHAUSTED,
                    "every address of the pool is in use", generation, previous, now));
        } else if (pool.valid() && vridsFree != null && vridsFree == 0) {
            conditions.add(Conditions.next(Reasons.TYPE_EXHAUSTED, true, Reasons.VIRTUAL_ROUTER_IDS_EXHAUSTED,
                    "every virtualRouterId of the pool's range is in use", generation, previous, now));
        } else {
            conditions.add(Conditions.next(Reasons.TYPE_EXHAUSTED, false, Reasons.AVAILABLE,
                    "addresses and virtualRouterIds are free", generation, previous, now));
        }
        status.setConditions(conditions);
        return status;
    }
}
