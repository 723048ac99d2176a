package io.vipkeeper.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away LAN of network namespaces for dataplane tests: one namespace holding a Linux bridge, and N host
 * namespaces, each with an {@code eth0} joined to the bridge by a veth pair. Nothing is created in the host's
 * own network namespace: both ends of every veth pair are created directly inside the LAN's namespaces.
 *
 * <p>Host {@code i} (1-based) has {@code 10.199.<lan>.<i>/24} and {@code fd00:199:<lan>::<i>/64} on eth0, plus its
 * link-local address. Duplicate address detection is switched off in every namespace (sysctl) so IPv6 addresses
 * are usable at once. The bridge does no multicast snooping, so 224.0.0.18 and ff02::12 reach every port.
 *
 * <p>Names are {@code vkl-<pid>-<random>-br} / {@code -h<i>}. {@link #close()} kills whatever runs inside and
 * deletes every namespace; a JVM shutdown hook does the same for LANs a failed test did not close, and
 * {@link #create} first removes namespaces of earlier runs whose JVM is gone.
 */
public final class NetnsLan implements AutoCloseable {
    public static final String PREFIX = "vkl-";
    private static final Set<NetnsLan> OPEN = ConcurrentHashMap.newKeySet();
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            for (NetnsLan lan : List.copyOf(OPEN)) {
                lan.close();
            }
        }));
    }

    /** One host of the LAN. */
    public record Host(int number, String name, String interfaceName, Inet4Address ipv4, Inet6Address ipv6,
            String bridgePort) {}

    /** Exit code and combined stdout+stderr of a command. */
    public record ExecResult(int exitCode, String output) {
        public ExecResult requireSuccess(String what) {
            if (exitCode != 0) {
                throw new IllegalStateException(what + " failed (" + exitCode + "): " + output);
            }
            return this;
        }
    }

    private final int lan;
    private final String id;
    private final String bridgeNamespace;
    private final List<Host> hosts = new ArrayList<>();
    private final Path workDir;
    private final List<Process> processes = new ArrayList<>();
    private volatile boolean closed;

    private NetnsLan(int lan, String id, Path workDir) {
        this.lan = lan;
        this.id = id;
        this.bridgeNamespace = PREFIX + id + "-br";
        this.workDir = workDir;
    }

    /** A LAN with {@code hostCount} hosts, numbered 1..hostCount, in 10.199.1.0/24 and fd00:199:1::/64. */
    public static NetnsLan create(int hostCount) {
        return create(hostCount, 1);
    }

    /** A LAN with addresses 10.199.{@code lanNumber}.x/24 and fd00:199:{@code lanNumber}::x/64. */
    public static NetnsLan create(int hostCount, int lanNumber) {
        if (hostCount < 1 || hostCount > 20 || lanNumber < 1 || lanNumber > 254) {
            throw new IllegalArgumentException("1..20 hosts on LAN 1..254");
        }
        removeStaleNamespaces();
        String id = ProcessHandle.current().pid() + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        Path dir;
        try {
            dir = Files.createTempDirectory("vkl-lan-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NetnsLan lan = new NetnsLan(lanNumber, id, dir);
        OPEN.add(lan);
        try {
            lan.build(hostCount);
        } catch (RuntimeException e) {
            lan.close();
            throw e;
        }
        return lan;
    }

    private void build(int hostCount) {
        addNamespace(bridgeNamespace);
        ip("-n", bridgeNamespace, "link", "add", "br0", "type", "bridge", "mcast_snooping", "0");
        ip("-n", bridgeNamespace, "link", "set", "br0", "up");
        for (int i = 1; i <= hostCount; i++) {
            String ns = PREFIX + id + "-h" + i;
            addNamespace(ns);
            String port = "p" + i;
            // both ends are created inside LAN namespaces: nothing ever appears in the host's namespace
            ip("-n", bridgeNamespace, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
            ip("-n", bridgeNamespace, "link", "set", port, "master", "br0");
            ip("-n", bridgeNamespace, "link", "set", port, "up");
            Inet4Address v4 = (Inet4Address) address("10.199." + lan + "." + i);
            Inet6Address v6 = (Inet6Address) address("fd00:199:" + lan + "::" + i);
            ip("-n", ns, "addr", "add", v4.getHostAddress() + "/24", "dev", "eth0");
            ip("-n", ns, "addr", "add", "fd00:199:" + lan + "::" + i + "/64", "dev", "eth0", "nodad");
            ip("-n", ns, "link", "set", "eth0", "up");
            hosts.add(new Host(i, ns, "eth0", v4, v6, port));
        }
        for (Host h : hosts) {
            awaitLinkLocal(h);
        }
    }

    private void addNamespace(String ns) {
        ip("netns", "add", ns);
        ip("-n", ns, "link", "set", "lo", "up");
        exec(ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0")
                .requireSuccess("sysctl accept_dad in " + ns);
    }

    /** The link-local address appears when the link comes up; wait until it is there (no DAD, so not tentative). */
    private void awaitLinkLocal(Host h) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String out = run("ip", "-n", h.name(), "-6", "addr", "show", "dev", "eth0", "scope", "link").output();
            if (out.contains("fe80::") && !out.contains("tentative")) {
                return;
            }
            pause(50);
        }
        throw new IllegalStateException("no usable link-local address on " + h.name());
    }

    public Host host(int number) {
        return hosts.get(number - 1);
    }

    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    public String bridgeNamespace() {
        return bridgeNamespace;
    }

    public int lanNumber() {
        return lan;
    }

    /** A scratch directory deleted with the LAN. */
    public Path workDir() {
        return workDir;
    }

    /** Runs a command inside a namespace ({@code ip netns exec}). */
    public ExecResult exec(String namespace, String... command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(List.of(command));
        return run(argv.toArray(String[]::new));
    }

    /** Runs a command inside host {@code number}'s namespace. */
    public ExecResult exec(Host host, String... command) {
        return exec(host.name(), command);
    }

    /** {@code ip link set eth0 down} in the host: its interface goes administratively down. */
    public void setLinkDown(Host host) {
        ip("-n", host.name(), "link", "set", host.interfaceName(), "down");
    }

    public void setLinkUp(Host host) {
        ip("-n", host.name(), "link", "set", host.interfaceName(), "up");
    }

    /** Partitions the host from the LAN by taking its bridge port down; its own eth0 loses carrier. */
    public void cutBridgePort(Host host) {
        ip("-n", bridgeNamespace, "link", "set", host.bridgePort(), "down");
    }

    public void healBridgePort(Host host) {
        ip("-n", bridgeNamespace, "link", "set", host.bridgePort(), "up");
    }

    /** A process started in a namespace; close() stops it and its children. */
    public final class Daemon implements AutoCloseable {
        private final Process process;
        private final Path log;

        private Daemon(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** What it printed so far (stdout and stderr). */
        public String output() {
            try {
                return Files.exists(log) ? Files.readString(log) : "";
            } catch (IOException e) {
                return "(unreadable log: " + e + ")";
            }
        }

        /** Sends SIGINT (tshark finishes its capture file on it), then waits; forcibly kills after 10 s. */
        public void interrupt() {
            if (process.isAlive()) {
                run("kill", "-INT", Long.toString(process.pid()));
            }
            waitOrKill();
        }

        private void waitOrKill() {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            waitOrKill();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private Daemon start(String namespace, Path log, String... command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            synchronized (processes) {
                processes.add(p);
            }
            return new Daemon(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Debian's keepalived in the host's namespace, in the foreground, logging to the console, with its own
     * pid files and this configuration in a private directory.
     */
    public Daemon startKeepalived(Host host, String configText) {
        try {
            Path dir = Files.createTempDirectory(workDir, "keepalived-" + host.number() + "-");
            Path conf = Files.writeString(dir.resolve("keepalived.conf"), configText);
            return start(host.name(), dir.resolve("output.log"), keepalivedBinary(), "-n", "-l", "-D",
                    "-f", conf.toString(),
                    "-p", dir.resolve("keepalived.pid").toString(),
                    "-r", dir.resolve("vrrp.pid").toString(),
                    "-c", dir.resolve("checkers.pid").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String keepalivedBinary() {
        return Files.isExecutable(Path.of("/usr/sbin/keepalived")) ? "/usr/sbin/keepalived" : "keepalived";
    }

    /** A running tshark capture; {@link #stop()} ends it and decodes the packets. */
    public final class Capture {
        private final Daemon daemon;
        private final Path pcap;

        private Capture(Daemon daemon, Path pcap) {
            this.daemon = daemon;
            this.pcap = pcap;
        }

        /** Stops the capture and decodes it with {@code tshark -r pcap -T json}: one node per packet's layers. */
        public List<JsonNode> stop() {
            daemon.interrupt();
            ExecResult decoded = run("tshark", "-r", pcap.toString(), "-T", "json");
            decoded.requireSuccess("tshark -r " + pcap + ": " + daemon.output());
            try {
                List<JsonNode> layers = new ArrayList<>();
                String out = decoded.output();
                int start = out.indexOf('[');
                if (start < 0) {
                    return layers;
                }
                for (JsonNode packet : JSON.readTree(out.substring(start))) {
                    layers.add(packet.path("_source").path("layers"));
                }
                return layers;
            } catch (IOException e) {
                throw new UncheckedIOException("tshark JSON: " + decoded.output(), e);
            }
        }

        public Path pcap() {
            return pcap;
        }
    }

    /**
     * Starts tshark on the host's eth0 with a capture filter (BPF syntax, e.g. {@code "arp"}), and returns once it
     * is capturing.
     */
    public Capture startTshark(Host host, String captureFilter) {
        try {
            Path dir = Files.createTempDirectory(workDir, "tshark-" + host.number() + "-");
            Path pcap = dir.resolve("capture.pcapng");
            Path log = dir.resolve("tshark.log");
            Daemon d = start(host.name(), log, "tshark", "-n", "-i", host.interfaceName(), "-f", captureFilter,
                    "-w", pcap.toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            // "Capturing on" comes before the capture really runs; tshark 4 then logs "Capture started"
            long seenCapturingOn = -1;
            while (!d.output().contains("Capture started")) {
                if (seenCapturingOn < 0 && d.output().contains("Capturing on")) {
                    seenCapturingOn = System.nanoTime();
                } else if (seenCapturingOn > 0 && System.nanoTime() - seenCapturingOn > TimeUnit.SECONDS.toNanos(2)) {
                    break; // an older tshark that does not log it
                }
                if (!d.isAlive() || System.nanoTime() > deadline) {
                    d.close();
                    throw new IllegalStateException("tshark did not start: " + d.output());
                }
                pause(50);
            }
            return new Capture(d, pcap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (processes) {
            for (Process p : processes) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            for (Process p : processes) {
                try {
                    p.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        List<String> names = new ArrayList<>();
        names.add(bridgeNamespace);
        hosts.forEach(h -> names.add(h.name()));
        // hosts whose build failed half-way are found by prefix
        for (String ns : listNamespaces()) {
            if (ns.startsWith(PREFIX + id + "-") && !names.contains(ns)) {
                names.add(ns);
            }
        }
        for (String ns : names) {
            deleteNamespace(ns);
        }
        deleteTree(workDir);
        OPEN.remove(this);
    }

    /** Deletes vkl-<pid>-* namespaces whose JVM is gone (a run killed before its shutdown hook ran). */
    public static void removeStaleNamespaces() {
        for (String ns : listNamespaces()) {
            if (!ns.startsWith(PREFIX)) {
                continue;
            }
            String[] parts = ns.substring(PREFIX.length()).split("-");
            long pid;
            try {
                pid = Long.parseLong(parts[0]);
            } catch (NumberFormatException e) {
                pid = -1; // not a name this harness makes, but our prefix: stale by definition
            }
            if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            deleteNamespace(ns);
        }
    }

    private static void deleteNamespace(String ns) {
        // processes inside keep a namespace alive after 'ip netns del': kill them first
        ExecResult pids = run("ip", "netns", "pids", ns);
        if (pids.exitCode() == 0) {
            for (String pid : pids.output().trim().split("\\s+")) {
                if (!pid.isEmpty()) {
                    run("kill", "-9", pid);
                }
            }
        }
        run("ip", "netns", "del", ns);
    }

    private static List<String> listNamespaces() {
        ExecResult r = run("ip", "netns", "list");
        List<String> names = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static void ip(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "ip";
        System.arraycopy(args, 0, argv, 1, args.length);
        run(argv).requireSuccess(String.join(" ", argv));
    }

    /** Runs a command on this machine and waits (up to 60 s) for it. */
    public static ExecResult run(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                char[] buf = new char[8192];
                int n;
                while ((n = r.read(buf)) > 0) {
                    out.append(buf, 0, n);
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new ExecResult(-1, out + "\n(timed out)");
            }
            return new ExecResult(p.exitValue(), out.toString());
        } catch (IOException e) {
            return new ExecResult(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecResult(-1, "interrupted");
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp directory left behind is harmless
        }
    }
}
