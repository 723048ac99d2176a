package io.vipkeeper.agent.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vipkeeper.agent.check.exec.ScriptUser;
import io.vipkeeper.agent.config.AgentConfig;
import io.vipkeeper.agent.config.VipAddress;
import io.vipkeeper.agent.linux.LinuxException;
import io.vipkeeper.agent.runtime.AgentRuntime;
import io.vipkeeper.agent.runtime.AgentSnapshot;
import io.vipkeeper.agent.runtime.ChecksAndHooks;
import io.vipkeeper.agent.runtime.StateFileWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's cluster mode: {@code vipkeeper-agent --kubernetes [--node-name NAME] [--script-user USER]
 * [--script-dir DIR] [--state-file FILE]}. The node name comes from {@code --node-name} or the environment's
 * {@code NODE_NAME} (the DaemonSet sets it from spec.nodeName); the configuration from this node's VirtualIPNode;
 * the script directory from the spec (the pool's scriptDirectory), unless {@code --script-dir} overrides it.
 *
 * <p>The VRRP runtime and the checks are created at the first configuration: the script directory and user are
 * fixed then. A later spec that names another script directory is applied with the first one (and logged).
 */
public final class ClusterMode {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMode.class);
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    private ClusterMode() {
    }

    /** The cluster mode's command line. */
    record Options(String nodeName, Path scriptDir, String scriptUser, Path stateFile) {}

    /** True when the command line asks for the cluster mode. */
    public static boolean requested(String[] args) {
        return List.of(args).contains("--kubernetes");
    }

    /**
     * Parses the command line; {@code env} supplies NODE_NAME.
     *
     * @throws IllegalArgumentException with a plain-words reason
     */
    static Options parse(String[] args, Map<String, String> env) {
        String nodeName = null;
        Path scriptDir = null;
        String scriptUser = null;
        Path stateFile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--kubernetes" -> {
                    continue;
                }
                case "--node-name" -> nodeName = required(arg, value);
                case "--script-dir" -> scriptDir = Path.of(required(arg, value));
                case "--script-user" -> scriptUser = required(arg, value);
                case "--state-file" -> stateFile = Path.of(required(arg, value));
                default -> throw new IllegalArgumentException("unknown option " + arg + " in --kubernetes mode");
            }
            i++;
        }
        if (nodeName == null) {
            nodeName = env.get("NODE_NAME");
        }
        if (nodeName == null || nodeName.isBlank()) {
            throw new IllegalArgumentException("--kubernetes needs the node name: --node-name NAME or NODE_NAME");
        }
        return new Options(nodeName, scriptDir, scriptUser, stateFile);
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /**
     * Runs until {@code onTerminate} fires.
     *
     * @param onTerminate registers the action to run on SIGTERM/SIGINT
     * @return the process exit code
     */
    public static int run(String[] args, Map<String, String> env, PrintStream err, Consumer<Runnable> onTerminate)
            throws InterruptedException {
        Options options;
        try {
            options = parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("vipkeeper-agent: " + e.getMessage());
            err.println("usage: vipkeeper-agent --kubernetes [--node-name NAME] [--script-user USER|root]"
                    + " [--script-dir DIR] [--state-file FILE]");
            return EXIT_USAGE;
        }
        String version = Optional.ofNullable(ClusterMode.class.getPackage().getImplementationVersion())
                .orElse("dev");
        CountDownLatch stop = new CountDownLatch(1);
        onTerminate.accept(stop::countDown);
        try (KubernetesClient client = new KubernetesClientBuilder().build();
                Engine engine = new Engine(options)) {
            NodeAgent agent = new NodeAgent(client, options.nodeName(), ClusterMode::hostInterfaces, engine,
                    Clock.systemUTC(), version, NodeAgent.DEFAULT_HEARTBEAT);
            engine.statusSink = agent::publish;
            agent.setMappingListener(engine::mapped);
            agent.start();
            LOG.info("vipkeeper-agent {} watching VirtualIPNode {}", version, options.nodeName());
            while (!stop.await(200, java.util.concurrent.TimeUnit.MILLISECONDS) && !engine.stoppedOnItsOwn()) {
                // wait for a signal, or for the VRRP loop to stop on its own (a fatal error)
            }
            agent.close();
            LOG.info("stopping: sending priority 0 where MASTER, removing VIPs, notifying STOP");
            return engine.stoppedOnItsOwn() ? EXIT_FAILURE : EXIT_OK;
        }
    }

    /** The runtime, the checks and the hooks, created at the first configuration. */
    private static final class Engine implements Consumer<AgentConfig>, AutoCloseable {
        private final Options options;
        private NodeSpecMapper.Result mapping;
        private ChecksAndHooks services;
        private volatile AgentRuntime runtime;
        private StateFileWriter stateFile;
        volatile Consumer<AgentSnapshot> statusSink = s -> {};

        /** True when the VRRP loop ran and stopped by itself (a fatal error): the process should exit. */
        boolean stoppedOnItsOwn() {
            AgentRuntime r = runtime;
            return r != null && !r.isRunning();
        }

        Engine(Options options) {
            this.options = options;
        }

        void mapped(NodeSpecMapper.Result result) {
            mapping = result;
        }

        @Override
        public synchronized void accept(AgentConfig config) {
            try {
                if (runtime == null) {
                    startWith(config);
                } else {
                    if (mapping != null && mapping.scriptDirectory().isPresent() && options.scriptDir() == null
                            && !mapping.scriptDirectory().get().equals(scriptDirectory().orElse(null))) {
                        LOG.warn("the spec names script directory {}; scripts still run from the first one until "
                                + "the agent restarts", mapping.scriptDirectory().get());
                    }
                    services.prepare(config);
                    runtime.reload(config);
                    services.startChecks(runtime, config);
                }
                LOG.info("applied {} instance(s)", config.instances().size());
            } catch (LinuxException | IOException | RuntimeException e) {
                LOG.error("configuration not applied: {}", e.getMessage(), e);
                if (runtime == null) {
                    closeQuietly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Optional<String> scriptDirectory() {
            if (options.scriptDir() != null) {
                return Optional.of(options.scriptDir().toString());
            }
            return mapping == null ? Optional.empty() : mapping.scriptDirectory();
        }

        private void startWith(AgentConfig config) throws IOException, LinuxException, InterruptedException {
            Path scriptDir = scriptDirectory().map(Path::of).orElse(null);
            String user = options.scriptUser() != null ? options.scriptUser()
                    : mapping != null && mapping.runScriptsAsRoot() ? ScriptUser.ROOT.name() : ScriptUser.NOBODY.name();
            services = new ChecksAndHooks(options.nodeName(), scriptDir, new ScriptUser(user), Clock.systemUTC());
            services.prepare(config);
            stateFile = options.stateFile() == null ? null : new StateFileWriter(options.stateFile());
            StateFileWriter file = stateFile;
            AgentRuntime started = new AgentRuntime(services, snapshot -> {
                if (file != null) {
                    file.accept(snapshot);
                }
                statusSink.accept(snapshot);
            }, Clock.systemUTC());
            started.start(config);
            runtime = started;
            services.startChecks(runtime, config);
        }

        @Override
        public synchronized void close() throws InterruptedException {
            if (services != null) {
                services.stopChecks();
            }
            if (runtime != null) {
                runtime.shutdown();
                if (stateFile != null) {
                    stateFile.write(runtime.snapshot());
                }
            }
            closeQuietly();
        }

        private void closeQuietly() {
            if (stateFile != null) {
                try {
                    stateFile.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                stateFile = null;
            }
            if (services != null) {
                services.close();
                services = null;
            }
        }
    }

    /** This node's interfaces and their addresses, from the JDK (the agent runs with hostNetwork). */
    static NodeInterfaces hostInterfaces() {
        Map<String, List<VipAddress>> byName = new TreeMap<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                List<VipAddress> addresses = new ArrayList<>();
                for (InterfaceAddress a : nic.getInterfaceAddresses()) {
                    try {
                        // Without the scope id: VipAddress holds plain literals.
                        InetAddress plain = InetAddress.getByAddress(a.getAddress().getAddress());
                        addresses.add(new VipAddress(plain, a.getNetworkPrefixLength()));
                    } catch (UnknownHostException | IllegalArgumentException e) {
                        // an address the JDK reports oddly cannot select an interface; skip it
                    }
                }
                byName.put(nic.getName(), addresses);
            }
        } catch (SocketException e) {
            LOG.warn("cannot list the node's interfaces: {}", e.getMessage());
        }
        return new NodeInterfaces(byName);
    }
}
