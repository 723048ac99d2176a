package io.vipkeeper.agent.vrrp.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code tshark -T fields} over frames written to a pcap file; one map of field → value per frame. */
final class Tshark {
    private Tshark() {}

    static List<Map<String, String>> fields(Path dir, List<byte[]> frames, List<String> preferences,
            List<String> fields) throws IOException, InterruptedException {
        Path pcap = Files.createTempFile(dir, "frames", ".pcap");
        Pcap.write(pcap, frames);
        List<String> cmd = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString(), "-T", "fields",
                "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,"));
        for (String p : preferences) {
            cmd.add("-o");
            cmd.add(p);
        }
        for (String f : fields) {
            cmd.add("-e");
            cmd.add(f);
        }
        Process process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("tshark did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IOException("tshark exited " + process.exitValue() + ": " + cmd);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] values = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                row.put(fields.get(i), i < values.length ? values[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
