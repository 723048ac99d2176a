package io.vipkeeper.agent;

import io.vipkeeper.agent.check.exec.ScriptUser;
import io.vipkeeper.agent.config.AgentConfig;
import io.vipkeeper.agent.config.AgentConfigLoader;
import io.vipkeeper.agent.config.ConfigException;
import io.vipkeeper.agent.http.StatusServer;
import io.vipkeeper.agent.linux.LinuxException;
import io.vipkeeper.agent.runtime.AgentRuntime;
import io.vipkeeper.agent.runtime.AgentSnapshot;
import io.vipkeeper.agent.runtime.ChecksAndHooks;
import io.vipkeeper.agent.runtime.StateFileWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone agent: {@code vipkeeper-agent --config agent.yaml [--state-file state.json] [--script-dir DIR]
 * [--script-user USER] [--node-name NAME] [--http HOST:PORT]} — keepalived's job on a host, from a YAML file;
 * {@code --http} serves /healthz, /readyz and /metrics. {@code --kubernetes} runs the cluster mode instead
 * ({@link io.vipkeeper.agent.cluster.ClusterMode}).
 *
 * <ul>
 *   <li>A bad file is refused at start with file, line and reason; nothing on the host is touched (exit 2).</li>
 *   <li>SIGTERM / SIGINT: a Master sends a priority-0 advert and removes its VIPs, every instance notifies STOP,
 *       exit 0.</li>
 *   <li>SIGHUP, or a change of the file: reload; instances whose settings did not change keep their state and
 *       VIPs. A reload with a bad file is refused (logged) and the running configuration stays.</li>
 * </ul>
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    static final int EXIT_OK = 0;
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    private Main() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    /** Options of the command line. */
    record Options(Path config, Path stateFile, Path scriptDir, String scriptUser, String nodeName,
            InetSocketAddress http) {}

    static Options parse(String[] args) {
        Path config = null;
        Path stateFile = null;
        Path scriptDir = null;
        String scriptUser = ScriptUser.NOBODY.name();
        String nodeName = null;
        InetSocketAddress http = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--config", "-f" -> config = Path.of(required(arg, value));
                case "--state-file" -> stateFile = Path.of(required(arg, value));
                case "--script-dir" -> scriptDir = Path.of(required(arg, value));
                case "--script-user" -> scriptUser = required(arg, value);
                case "--node-name" -> nodeName = required(arg, value);
                case "--http" -> http = hostAndPort(arg, required(arg, value));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
            i++;
        }
        if (config == null) {
            throw new IllegalArgumentException("--config FILE is required");
        }
        return new Options(config, stateFile, scriptDir, scriptUser, nodeName, http);
    }

    /** {@code 127.0.0.1:9412}, {@code [::1]:9412} or {@code :9412} (all addresses). */
    static InetSocketAddress hostAndPort(String option, String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(option + " needs HOST:PORT, got " + value);
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a numeric port, got " + value);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(option + " port out of range: " + port);
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (io.vipkeeper.agent.cluster.ClusterMode.requested(args)) {
            return io.vipkeeper.agent.cluster.ClusterMode.run(args, System.getenv(), err, Signals::onTerminate);
        }
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("vipkeeper-agent: " + e.getMessage());
            err.println("usage: vipkeeper-agent --config agent.yaml [--state-file state.json] [--script-dir DIR]"
                    + " [--script-user USER|root] [--node-name NAME] [--http HOST:PORT]");
            return EXIT_USAGE;
        }
        AgentConfig config;
        try {
            config = AgentConfigLoader.load(options.config());
        } catch (ConfigException e) {
            err.println("vipkeeper-agent: the configuration is refused; nothing was changed on this host:");
            err.println(e.getMessage());
            return EXIT_USAGE;
        }
        Path scriptDir = options.scriptDir();
        if (scriptDir == null && ChecksAndHooks.needsScripts(config)) {
            err.println("vipkeeper-agent: the configuration runs scripts; give their directory with --script-dir");
            return EXIT_USAGE;
        }
        String nodeName = options.nodeName() != null ? options.nodeName() : hostName();
        StateFileWriter stateFile = options.stateFile() == null ? null : new StateFileWriter(options.stateFile());
        Consumer<AgentSnapshot> sink = stateFile == null ? s -> {} : stateFile;

        ChecksAndHooks services;
        try {
            services = new ChecksAndHooks(nodeName, scriptDir, new ScriptUser(options.scriptUser()),
                    Clock.systemUTC());
            services.prepare(config);
        } catch (IOException | RuntimeException e) {
            err.println("vipkeeper-agent: " + e.getMessage());
            return EXIT_USAGE;
        }
        AgentRuntime runtime = new AgentRuntime(services, sink, Clock.systemUTC());
        try {
            runtime.start(config);
        } catch (LinuxException e) {
            err.println("vipkeeper-agent: cannot start: " + e.getMessage());
            services.close();
            return EXIT_FAILURE;
        }
        services.startChecks(runtime, config);
        StatusServer http = null;
        if (options.http() != null) {
            try {
                http = StatusServer.start(options.http(), runtime, services.notifyCounters());
                LOG.info("serving /healthz, /readyz and /metrics on {}", http.address());
            } catch (RuntimeException e) {
                LOG.error("cannot serve HTTP on {}: {}; running without it", options.http(), e.getMessage());
            }
        }
        LOG.info("vipkeeper-agent running {} instance(s) from {} as node {}", config.instances().size(),
                options.config(), nodeName);

        CountDownLatch stop = new CountDownLatch(1);
        Signals.onTerminate(stop::countDown);
        ConfigWatcher watcher = new ConfigWatcher(options.config(), runtime, services);
        Signals.onHangup(watcher::reload);
        Thread watch = Thread.ofPlatform().daemon().name("config-watch").start(watcher::watch);

        while (runtime.isRunning() && !stop.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            // wait for a signal, or for the loop to stop on its own (a fatal error)
        }
        watch.interrupt();
        if (http != null) {
            http.close();
        }
        LOG.info("stopping: sending priority 0 where MASTER, removing VIPs, notifying STOP");
        // Checks first (no priority change while stopping), then the instances (priority 0, VIPs, STOP
        // notifications), then the hooks: close() waits for the STOP notifications to run before it stops the
        // script launcher (closing it first refused them).
        services.stopChecks();
        runtime.shutdown();
        if (stateFile != null) {
            stateFile.write(runtime.snapshot());
            stateFile.close();
        }
        services.close();
        return EXIT_OK;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Reloads on SIGHUP and when the file's modification time changes. */
    static final class ConfigWatcher {
        private final Path file;
        private final AgentRuntime runtime;
        private final ChecksAndHooks services;
        private FileTime lastSeen;

        ConfigWatcher(Path file, AgentRuntime runtime, ChecksAndHooks services) {
            this.file = file;
            this.runtime = runtime;
            this.services = services;
            this.lastSeen = modified();
        }

        private FileTime modified() {
            try {
                return Files.getLastModifiedTime(file);
            } catch (IOException e) {
                return null;
            }
        }

        void watch() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(1000);
                    FileTime now = modified();
                    if (now != null && !now.equals(lastSeen)) {
                        lastSeen = now;
                        reload();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void reload() {
            try {
                AgentConfig next = AgentConfigLoader.load(file);
                services.prepare(next);
                runtime.reload(next);
                services.startChecks(runtime, next);
                LOG.info("reloaded {} ({} instance(s))", file, next.instances().size());
            } catch (ConfigException e) {
                LOG.error("reload refused; the running configuration stays:\n{}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("reload failed; the running configuration stays", e);
            }
        }
    }
}
