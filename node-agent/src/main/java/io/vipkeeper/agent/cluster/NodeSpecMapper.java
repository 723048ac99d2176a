package io.vipkeeper.agent.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vipkeeper.agent.config.AgentConfig;
import io.vipkeeper.agent.config.AgentConfigLoader;
import io.vipkeeper.agent.config.ConfigException;
import io.vipkeeper.agent.config.ConfigProblem;
import io.vipkeeper.agent.config.InstanceSettings;
import io.vipkeeper.agent.config.VipAddress;
import io.vipkeeper.api.v1alpha1.AdvertisementMode;
import io.vipkeeper.api.v1alpha1.NodeInstanceSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPNodeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a node's desired configuration ({@code VirtualIPNode.spec}) to the agent's {@link AgentConfig}. Pure: the
 * node's interfaces come in as a {@link NodeInterfaces} value.
 *
 * <p>Each instance is rendered into the standalone file's shape and run through {@link AgentConfigLoader}, so
 * the cluster mode applies exactly the standalone rules and defaults (durations, check and notify defaults,
 * announcements) and the same {@code CheckSpec}/{@code NotifySpec} mapping. One instance at a time: an instance
 * with a problem is left out and reported, the others still run.
 *
 * <p>Choices: every instance starts as BACKUP ({@code startAsBackup}), so that a restarted agent does not take the
 * addresses from a healthy MASTER (DESIGN.md §3; spec priorities are 1..254, never the owner's 255). A
 * {@code Unicast} instance with no peers (the only eligible node) is run with multicast adverts, because
 * {@link InstanceSettings} has no "unicast to nobody"; {@code unicastSource} is not carried (the runtime sends
 * from the interface's primary address).
 */
public final class NodeSpecMapper {

    /** The placeholder name the standalone rules see; spec names may be longer than its 63 characters. */
    private static final String PLACEHOLDER_NAME = "instance";
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeSpecMapper() {
    }

    /**
     * What an instance could not be run for.
     *
     * @param instance the spec's instance name ({@code spec.instances[i]} when it has none)
     * @param message what is wrong, in plain words
     */
    public record InstanceProblem(String instance, String message) {
        public InstanceProblem {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The mapping's outcome.
     *
     * @param config the instances that can run (possibly none)
     * @param problems one entry per problem of a left-out instance, in spec order
     * @param scriptDirectory the script directory of the instances (the pool's), empty when none names one
     * @param runScriptsAsRoot whether any instance asks for scripts to run as root
     */
    public record Result(AgentConfig config, List<InstanceProblem> problems, Optional<String> scriptDirectory,
            boolean runScriptsAsRoot) {
        public Result {
            Objects.requireNonNull(config, "config");
            problems = List.copyOf(problems);
            Objects.requireNonNull(scriptDirectory, "scriptDirectory");
        }

        /** The problems of one instance, by spec name. */
        public List<String> problemsOf(String instance) {
            return problems.stream().filter(p -> p.instance().equals(instance)).map(InstanceProblem::message)
                    .toList();
        }
    }

    /**
     * Maps {@code spec} (null or without instances: no instance) on a node with {@code interfaces}.
     *
     * @param source names the configuration in log lines, for example {@code VirtualIPNode/node-1}
     */
    public static Result map(VirtualIPNodeSpec spec, NodeInterfaces interfaces, String source) {
        List<NodeInstanceSpec> specs = spec == null || spec.getInstances() == null ? List.of() : spec.getInstances();
        List<InstanceSettings> instances = new ArrayList<>();
        List<InstanceProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> vridOwners = new HashMap<>();
        String scriptDirectory = null;
        boolean asRoot = false;
        for (int i = 0; i < specs.size(); i++) {
            NodeInstanceSpec instance = specs.get(i);
            String label = instance == null || instance.getName() == null || instance.getName().isBlank()
                    ? "spec.instances[" + i + "]" : instance.getName();
            List<String> messages = new ArrayList<>();
            InstanceSettings settings = null;
            if (instance == null) {
                messages.add("the instance is empty");
            } else if (label.startsWith("spec.instances[")) {
                messages.add("the instance has no name");
            } else if (!names.add(label)) {
                messages.add("the instance name is used twice in the spec");
            } else {
                settings = one(instance, interfaces, source, messages);
            }
            if (messages.isEmpty() && settings != null) {
                // RFC 9568 §5.2.3: a VRID identifies one virtual router on a LAN, per address family.
                String key = settings.interfaceName() + "/" + settings.family() + "/" + settings.virtualRouterId();
                String other = vridOwners.putIfAbsent(key, label);
                if (other != null) {
                    messages.add("virtualRouterId " + settings.virtualRouterId() + " on " + settings.interfaceName()
                            + " (" + settings.family() + ") is already used by instance " + other);
                }
            }
            if (!messages.isEmpty() || settings == null) {
                messages.forEach(m -> problems.add(new InstanceProblem(label, m)));
                continue;
            }
            instances.add(settings);
            if (instance.getScriptDirectory() != null) {
                if (scriptDirectory == null) {
                    scriptDirectory = instance.getScriptDirectory();
                } else if (!scriptDirectory.equals(instance.getScriptDirectory())) {
                    problems.add(new InstanceProblem(label, "scriptDirectory " + instance.getScriptDirectory()
                            + " differs from " + scriptDirectory + " of an earlier instance; the agent runs scripts"
                            + " from one directory, the earlier one"));
                }
            }
            asRoot |= Boolean.TRUE.equals(instance.getRunScriptsAsRoot());
        }
        return new Result(new AgentConfig(source, instances, List.of()), problems, Optional.ofNullable(scriptDirectory),
                asRoot);
    }

    /** One instance through the standalone rules; null (with messages) when it cannot run. */
    private static InstanceSettings one(NodeInstanceSpec spec, NodeInterfaces interfaces, String source,
            List<String> messages) {
        String interfaceName = interfaceOf(spec, interfaces, messages);
        if (interfaceName == null) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("name", PLACEHOLDER_NAME);
        node.put("interface", interfaceName);
        putIfSet(node, "virtualRouterId", spec.getVirtualRouterId());
        putIfSet(node, "priority", spec.getPriority());
        putIfSet(node, "version", spec.getVersion());
        if (spec.getAdvertisementInterval() != null) {
            node.put("advertisementInterval", spec.getAdvertisementInterval());
        }
        if (spec.getPreempt() != null) {
            node.put("preempt", spec.getPreempt());
        }
        if (spec.getPreemptDelay() != null) {
            node.put("preemptDelay", spec.getPreemptDelay());
        }
        node.put("startAsBackup", true);
        if (spec.getChecksumWithPseudoHeader() != null) {
            node.put("checksumWithPseudoHeader", spec.getChecksumWithPseudoHeader());
        }
        if (spec.getAddresses() != null) {
            ArrayNode addresses = node.putArray("addresses");
            spec.getAddresses().forEach(addresses::add);
        }
        if (spec.getMode() == AdvertisementMode.Unicast && spec.getUnicastPeers() != null
                && !spec.getUnicastPeers().isEmpty()) {
            ArrayNode peers = node.putArray("unicastPeers");
            spec.getUnicastPeers().forEach(peers::add);
        }
        if (spec.getChecks() != null) {
            node.set("checks", JSON.valueToTree(spec.getChecks()));
        }
        if (spec.getNotify() != null) {
            node.set("notify", JSON.valueToTree(spec.getNotify()));
        }
        ObjectNode root = JSON.createObjectNode();
        root.putArray("instances").add(node);
        try {
            // JSON text is YAML text: the standalone loader reads it as it reads a file.
            AgentConfig one = AgentConfigLoader.parse(root.toString(), source);
            return renamed(one.instances().getFirst(), spec.getName());
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                String path = problem.path() == null ? "" : problem.path().replaceFirst("^instances\\[0\\]\\.?", "");
                messages.add((path.isEmpty() ? "" : path + ": ") + problem.message());
            }
            return null;
        }
    }

    private static String interfaceOf(NodeInstanceSpec spec, NodeInterfaces interfaces, List<String> messages) {
        if (spec.getInterfaceName() != null) {
            if (!interfaces.has(spec.getInterfaceName())) {
                messages.add("interface " + spec.getInterfaceName() + " does not exist on this node");
                return null;
            }
            return spec.getInterfaceName();
        }
        if (spec.getInterfaceCidr() != null) {
            VipAddress network;
            try {
                network = VipAddress.parse(spec.getInterfaceCidr());
            } catch (IllegalArgumentException e) {
                messages.add("interfaceCidr " + e.getMessage());
                return null;
            }
            Optional<String> found = interfaces.holding(network);
            if (found.isEmpty()) {
                messages.add("no interface on this node holds an address inside " + spec.getInterfaceCidr());
                return null;
            }
            return found.get();
        }
        messages.add("the instance names neither interfaceName nor interfaceCidr");
        return null;
    }

    private static void putIfSet(ObjectNode node, String key, Integer value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    private static InstanceSettings renamed(InstanceSettings s, String name) {
        return new InstanceSettings(name, s.interfaceName(), s.virtualRouterId(), s.priority(), s.version(),
                s.advertisementIntervalCentiseconds(), s.preempt(), s.preemptDelay(), s.startAsBackup(),
                s.addresses(), s.unicastPeers(), s.checksumWithPseudoHeader(), s.announcements(), s.checks(),
                s.hooks());
    }
}
