package io.vipkeeper.agent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A tshark capture in one of the LAN's namespaces, on one or more interfaces (a host's {@code eth0}, or bridge
 * ports {@code p1}, {@code p2} in the bridge namespace, which see every frame to and from their host), written to a
 * pcapng file; {@link #stop()} ends it and {@link #fields} decodes it with {@code tshark -r -T fields}.
 */
final class TsharkCapture implements AutoCloseable {
    private final Process process;
    private final Path pcap;
    private final Path log;

    private TsharkCapture(Process process, Path pcap, Path log) {
        this.process = process;
        this.pcap = pcap;
        this.log = log;
    }

    /**
     * Starts tshark in the namespace on these interfaces with a BPF capture filter, and returns once the capture
     * runs (the pcapng file has its header: dumpcap writes it after opening the interfaces).
     */
    static TsharkCapture start(ItLan lan, String namespace, String captureFilter, String... interfaces) {
        Path dir = lan.newDirectory("tshark-");
        Path pcap = dir.resolve("capture.pcapng");
        Path log = dir.resolve("tshark.log");
        List<String> argv = new ArrayList<>(List.of("tshark", "-n", "-q"));
        for (String i : interfaces) {
            argv.addAll(List.of("-i", i));
        }
        argv.addAll(List.of("-f", captureFilter, "-w", pcap.toString()));
        Process p = lan.start(namespace, argv, log, null);
        TsharkCapture capture = new TsharkCapture(p, pcap, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try {
            while (!(Files.exists(pcap) && Files.size(pcap) > 0 && capture.output().contains("Capturing on"))) {
                if (!p.isAlive() || System.nanoTime() - deadline > 0) {
                    capture.close();
                    throw new IllegalStateException("tshark did not start: " + capture.output());
                }
                ItLan.pause(java.time.Duration.ofMillis(50));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // dumpcap has opened its sockets; give the kernel a moment to attach the filters
        ItLan.pause(java.time.Duration.ofMillis(300));
        return capture;
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(unreadable tshark log)";
        }
    }

    Path pcap() {
        return pcap;
    }

    /** Ends the capture with SIGINT (tshark then finishes its file) and waits for it. */
    TsharkCapture stop() {
        if (process.isAlive()) {
            // let the last frames reach the capture before ending it
            ItLan.pause(java.time.Duration.ofMillis(300));
            ItLan.run("kill", "-INT", Long.toString(process.pid()));
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    /**
     * Decodes the capture: one map (field → value; several occurrences joined by ',') per packet that matches the
     * display filter. {@code prefs} are tshark {@code -o name:value} preferences.
     */
    List<Map<String, String>> fields(String displayFilter, List<String> prefs, String... fields) {
        List<String> argv = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString()));
        for (String pref : prefs) {
            argv.addAll(List.of("-o", pref));
        }
        if (displayFilter != null) {
            argv.addAll(List.of("-Y", displayFilter));
        }
        argv.addAll(List.of("-T", "fields", "-E", "separator=|", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String f : fields) {
            argv.addAll(List.of("-e", f));
        }
        ItLan.Result r = ItLan.run(argv.toArray(String[]::new)).requireSuccess(String.join(" ", argv));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : r.output().split("\n")) {
            if (line.isBlank() || line.startsWith("Running as user")) {
                continue;
            }
            String[] values = line.split("\\|", -1);
            if (values.length != fields.length) {
                continue; // a warning line, not a packet
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                row.put(fields[i], values[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The one-line summary of every packet (for assertion messages). */
    String summary() {
        return ItLan.run("tshark", "-n", "-r", pcap.toString()).output();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
