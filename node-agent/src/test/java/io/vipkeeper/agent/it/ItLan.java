package io.vipkeeper.agent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The integration tests' LAN: a bridge namespace and N host namespaces, each host's {@code eth0} joined to the
 * bridge by a veth pair created directly inside the LAN's namespaces (nothing appears in the host's own network
 * namespace). Namespaces are named {@code vki-<pid>-<random>-br} / {@code -h<i>}; {@link #close()} kills
 * everything started inside and deletes them, a shutdown hook does the same for a LAN a failed test left open,
 * and {@link #create} first deletes {@code vki-} namespaces whose JVM is gone.
 *
 * <p>Host {@code i} has {@code 10.199.<lan>.<i>/24} and {@code fd00:199:<lan>::<i>/64} on eth0 and its link-local
 * address; duplicate address detection is off so IPv6 addresses are usable at once. The bridge does no multicast
 * snooping (224.0.0.18 and ff02::12 reach every port) and no STP (a re-attached port forwards at once).
 */
final class ItLan implements AutoCloseable {
    static final String PREFIX = "vki-";
    private static final Set<ItLan> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> List.copyOf(OPEN).forEach(ItLan::close)));
    }

    /** One host: its namespace, the bridge port it hangs off, and its own addresses on eth0. */
    record Host(int number, String namespace, String bridgePort, String ipv4, String ipv6) {
        /** For messages. */
        @Override
        public String toString() {
            return "h" + number + "(" + ipv4 + ")";
        }
    }

    /** Exit code and combined stdout + stderr of a command. */
    record Result(int exitCode, String output) {
        Result requireSuccess(String what) {
            if (exitCode != 0) {
                throw new IllegalStateException(what + " failed (" + exitCode + "): " + output);
            }
            return this;
        }
    }

    private final String id;
    private final int lan;
    private final String bridgeNamespace;
    private final Path workDir;
    private final List<Host> hosts = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private boolean closed;

    private ItLan(String id, int lan, Path workDir) {
        this.id = id;
        this.lan = lan;
        this.bridgeNamespace = PREFIX + id + "-br";
        this.workDir = workDir;
    }

    /** A LAN of {@code hostCount} hosts in 10.199.{@code lan}.0/24 and fd00:199:{@code lan}::/64. */
    static ItLan create(int hostCount, int lan) {
        removeStaleNamespaces();
        String id = ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        Path dir;
        try {
            dir = Files.createTempDirectory("vki-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ItLan it = new ItLan(id, lan, dir);
        OPEN.add(it);
        try {
            it.build(hostCount);
        } catch (RuntimeException e) {
            it.close();
            throw e;
        }
        return it;
    }

    private void build(int hostCount) {
        addNamespace(bridgeNamespace);
        ip("-n", bridgeNamespace, "link", "add", "br0", "type", "bridge", "mcast_snooping", "0", "stp_state", "0");
        ip("-n", bridgeNamespace, "link", "set", "br0", "up");
        for (int i = 1; i <= hostCount; i++) {
            String ns = PREFIX + id + "-h" + i;
            addNamespace(ns);
            String port = "p" + i;
            ip("-n", bridgeNamespace, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
            ip("-n", bridgeNamespace, "link", "set", port, "master", "br0");
            ip("-n", bridgeNamespace, "link", "set", port, "up");
            String v4 = "10.199." + lan + "." + i;
            String v6 = "fd00:199:" + lan + "::" + i;
            ip("-n", ns, "addr", "add", v4 + "/24", "dev", "eth0");
            ip("-n", ns, "addr", "add", v6 + "/64", "dev", "eth0", "nodad");
            ip("-n", ns, "link", "set", "eth0", "up");
            hosts.add(new Host(i, ns, port, v4, v6));
        }
        for (Host h : hosts) {
            awaitLinkLocal(h);
        }
    }

    private void addNamespace(String ns) {
        ip("netns", "add", ns);
        ip("-n", ns, "link", "set", "lo", "up");
        exec(ns, "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0")
                .requireSuccess("sysctl in " + ns);
    }

    private void awaitLinkLocal(Host h) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() - deadline < 0) {
            String out = run("ip", "-n", h.namespace(), "-6", "addr", "show", "dev", "eth0", "scope", "link").output();
            if (out.contains("fe80::") && !out.contains("tentative")) {
                return;
            }
            pause(50);
        }
        throw new IllegalStateException("no usable link-local address on " + h.namespace());
    }

    Host host(int number) {
        return hosts.get(number - 1);
    }

    String bridgeNamespace() {
        return bridgeNamespace;
    }

    /** The link-local address of the host's eth0 (the source of its IPv6 adverts). */
    String linkLocal(Host h) {
        String out = run("ip", "-n", h.namespace(), "-6", "-o", "addr", "show", "dev", "eth0", "scope", "link")
                .requireSuccess("ip addr").output();
        int at = out.indexOf("fe80::");
        return out.substring(at, out.indexOf('/', at));
    }

    /** The MAC address of the host's eth0. */
    String mac(Host h) {
        String out = run("ip", "-n", h.namespace(), "-o", "link", "show", "dev", "eth0").requireSuccess("ip link").output();
        int at = out.indexOf("link/ether ") + "link/ether ".length();
        return out.substring(at, at + 17);
    }

    /** A scratch directory deleted with the LAN. */
    Path workDir() {
        return workDir;
    }

    /** {@code ip -n <host> -o addr show dev eth0}: every address on the host's eth0, one per line. */
    String addresses(Host h) {
        return run("ip", "-n", h.namespace(), "-o", "addr", "show", "dev", "eth0").requireSuccess("ip addr").output();
    }

    /** True when the address (no prefix length) is on the host's eth0. */
    boolean hasAddress(Host h, String address) {
        for (String line : addresses(h).split("\n")) {
            if (line.contains(" " + address + "/")) {
                return true;
            }
        }
        return false;
    }

    /** {@code ip addr add} on the host's eth0 (e.g. a VIP a crashed agent left behind). */
    void addAddress(Host h, String cidr) {
        ip("-n", h.namespace(), "addr", "add", cidr, "dev", "eth0");
    }

    void linkDown(Host h) {
        ip("-n", h.namespace(), "link", "set", "eth0", "down");
    }

    void linkUp(Host h) {
        ip("-n", h.namespace(), "link", "set", "eth0", "up");
    }

    /**
     * Partitions the host from the others without touching any carrier: its bridge port leaves the bridge (the
     * veth stays up at both ends, so the host sees no link fault; it just hears nobody).
     */
    void partition(Host h) {
        ip("-n", bridgeNamespace, "link", "set", h.bridgePort(), "nomaster");
    }

    void heal(Host h) {
        ip("-n", bridgeNamespace, "link", "set", h.bridgePort(), "master", "br0");
    }

    /** Runs a command in a namespace and waits for it. */
    Result exec(String namespace, String... command) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(List.of(command));
        return run(argv.toArray(String[]::new));
    }

    /** Starts a long-running command in a namespace, its stdout and stderr to {@code log} (stderr too, or apart). */
    Process start(String namespace, List<String> command, Path stdout, Path stderr) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(stdout.toFile());
        if (stderr == null) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(stderr.toFile());
        }
        try {
            Process p = pb.start();
            synchronized (processes) {
                processes.add(p);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh directory under the LAN's scratch directory. */
    Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(workDir, prefix);
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
        for (String ns : namespaces()) {
            if (ns.startsWith(PREFIX + id + "-")) {
                deleteNamespace(ns);
            }
        }
        if (System.getenv("VKI_KEEP_LOGS") == null) {
            deleteTree(workDir);
        }
        OPEN.remove(this);
    }

    /** Deletes vki-&lt;pid&gt;-* namespaces whose JVM is gone (a run killed before its shutdown hook ran). */
    static void removeStaleNamespaces() {
        for (String ns : namespaces()) {
            if (!ns.startsWith(PREFIX)) {
                continue;
            }
            long pid;
            try {
                pid = Long.parseLong(ns.substring(PREFIX.length()).split("-")[0]);
            } catch (NumberFormatException e) {
                pid = -1;
            }
            if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            deleteNamespace(ns);
        }
    }

    private static void deleteNamespace(String ns) {
        Result pids = run("ip", "netns", "pids", ns);
        if (pids.exitCode() == 0) {
            for (String pid : pids.output().trim().split("\\s+")) {
                if (!pid.isEmpty()) {
                    run("kill", "-9", pid);
                }
            }
        }
        run("ip", "netns", "del", ns);
    }

    private static List<String> namespaces() {
        List<String> names = new ArrayList<>();
        for (String line : run("ip", "netns", "list").output().split("\n")) {
            String name = line.trim().split("\\s+")[0];
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static void ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        run(argv.toArray(String[]::new)).requireSuccess(String.join(" ", argv));
    }

    /** Runs a command on this machine (its output read fully) and waits up to 60 s for it. */
    static Result run(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, new String(out, StandardCharsets.UTF_8) + "\n(timed out)");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause(long millis) {
        pause(Duration.ofMillis(millis));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp directory left behind is harmless
        }
    }
}
