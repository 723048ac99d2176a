package io.vipkeeper.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.vipkeeper.agent.check.CheckDefinition;
import io.vipkeeper.agent.notify.HookDefinition;
import io.vipkeeper.agent.vrrp.VrrpVersion;
import io.vipkeeper.agent.vrrp.wire.AddressFamily;
import io.vipkeeper.api.v1alpha1.Formats;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second pass: walks the YAML tree, checks every rule of the standalone configuration and builds the
 * {@link AgentConfig}. Every problem is reported (not only the first); an instance or group with a problem is
 * left out, and the loader then refuses the whole file. Pure.
 */
final class ConfigReader {

    static final List<String> ROOT_KEYS = List.of("instances", "syncGroups");
    static final List<String> INSTANCE_KEYS = List.of("name", "interface", "virtualRouterId", "priority", "version",
            "advertisementInterval", "preempt", "preemptDelay", "startAsBackup", "addresses", "unicastPeers",
            "checksumWithPseudoHeader", "announcements", "checks", "notify");
    static final List<String> ANNOUNCEMENT_KEYS = List.of("repeat", "secondBurstDelay", "refreshInterval");
    static final List<String> SYNC_GROUP_KEYS = List.of("name", "members");

    /** RFC 9568 §5.2.7: Max Advertise Interval is 12 bits of centiseconds, so 10 ms..40.95 s. */
    static final int V3_MAX_CENTISECONDS = 4095;
    /** RFC 3768 §5.3.7: Adver Int is 8 bits of whole seconds; 0 makes no sense. */
    static final int V2_MAX_SECONDS = 255;
    /** keepalived's upper bound for preempt_delay (and the CRD's). */
    static final Duration MAX_PREEMPT_DELAY = Duration.ofSeconds(1000);
    /** Linux IFNAMSIZ is 16 bytes with the terminating NUL (include/uapi/linux/if.h). */
    static final int MAX_INTERFACE_NAME = 15;

    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration TEN_MS = Duration.ofMillis(10);

    private final Problems problems;
    private final CheckAndNotifyReader checkReader;

    ConfigReader(Problems problems, SpecBinder binder) {
        this.problems = problems;
        this.checkReader = new CheckAndNotifyReader(problems, binder);
    }

    AgentConfig read(JsonNode root, String source) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            problems.at("", "the file is empty; it needs at least 'instances:' with one instance");
            return null;
        }
        MappingReader top = MappingReader.of(problems, root, "", "the file", ROOT_KEYS);
        if (top == null) {
            return null;
        }
        List<MappingReader.Element> elements = top.list("instances");
        List<InstanceSettings> instances = new ArrayList<>();
        Set<String> declaredNames = new LinkedHashSet<>();
        if (elements != null && elements.isEmpty()) {
            problems.at(top.has("instances") ? top.pointer("instances") : "",
                    "'instances' needs at least one instance");
        }
        if (elements != null) {
            Map<String, Integer> nameIndex = new HashMap<>();
            Map<String, Integer> routerIndex = new HashMap<>();
            for (MappingReader.Element element : elements) {
                InstanceSettings instance = instance(element, nameIndex, routerIndex, declaredNames);
                if (instance != null) {
                    instances.add(instance);
                }
            }
        }
        List<SyncGroupSettings> groups = syncGroups(top, declaredNames);
        return new AgentConfig(source, instances, groups);
    }

    private InstanceSettings instance(MappingReader.Element element, Map<String, Integer> nameIndex,
            Map<String, Integer> routerIndex, Set<String> declaredNames) {
        int before = problems.count();
        MappingReader m = MappingReader.of(problems, element.node(), element.pointer(), "an instance", INSTANCE_KEYS);
        if (m == null) {
            return null;
        }
        String name = m.requiredText("name");
        if (name != null) {
            declaredNames.add(name);
            if (!name.matches(Formats.CHECK_NAME)) {
                problems.at(m.pointer("name"), "instance name '" + name + "' must start with a letter or digit and "
                        + "hold only letters, digits, '_', '.', '-' (at most 63 characters)");
            } else if (nameIndex.putIfAbsent(name, element.index()) != null) {
                problems.at(m.pointer("name"), "instance name '" + name + "' is already used by instances["
                        + nameIndex.get(name) + "]; names are unique");
            }
        }
        String interfaceName = interfaceName(m);
        Integer vrid = m.requiredInteger("virtualRouterId", 1, 255);
        Integer priority = m.requiredInteger("priority", 1, InstanceSettings.OWNER_PRIORITY);
        Integer versionNumber = m.integer("version", 3, 2, 3);
        VrrpVersion version = versionNumber == null ? null : VrrpVersion.fromWire(versionNumber);

        List<VipAddress> addresses = addresses(m);
        AddressFamily family = addresses == null || addresses.isEmpty() ? null : addresses.getFirst().family();
        if (version == VrrpVersion.V2 && family == AddressFamily.IPV6) {
            problems.at(m.pointer("version"), "VRRP version 2 carries IPv4 addresses only (RFC 3768 §5.1); "
                    + "use version 3 for IPv6");
        }
        Integer centiseconds = advertisementInterval(m, version);
        Boolean preempt = m.bool("preempt", true);
        Duration preemptDelay = m.duration("preemptDelay", Duration.ZERO);
        if (preemptDelay != null && preemptDelay.compareTo(MAX_PREEMPT_DELAY) > 0) {
            problems.at(m.pointer("preemptDelay"), "'preemptDelay' is at most 1000s (keepalived's limit), not "
                    + m.raw("preemptDelay").asText());
        }
        if (Boolean.FALSE.equals(preempt) && preemptDelay != null && !preemptDelay.isZero()) {
            // A delay before preempting means nothing when there is no preempting (keepalived: "preempt_delay is
            // incompatible with nopreempt mode").
            problems.at(m.pointer("preemptDelay"), "'preemptDelay' has no effect with 'preempt: false'; remove one");
        }
        Boolean startAsBackup = m.bool("startAsBackup", false);
        if (priority != null && priority == InstanceSettings.OWNER_PRIORITY) {
            // RFC 9568 §6.4.1: the owner (priority 255) goes straight to Active at startup, and §6.1: it always
            // preempts whatever Preempt_Mode says. Writing the opposite is a mistake, not a wish we could honour
            // (keepalived reports both as configuration errors and overrides them).
            if (Boolean.TRUE.equals(startAsBackup) && m.has("startAsBackup")) {
                problems.at(m.pointer("startAsBackup"), "the address owner (priority 255) always starts as MASTER "
                        + "(RFC 9568 §6.4.1); remove 'startAsBackup' or lower the priority to 254 or less");
            }
            if (Boolean.FALSE.equals(preempt)) {
                problems.at(m.pointer("preempt"), "the address owner (priority 255) always preempts (RFC 9568 §6.1); "
                        + "remove 'preempt: false' or lower the priority to 254 or less");
            }
        }
        List<InetAddress> peers = unicastPeers(m, family, addresses);
        Boolean checksumWithPseudoHeader = m.bool("checksumWithPseudoHeader", true);
        if (Boolean.FALSE.equals(checksumWithPseudoHeader)
                && (version == VrrpVersion.V2 || family == AddressFamily.IPV6)) {
            // RFC 3768 §5.3.8 (v2) has no pseudo-header; RFC 9568 §5.2.8 makes it mandatory for IPv6. Only v3 over
            // IPv4 has peers (keepalived with v3_checksum_as_v2) that leave it out.
            problems.at(m.pointer("checksumWithPseudoHeader"), "'checksumWithPseudoHeader: false' is only meaningful "
                    + "for VRRP version 3 over IPv4; remove it");
        }
        AnnouncementSettings announcements = announcements(m);
        List<CheckDefinition> checks = checkReader.checks(m, family);
        List<HookDefinition> hooks = checkReader.hooks(m);

        if (interfaceName != null && vrid != null && family != null) {
            // RFC 9568 §7.1/§5.1: a VRID identifies a virtual router on a LAN per address family; two instances with
            // the same one on the same interface would answer each other's adverts.
            String key = interfaceName + "/" + family + "/" + vrid;
            Integer first = routerIndex.putIfAbsent(key, element.index());
            if (first != null) {
                problems.at(m.pointer("virtualRouterId"), "virtualRouterId " + vrid + " on " + interfaceName + " ("
                        + family + ") is already used by instances[" + first + "]; it must be unique per interface "
                        + "and address family");
            }
        }
        if (problems.count() != before || name == null || interfaceName == null || vrid == null || priority == null
                || version == null || centiseconds == null || preempt == null || preemptDelay == null
                || startAsBackup == null || addresses == null || addresses.isEmpty() || peers == null
                || checksumWithPseudoHeader == null || announcements == null) {
            return null;
        }
        return new InstanceSettings(name, interfaceName, vrid, priority, version, centiseconds, preempt,
                preemptDelay, startAsBackup, addresses, peers, checksumWithPseudoHeader, announcements, checks, hooks);
    }

    /** Linux's dev_valid_name(): 1..15 bytes, not "." or "..", no '/', ':' or white space. */
    private String interfaceName(MappingReader m) {
        String name = m.requiredText("interface");
        if (name == null) {
            return null;
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_INTERFACE_NAME || name.equals(".")
                || name.equals("..") || name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c))) {
            problems.at(m.pointer("interface"), "'" + name + "' is not a Linux interface name (1..15 characters, "
                    + "no '/', ':' or spaces)");
            return null;
        }
        return name;
    }

    private List<VipAddress> addresses(MappingReader m) {
        if (!m.has("addresses")) {
            problems.at(m.pointer(), "'addresses' is missing; give at least one virtual address in CIDR notation");
            return null;
        }
        List<MappingReader.Element> texts = m.texts("addresses");
        if (texts == null) {
            return null;
        }
        if (texts.isEmpty()) {
            problems.at(m.pointer("addresses"), "'addresses' needs at least one virtual address in CIDR notation");
            return null;
        }
        List<VipAddress> addresses = new ArrayList<>();
        boolean ok = true;
        for (MappingReader.Element text : texts) {
            switch (AddressLiterals.parseCidr(text.node().textValue())) {
                case AddressLiterals.Parsed.Invalid<VipAddress>(String reason) -> {
                    problems.at(text.pointer(), reason);
                    ok = false;
                }
                case AddressLiterals.Parsed.Ok<VipAddress>(VipAddress vip) -> {
                    String unusable = unusable(vip.address());
                    if (unusable != null) {
                        problems.at(text.pointer(), vip + " is " + unusable + "; it cannot be a virtual address");
                        ok = false;
                    } else if (!addresses.isEmpty() && vip.family() != addresses.getFirst().family()) {
                        // RFC 9568 §5.2.9: the address list of one virtual router is all IPv4 or all IPv6.
                        problems.at(text.pointer(), vip + " is " + vip.family() + " but " + addresses.getFirst()
                                + " is " + addresses.getFirst().family() + "; one address family per instance "
                                + "(RFC 9568 §5.2.9): use a second instance for the other family");
                        ok = false;
                    } else if (addresses.stream().anyMatch(a -> a.address().equals(vip.address()))) {
                        problems.at(text.pointer(), vip + " is listed twice");
                        ok = false;
                    } else {
                        addresses.add(vip);
                    }
                }
            }
        }
        return ok ? addresses : null;
    }

    private static String unusable(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        return null;
    }

    /**
     * The advertisement interval in centiseconds. v3: RFC 9568 §5.2.7, 12 bits of centiseconds (10 ms..40.95 s);
     * v2: RFC 3768 §5.3.7, 8 bits of whole seconds.
     */
    private Integer advertisementInterval(MappingReader m, VrrpVersion version) {
        Duration interval = m.duration("advertisementInterval", DEFAULT_INTERVAL);
        if (interval == null || version == null) {
            return null;
        }
        String at = m.pointer("advertisementInterval");
        String written = m.has("advertisementInterval") ? m.raw("advertisementInterval").asText() : "1s";
        if (version == VrrpVersion.V2) {
            long seconds = interval.toSeconds();
            if (interval.toNanos() % 1_000_000_000L != 0 || seconds < 1 || seconds > V2_MAX_SECONDS) {
                problems.at(at, "VRRP version 2 advertises in whole seconds, 1s..255s (RFC 3768 §5.3.7), not "
                        + written);
                return null;
            }
            return Math.toIntExact(seconds * 100);
        }
        if (interval.toNanos() % TEN_MS.toNanos() != 0 || interval.compareTo(TEN_MS) < 0
                || interval.compareTo(TEN_MS.multipliedBy(V3_MAX_CENTISECONDS)) > 0) {
            problems.at(at, "VRRP version 3 advertises in whole centiseconds, 10ms..40.95s (RFC 9568 §5.2.7), not "
                    + written);
            return null;
        }
        return Math.toIntExact(interval.toMillis() / 10);
    }

    private List<InetAddress> unicastPeers(MappingReader m, AddressFamily family, List<VipAddress> addresses) {
        List<MappingReader.Element> texts = m.texts("unicastPeers");
        if (texts == null) {
            return null;
        }
        List<InetAddress> peers = new ArrayList<>();
        boolean ok = true;
        for (MappingReader.Element text : texts) {
            switch (AddressLiterals.parseAddress(text.node().textValue())) {
                case AddressLiterals.Parsed.Invalid<InetAddress>(String reason) -> {
                    problems.at(text.pointer(), reason);
                    ok = false;
                }
                case AddressLiterals.Parsed.Ok<InetAddress>(InetAddress peer) -> {
                    String shown = AddressLiterals.format(peer);
                    String unusable = unusable(peer);
                    if (unusable != null) {
                        problems.at(text.pointer(), "unicast peer " + shown + " is " + unusable);
                        ok = false;
                    } else if (family != null && !family.contains(peer)) {
                        problems.at(text.pointer(), "unicast peer " + shown + " is " + AddressFamily.of(peer)
                                + " but the instance's addresses are " + family + "; adverts travel in the "
                                + "addresses' family (RFC 9568 §5.1)");
                        ok = false;
                    } else if (peers.contains(peer)) {
                        problems.at(text.pointer(), "unicast peer " + shown + " is listed twice");
                        ok = false;
                    } else if (addresses != null && addresses.stream().anyMatch(a -> a.address().equals(peer))) {
                        problems.at(text.pointer(), "unicast peer " + shown + " is one of the instance's virtual "
                                + "addresses; peers are the other routers' own addresses");
                        ok = false;
                    } else {
                        peers.add(peer);
                    }
                }
            }
        }
        return ok ? peers : null;
    }

    private AnnouncementSettings announcements(MappingReader m) {
        JsonNode node = m.raw("announcements");
        if (node == null) {
            return AnnouncementSettings.DEFAULTS;
        }
        MappingReader a = MappingReader.of(problems, node, m.pointer("announcements"), "'announcements'",
                ANNOUNCEMENT_KEYS);
        if (a == null) {
            return null;
        }
        AnnouncementSettings d = AnnouncementSettings.DEFAULTS;
        Integer repeat = a.integer("repeat", d.repeat(), 1, 100);
        Duration secondBurstDelay = a.duration("secondBurstDelay", d.secondBurstDelay());
        if (secondBurstDelay != null && secondBurstDelay.compareTo(MAX_PREEMPT_DELAY) > 0) {
            problems.at(a.pointer("secondBurstDelay"), "'secondBurstDelay' is at most 1000s");
            secondBurstDelay = null;
        }
        Duration refreshInterval = a.duration("refreshInterval", d.refreshInterval());
        if (refreshInterval != null && !refreshInterval.isZero() && refreshInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            // keepalived counts garp_master_refresh in whole seconds; a faster refresh only floods the LAN.
            problems.at(a.pointer("refreshInterval"), "'refreshInterval' is 0s (no refresh) or at least 1s, not "
                    + a.raw("refreshInterval").asText());
            refreshInterval = null;
        }
        if (repeat == null || secondBurstDelay == null || refreshInterval == null) {
            return null;
        }
        return new AnnouncementSettings(repeat, secondBurstDelay, refreshInterval);
    }

    private List<SyncGroupSettings> syncGroups(MappingReader top, Set<String> declaredNames) {
        List<MappingReader.Element> elements = top.list("syncGroups");
        if (elements == null) {
            return List.of();
        }
        List<SyncGroupSettings> groups = new ArrayList<>();
        Map<String, Integer> groupIndex = new HashMap<>();
        Map<String, String> groupOfMember = new HashMap<>();
        for (MappingReader.Element element : elements) {
            int before = problems.count();
            MappingReader g = MappingReader.of(problems, element.node(), element.pointer(), "a sync group",
                    SYNC_GROUP_KEYS);
            if (g == null) {
                continue;
            }
            String name = g.requiredText("name");
            if (name != null) {
                if (!name.matches(Formats.CHECK_NAME)) {
                    problems.at(g.pointer("name"), "sync group name '" + name + "' must start with a letter or digit "
                            + "and hold only letters, digits, '_', '.', '-' (at most 63 characters)");
                } else if (groupIndex.putIfAbsent(name, element.index()) != null) {
                    problems.at(g.pointer("name"), "sync group name '" + name + "' is already used by syncGroups["
                            + groupIndex.get(name) + "]");
                }
            }
            List<String> members = new ArrayList<>();
            if (!g.has("members")) {
                problems.at(g.pointer(), "'members' is missing; list the instances of the group");
            } else {
                List<MappingReader.Element> texts = g.texts("members");
                if (texts != null && texts.isEmpty()) {
                    problems.at(g.pointer("members"), "'members' needs at least one instance");
                }
                for (MappingReader.Element text : texts == null ? List.<MappingReader.Element>of() : texts) {
                    String member = text.node().textValue();
                    String otherGroup = groupOfMember.get(member);
                    if (!declaredNames.contains(member)) {
                        problems.at(text.pointer(), "no instance is named '" + member + "'");
                    } else if (members.contains(member)) {
                        problems.at(text.pointer(), "'" + member + "' is listed twice");
                    } else if (otherGroup != null) {
                        problems.at(text.pointer(), "'" + member + "' is already a member of sync group '" + otherGroup
                                + "'; an instance belongs to at most one group");
                    } else {
                        members.add(member);
                        if (name != null) {
                            groupOfMember.put(member, name);
                        }
                    }
                }
            }
            if (problems.count() == before && name != null) {
                groups.add(new SyncGroupSettings(name, members));
            }
        }
        return groups;
    }
}
