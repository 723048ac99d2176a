package io.vipkeeper.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone agent as a real process in a host's namespace:
 * {@code ip netns exec <ns> <java.home>/bin/java -jar vipkeeper-agent.jar --config agent.yaml --state-file
 * state.json [--script-dir DIR] --node-name hN}. The test observes it through its state file (the JSON of
 * {@code AgentSnapshot}), its log (the transition lines {@code VI_1: BACKUP -> MASTER (priority 150)}, in order)
 * and its exit code; it drives it with signals.
 */
final class AgentProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TRANSITION = Pattern.compile(" (\\S+): (\\w+) -> (\\w+) \\(priority (\\d+)\\)");

    /** One state change the agent logged (its notify transitions: MASTER, BACKUP, FAULT, STOP). */
    record Transition(String instance, String from, String to, int priority) {}

    private final ItLan lan;
    private final ItLan.Host host;
    private final Path dir;
    private final Path config;
    private final Path stateFile;
    private final Path stdout;
    private final Path stderr;
    private Process process;
    private int runs;

    private AgentProcess(ItLan lan, ItLan.Host host, Path dir) {
        this.lan = lan;
        this.host = host;
        this.dir = dir;
        this.config = dir.resolve("agent.yaml");
        this.stateFile = dir.resolve("state.json");
        this.stdout = dir.resolve("stdout.log");
        this.stderr = dir.resolve("stderr.log");
    }

    /** Writes the configuration; nothing runs yet. */
    static AgentProcess prepare(ItLan lan, ItLan.Host host, String yaml) {
        AgentProcess agent = new AgentProcess(lan, host, lan.newDirectory("agent-h" + host.number() + "-"));
        agent.writeConfig(yaml);
        return agent;
    }

    /** Writes the configuration and starts the agent. */
    static AgentProcess start(ItLan lan, ItLan.Host host, String yaml) {
        AgentProcess agent = prepare(lan, host, yaml);
        agent.start();
        return agent;
    }

    /** The shaded jar failsafe passes in. */
    static Path jar() {
        String jar = System.getProperty("vipkeeper.agent.jar");
        if (jar == null) {
            throw new IllegalStateException("system property vipkeeper.agent.jar is not set (run through failsafe)");
        }
        return Path.of(jar);
    }

    /** The launcher script failsafe passes in. */
    static Path launcher() {
        String launcher = System.getProperty("vipkeeper.agent.launcher");
        if (launcher == null) {
            throw new IllegalStateException("system property vipkeeper.agent.launcher is not set");
        }
        return Path.of(launcher);
    }

    /** The command line without its options: this JVM's own java (Java 25) running the jar. */
    static List<String> javaCommand() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the launcher's JVM options: small, quick to start
        return new ArrayList<>(List.of(java.toString(), "--sun-misc-unsafe-memory-access=allow", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss512k", "-jar", jar().toString()));
    }

    /** Starts (or restarts, with the same files) the agent. */
    AgentProcess start() {
        return start(List.of());
    }

    /** Starts the agent with extra options (e.g. {@code --script-dir DIR}). */
    AgentProcess start(List<String> extraOptions) {
        return startWith(javaCommand(), extraOptions);
    }

    /** Starts the agent through the launcher script ({@code node-agent/vipkeeper-agent}) instead of java -jar. */
    AgentProcess startWithLauncher() {
        return startWith(new ArrayList<>(List.of(launcher().toString())), List.of());
    }

    private AgentProcess startWith(List<String> command, List<String> extraOptions) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        try {
            Files.deleteIfExists(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of("--config", config.toString(), "--state-file", stateFile.toString(),
                "--node-name", "h" + host.number()));
        argv.addAll(extraOptions);
        runs++;
        process = lan.start(host.namespace(), argv, runLog(stdout, runs), runLog(stderr, runs));
        return this;
    }

    /** Each run has its own log files; {@link #stdout()} / {@link #stderr()} concatenate them in order. */
    private static Path runLog(Path base, int run) {
        return base.resolveSibling(base.getFileName() + "." + run);
    }

    ItLan.Host host() {
        return host;
    }

    Path configFile() {
        return config;
    }

    Path directory() {
        return dir;
    }

    Path stateFile() {
        return stateFile;
    }

    /** Rewrites the configuration file atomically (the agent also notices a changed file by itself). */
    void writeConfig(String yaml) {
        try {
            Path tmp = dir.resolve("agent.yaml.tmp");
            Files.writeString(tmp, yaml);
            Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Sends a signal to the JVM itself. {@code ip netns exec} execs the command, so the process we started IS
     * the JVM (no wrapper in between).
     */
    void signal(String name) {
        ItLan.run("kill", "-" + name, Long.toString(process.pid())).requireSuccess("kill -" + name);
    }

    void kill9() {
        signal("KILL");
        waitForExit(10);
    }

    /** Waits for the process to end and returns its exit code. */
    int waitForExit(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("agent on " + host + " did not exit within " + seconds + " s:\n"
                        + stdout());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest state file, or null before the first one. */
    JsonNode snapshot() {
        try {
            if (!Files.exists(stateFile)) {
                return null;
            }
            return JSON.readTree(Files.readAllBytes(stateFile));
        } catch (IOException e) {
            return null; // replaced between exists() and the read: the next poll sees the new one
        }
    }

    /** The instance's entry in the state file, or a missing node. */
    JsonNode instance(String name) {
        JsonNode s = snapshot();
        if (s == null) {
            return JSON.missingNode();
        }
        for (JsonNode i : s.path("instances")) {
            if (name.equals(i.path("name").asText())) {
                return i;
            }
        }
        return JSON.missingNode();
    }

    /** The instance's state in the state file (MASTER, BACKUP, FAULT, INITIALIZE), or "" when not there yet. */
    String state(String instance) {
        return instance(instance).path("state").asText("");
    }

    /** Everything the agent printed on stdout, over all its runs (its log). */
    String stdout() {
        return concat(stdout);
    }

    String stderr() {
        return concat(stderr);
    }

    private String concat(Path base) {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= runs; i++) {
            Path p = runLog(base, i);
            try {
                if (Files.exists(p)) {
                    all.append(Files.readString(p));
                }
            } catch (IOException e) {
                all.append("(unreadable ").append(p).append(")\n");
            }
        }
        return all.toString();
    }

    /** The transitions the agent logged, oldest first, over all its runs. */
    List<Transition> transitions() {
        List<Transition> list = new ArrayList<>();
        for (String line : stdout().split("\n")) {
            Matcher m = TRANSITION.matcher(line);
            if (m.find()) {
                list.add(new Transition(m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4))));
            }
        }
        return list;
    }

    /** The states the instance went through, oldest first ({@code [BACKUP, MASTER]}). */
    List<String> states(String instance) {
        return transitions().stream().filter(t -> t.instance().equals(instance)).map(Transition::to).toList();
    }

    /** For assertion messages: where the agent runs and what it said. */
    String describe() {
        JsonNode s = snapshot();
        return "agent on " + host + " (" + (isAlive() ? "running" : "stopped") + ")\n--- state file:\n"
                + (s == null ? "(none)" : s.toPrettyString()) + "\n--- log:\n" + stdout() + "--- stderr:\n" + stderr();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
