package io.vipkeeper.operator.core;

import io.vipkeeper.api.v1alpha1.CheckSpec;
import io.vipkeeper.api.v1alpha1.Durations;
import io.vipkeeper.api.v1alpha1.NotifySpec;
import io.vipkeeper.api.v1alpha1.PreferredNode;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One VirtualIP on its way through the planner: the rules it can be checked against on its own (with its pool),
 * then what it claims and what it is allocated.
 */
final class Candidate {

    static final Duration MAX_PREEMPT_DELAY = Duration.ofSeconds(1000);

    final String key;
    final VirtualIP vip;
    final String namespace;
    final Instant created;
    final ResolvedPool pool;
    final List<Problem> problems = new ArrayList<>();

    /** spec.addresses as written, and parsed. */
    final List<String> explicitAddresses = new ArrayList<>();
    final List<IpAddress> explicitIps = new ArrayList<>();
    final Integer explicitVrid;
    /** The allocation the status records (what the VirtualIP runs with now). */
    final List<String> recordedAddresses = new ArrayList<>();
    final List<IpAddress> recordedIps = new ArrayList<>();
    final Integer recordedVrid;
    /** It runs with its status' allocation and still asks for it: it ranks before new claims. */
    final boolean established;

    int version;
    String interval;
    /** Only IPv4 may be allocated: version 2, or checksumWithPseudoHeader false. */
    boolean ipv4Only;
    final Map<String, Integer> preferred = new LinkedHashMap<>();

    /** The outcome. */
    final List<String> addresses = new ArrayList<>();
    final List<IpAddress> ips = new ArrayList<>();
    Integer vrid;

    Candidate(VirtualIP vip, Map<String, ResolvedPool> pools) {
        this.vip = vip;
        this.namespace = vip.getMetadata().getNamespace() == null ? "" : vip.getMetadata().getNamespace();
        this.key = namespace + "/" + vip.getMetadata().getName();
        this.created = parseTime(vip.getMetadata().getCreationTimestamp());
        VirtualIPSpec spec = vip.getSpec() == null ? new VirtualIPSpec() : vip.getSpec();
        this.pool = spec.getPool() == null ? null : pools.get(spec.getPool());
        this.explicitVrid = spec.getVirtualRouterId();

        VirtualIPStatus status = vip.getStatus();
        Integer statusVrid = null;
        // an Invalid VirtualIP's status holds no allocation (StatusAggregator clears it), so none is kept for it
        if (status != null && status.getVirtualRouterId() != null
                && status.getAddresses() != null && !status.getAddresses().isEmpty()) {
            List<IpAddress> parsed = new ArrayList<>();
            for (String a : status.getAddresses()) {
                Cidr.parse(a).ifPresent(c -> parsed.add(c.address()));
            }
            if (parsed.size() == status.getAddresses().size()) {
                recordedAddresses.addAll(status.getAddresses());
                recordedIps.addAll(parsed);
                statusVrid = status.getVirtualRouterId();
            }
        }
        this.recordedVrid = statusVrid;

        check(spec);

        boolean sameAddresses = explicitIps.isEmpty() || new HashSet<>(explicitIps).equals(new HashSet<>(recordedIps));
        boolean sameVrid = explicitVrid == null || explicitVrid.equals(recordedVrid);
        this.established = recordedVrid != null && sameAddresses && sameVrid;
    }

    private static Instant parseTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    boolean invalid() {
        return !problems.isEmpty();
    }

    private void problem(String reason, String message) {
        problems.add(new Problem(reason, message));
    }

    /** The rules a VirtualIP keeps on its own and against its pool (not against other VirtualIPs). */
    private void check(VirtualIPSpec spec) {
        if (spec.getPool() == null || spec.getPool().isEmpty()) {
            problem(Reasons.POOL_NOT_FOUND, "spec.pool names no VirtualIPPool");
            return;
        }
        if (pool == null) {
            problem(Reasons.POOL_NOT_FOUND, "VirtualIPPool " + spec.getPool() + " does not exist");
            return;
        }
        if (!pool.valid()) {
            problem(Reasons.POOL_INVALID, "VirtualIPPool " + pool.name + " is invalid: "
                    + pool.problems.getFirst().message());
            return;
        }
        if (!pool.allows(namespace)) {
            problem(Reasons.NAMESPACE_NOT_ALLOWED, "VirtualIPPool " + pool.name + " does not allow namespace "
                    + namespace + " (allowedNamespaces: " + String.join(", ", pool.allowedNamespaces.stream().sorted().toList())
                    + ")");
        }

        // addresses: parse, no duplicates, inside the pool, one family
        Set<IpAddress> seen = new HashSet<>();
        if (spec.getAddresses() != null) {
            for (String text : spec.getAddresses()) {
                Optional<Cidr> cidr = Cidr.parse(text);
                if (cidr.isEmpty()) {
                    problem(Reasons.INVALID_ADDRESS, "address '" + text + "' is not a CIDR such as 192.168.1.1/32");
                    continue;
                }
                IpAddress ip = cidr.get().address();
                if (!seen.add(ip)) {
                    problem(Reasons.DUPLICATE_ADDRESS, "address " + ip + " is listed twice");
                    continue;
                }
                if (!pool.contains(ip)) {
                    problem(Reasons.ADDRESS_OUTSIDE_POOL, "address " + text + " lies outside VirtualIPPool " + pool.name
                            + " (" + String.join(", ", pool.cidrs.stream().map(Cidr::toString).toList()) + ")");
                }
                explicitAddresses.add(text);
                explicitIps.add(ip);
            }
        }
        boolean anyV4 = explicitIps.stream().anyMatch(ip -> !ip.v6());
        boolean anyV6 = explicitIps.stream().anyMatch(IpAddress::v6);
        if (anyV4 && anyV6) {
            problem(Reasons.MIXED_ADDRESS_FAMILIES, "addresses mix IPv4 and IPv6; use one VirtualIP per family");
        }

        // version and interval, defaulted from the pool
        version = spec.getVersion() == null ? pool.defaultVersion : spec.getVersion();
        if (version != 2 && version != 3) {
            problem(Reasons.INVALID_VERSION, "version must be 2 or 3, got " + version);
        } else {
            interval = spec.getAdvertisementInterval() == null ? pool.defaultInterval : spec.getAdvertisementInterval();
            Intervals.problem(interval, version).ifPresent(p -> problem(Reasons.INVALID_ADVERTISEMENT_INTERVAL,
                    "advertisementInterval" + (spec.getAdvertisementInterval() == null ? " (the pool's default)" : "")
                            + ": " + p));
        }
        if (version == 2 && anyV6) {
            problem(Reasons.VERSION_2_IPV6, "VRRP version 2 carries IPv4 addresses only (RFC 3768); use version 3 for IPv6");
        }
        boolean noPseudoHeader = Boolean.FALSE.equals(spec.getChecksumWithPseudoHeader());
        if (noPseudoHeader && (version == 2 || anyV6)) {
            problem(Reasons.CHECKSUM_OPTION_NOT_APPLICABLE,
                    "checksumWithPseudoHeader: false applies only to VRRP version 3 over IPv4 (RFC 9568 section 5.2.8)");
        }
        ipv4Only = version == 2 || noPseudoHeader;

        if (spec.getPreemptDelay() != null) {
            try {
                Duration delay = Durations.parse(spec.getPreemptDelay());
                if (delay.compareTo(MAX_PREEMPT_DELAY) > 0) {
                    problem(Reasons.INVALID_PREEMPT_DELAY, "preemptDelay is at most 1000s, got " + spec.getPreemptDelay());
                }
            } catch (Durations.InvalidDurationException e) {
                problem(Reasons.INVALID_PREEMPT_DELAY, "preemptDelay: " + e.getMessage());
            }
        }

        if (spec.getPreferredNodes() != null) {
            for (PreferredNode p : spec.getPreferredNodes()) {
                if (p == null || p.getNode() == null || p.getPriority() == null) {
                    problem(Reasons.INVALID_PRIORITY, "each preferred node names a node and a priority");
                } else if (p.getPriority() < 1 || p.getPriority() > 254) {
                    problem(Reasons.INVALID_PRIORITY, "priority of node " + p.getNode() + " must be 1..254 (255 is the "
                            + "address owner's, RFC 9568 section 5.2.4), got " + p.getPriority());
                } else if (preferred.putIfAbsent(p.getNode(), p.getPriority()) != null) {
                    problem(Reasons.INVALID_PRIORITY, "node " + p.getNode() + " appears twice in preferredNodes");
                }
            }
        }

        if (explicitVrid != null && (explicitVrid < pool.vridMin || explicitVrid > pool.vridMax)) {
            problem(Reasons.VIRTUAL_ROUTER_ID_OUTSIDE_POOL, "virtualRouterId " + explicitVrid + " lies outside "
                    + "VirtualIPPool " + pool.name + "'s range " + pool.vridMin + ".." + pool.vridMax);
        }

        checkScripts(spec.getChecks(), spec.getNotify());
    }

    /** Checks are well formed; exec runs only inside the pool's scriptDirectory (DESIGN.md section 5). */
    private void checkScripts(List<CheckSpec> checks, NotifySpec notify) {
        Set<String> names = new HashSet<>();
        if (checks != null) {
            for (CheckSpec c : checks) {
                if (c == null || c.getName() == null || c.getName().isEmpty()) {
                    problem(Reasons.INVALID_CHECK, "every check has a name");
                    continue;
                }
                if (!names.add(c.getName())) {
                    problem(Reasons.INVALID_CHECK, "check name " + c.getName() + " is used twice");
                }
                int probes = (c.getExec() != null ? 1 : 0) + (c.getHttp() != null ? 1 : 0) + (c.getTcp() != null ? 1 : 0);
                if (probes != 1) {
                    problem(Reasons.INVALID_CHECK, "check " + c.getName() + " must have exactly one of exec, http, tcp");
                }
                for (String duration : new String[] {c.getInterval(), c.getTimeout()}) {
                    if (duration != null) {
                        try {
                            Durations.parse(duration);
                        } catch (Durations.InvalidDurationException e) {
                            problem(Reasons.INVALID_CHECK, "check " + c.getName() + ": " + e.getMessage());
                        }
                    }
                }
                if (c.getExec() != null) {
                    checkExec("check " + c.getName(), c.getExec().getCommand());
                }
            }
        }
        if (notify != null && notify.getExec() != null) {
            checkExec("notify", notify.getExec().getCommand());
        }
    }

    private void checkExec(String what, List<String> command) {
        if (pool.scriptDirectory == null) {
            problem(Reasons.EXEC_NOT_ALLOWED, what + " runs a script, but VirtualIPPool " + pool.name
                    + " has no scriptDirectory (exec is not allowed in this pool)");
            return;
        }
        if (command == null || command.isEmpty() || command.getFirst() == null || command.getFirst().isEmpty()) {
            problem(Reasons.INVALID_CHECK, what + " has an empty command");
            return;
        }
        String program = command.getFirst();
        if (program.startsWith("/") || program.matches("(.*/)?[.][.](/.*)?")) {
            problem(Reasons.SCRIPT_OUTSIDE_DIRECTORY, what + ": program '" + program + "' must be a path relative to "
                    + pool.scriptDirectory + " (no leading '/', no '..')");
        }
    }

    /** The recorded addresses can be taken again: same pool, one allowed family, inside the pool. */
    boolean recordedAddressesUsable() {
        if (recordedIps.isEmpty() || new HashSet<>(recordedIps).size() != recordedIps.size()) {
            return false;
        }
        boolean v6 = recordedIps.getFirst().v6();
        for (IpAddress ip : recordedIps) {
            if (ip.v6() != v6 || (v6 && ipv4Only) || !pool.contains(ip)) {
                return false;
            }
        }
        return true;
    }

    boolean recordedVridUsable() {
        return recordedVrid != null && recordedVrid >= pool.vridMin && recordedVrid <= pool.vridMax;
    }

    /** Family of the outcome. */
    boolean v6() {
        return ips.getFirst().v6();
    }
}
