package io.vipkeeper.agent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Debian's keepalived as the agent's peer, only ever inside a LAN namespace: {@code ip netns exec <ns>
 * /usr/sbin/keepalived -n -l -D -f conf -p/-r/-c pidfiles}, everything in a private directory, its console log
 * kept for the test to read.
 */
final class KeepalivedPeer implements AutoCloseable {
    /**
     * keepalived's lines about a received packet it did not like (bad checksum, TTL, version, length, interval,
     * addresses, authentication...). Read from its vrrp.c / vrrp_scheduler.c messages; deliberately broad.
     */
    static final Pattern COMPLAINT = Pattern.compile(
            "(?i)(invalid|checksum|\\bttl\\b|hop.?limit|bad |mismatch|ignoring|discard|malformed|too short|"
                    + "wrong|unknown vrid|not matching|lower priority|received an? .*(error|unknown))");

    private final Process process;
    private final Path log;
    private final Path dir;

    private KeepalivedPeer(Process process, Path log, Path dir) {
        this.process = process;
        this.log = log;
        this.dir = dir;
    }

    static KeepalivedPeer start(ItLan lan, ItLan.Host host, String config) {
        Path dir = lan.newDirectory("keepalived-h" + host.number() + "-");
        try {
            Path conf = Files.writeString(dir.resolve("keepalived.conf"), config);
            Path log = dir.resolve("output.log");
            Process p = lan.start(host.namespace(), List.of(binary(), "-n", "-l", "-D", "-f", conf.toString(),
                    "-p", dir.resolve("keepalived.pid").toString(),
                    "-r", dir.resolve("vrrp.pid").toString(),
                    "-c", dir.resolve("checkers.pid").toString()), log, null);
            return new KeepalivedPeer(p, log, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String binary() {
        return Files.isExecutable(Path.of("/usr/sbin/keepalived")) ? "/usr/sbin/keepalived" : "keepalived";
    }

    /** Its console output so far. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable keepalived log)";
        }
    }

    /** The state keepalived last said it entered ({@code MASTER}, {@code BACKUP}, {@code FAULT}), or "". */
    String state(String instance) {
        String state = "";
        for (String line : output().split("\n")) {
            int at = line.indexOf("(" + instance + ") Entering ");
            if (at >= 0) {
                String rest = line.substring(at + instance.length() + "() Entering ".length());
                state = rest.split(" ")[0];
            }
        }
        return state;
    }

    /** The lines of its log that complain about a packet. */
    List<String> complaints() {
        return output().lines().filter(l -> COMPLAINT.matcher(l).find()).toList();
    }

    /** SIGTERM: keepalived's clean stop (a Master sends priority 0 and removes its VIPs). */
    void stop() {
        if (process.isAlive()) {
            ItLan.run("kill", "-TERM", Long.toString(process.pid()));
        }
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        // the VRRP child has its own pid file; kill the whole tree
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            for (String pidFile : List.of("vrrp.pid", "checkers.pid", "keepalived.pid")) {
                Path f = dir.resolve(pidFile);
                if (Files.exists(f)) {
                    String pid = Files.readString(f).trim();
                    if (!pid.isEmpty()) {
                        ItLan.run("kill", "-9", pid);
                    }
                }
            }
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the namespace's deletion kills whatever is left
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
