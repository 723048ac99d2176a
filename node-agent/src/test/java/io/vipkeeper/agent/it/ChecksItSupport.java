package io.vipkeeper.agent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the check and notify ITs add to {@link AgentItSupport}: per host a script directory the agent gets with
 * {@code --script-dir} (root-owned, mode 0755: safe for root by keepalived's {@code enable_script_security} rule,
 * readable and executable by {@code nobody}, the default script user) and an output directory (mode 0777) where
 * the scripts, running as {@code nobody}, write what they saw; switch files in the script directory (only root
 * can create them, {@code nobody} can see them) make a check script fail.
 *
 * <p>The directories live under {@code /tmp/vkn-checks-*} (every ancestor traversable by {@code nobody}) and are
 * deleted after the test.
 */
abstract class ChecksItSupport extends AgentItSupport {
    private Path root;
    private final Map<Integer, ScriptHost> hosts = new HashMap<>();

    @BeforeEach
    void scriptsRoot() throws IOException {
        root = Files.createTempDirectory("vkn-checks-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path created = root;
        closeLater(() -> deleteTree(created));
    }

    /** Host {@code number}'s script and output directories (created empty on first use). */
    ScriptHost scriptHost(int number) {
        return hosts.computeIfAbsent(number, this::createScriptHost);
    }

    private ScriptHost createScriptHost(int number) {
        try {
            Path scripts = Files.createDirectory(root.resolve("h" + number + "-scripts"));
            Files.setPosixFilePermissions(scripts, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path out = Files.createDirectory(root.resolve("h" + number + "-out"));
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
            return new ScriptHost(scripts, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an agent on host {@code number} with {@code --script-dir} (scripts run as nobody, the default). */
    AgentProcess agentWithScripts(int number, ScriptHost scripts, String yaml) {
        return preparedAgent(number, yaml).start(List.of("--script-dir", scripts.scripts().toString()));
    }

    /**
     * Starts a webhook receiver in host {@code number}'s namespace on 127.0.0.1:{@code port}: it answers every POST
     * with 204 and appends the body, one line each, to {@code out/webhook.log}. Stopped with the LAN.
     */
    Path webhookReceiver(int number, int port) {
        Path received = scriptHost(number).output("webhook.log");
        String server = "import http.server, sys\n"
                + "class H(http.server.BaseHTTPRequestHandler):\n"
                + "    def do_POST(self):\n"
                + "        body = self.rfile.read(int(self.headers['Content-Length']))\n"
                + "        with open(sys.argv[1], 'ab') as f:\n"
                + "            f.write(body + b'\\n')\n"
                + "        self.send_response(204)\n"
                + "        self.end_headers()\n"
                + "    def log_message(self, *args):\n"
                + "        pass\n"
                + "http.server.HTTPServer(('127.0.0.1', " + port + "), H).serve_forever()\n";
        Path log = lan.newDirectory("webhook-h" + number + "-").resolve("receiver.log");
        lan.start(lan.host(number).namespace(), List.of("/usr/bin/python3", "-c", server, received.toString()), log,
                null);
        return received;
    }

    /** One line a script logged, with the time it logged it. */
    record TimedLine(Instant at, String text) {}

    /**
     * A host's scripts. {@code check.sh}-style scripts log each run as {@code TIME ok|fail} in
     * {@code out/<name>.runs}; {@code notify.sh} logs its argv in {@code out/notify.log} and
     * {@code $VIPKEEPER_TIME argv} in {@code out/notify-times.log}.
     */
    record ScriptHost(Path scripts, Path out) {
        /** Writes an executable {@code /bin/sh} script (0755, owned by root) into the script directory. */
        Path write(String name, String body) {
            Path script = scripts.resolve(name);
            try {
                Files.writeString(script, "#!/bin/sh\n" + body);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return script;
        }

        /**
         * A check script {@code <name>.sh}: exit 1 while the switch file {@code <name>.fail} exists, else 0; each
         * run logged with its start time.
         */
        String checkScript(String name) {
            Path runs = out.resolve(name + ".runs");
            write(name + ".sh", "t=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)\n"
                    + "if [ -e " + switchFile(name) + " ]; then r=fail; else r=ok; fi\n"
                    + "echo \"$t $r\" >> " + runs + "\n"
                    + "[ $r = ok ]\n");
            return name + ".sh";
        }

        /**
         * {@code notify.sh}: logs its argv; the transition time from {@code VIPKEEPER_TIME} with the argv; and its
         * uid with the other {@code VIPKEEPER_*} variables ({@code notify-env.log}).
         */
        String notifyScript() {
            write("notify.sh", "echo \"$*\" >> " + out.resolve("notify.log") + "\n"
                    + "echo \"$VIPKEEPER_TIME $*\" >> " + out.resolve("notify-times.log") + "\n"
                    + "echo \"$(id -u) $VIPKEEPER_SCOPE $VIPKEEPER_NAME $VIPKEEPER_OLD_STATE $VIPKEEPER_STATE"
                    + " $VIPKEEPER_PRIORITY $VIPKEEPER_NODE $VIPKEEPER_INTERFACE $VIPKEEPER_ADDRESSES\" >> "
                    + out.resolve("notify-env.log") + "\n");
            return "notify.sh";
        }

        Path switchFile(String check) {
            return scripts.resolve(check + ".fail");
        }

        /** From now on the check script fails. */
        void fail(String check) {
            try {
                Files.writeString(switchFile(check), "fail\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** From now on the check script succeeds. */
        void recover(String check) {
            try {
                Files.deleteIfExists(switchFile(check));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The notify script's argv lines, oldest first. */
        List<String> notifyLines() {
            return lines(out.resolve("notify.log"));
        }

        /** The notify script's lines with the transition time, oldest first. */
        List<TimedLine> notifyTimes() {
            return timed(out.resolve("notify-times.log"));
        }

        /** The runs of check script {@code name}, oldest first. */
        List<TimedLine> checkRuns(String name) {
            return timed(out.resolve(name + ".runs"));
        }

        /** A file in the output directory. */
        Path output(String name) {
            return out.resolve(name);
        }

        static List<String> lines(Path file) {
            try {
                return Files.exists(file) ? Files.readAllLines(file) : List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static List<TimedLine> timed(Path file) {
            List<TimedLine> list = new ArrayList<>();
            for (String line : lines(file)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    list.add(new TimedLine(Instant.parse(line.substring(0, space)), line.substring(space + 1)));
                }
            }
            return list;
        }
    }

    /** How many processes in the host's namespace have the command line {@code sleep <arg>}. */
    static int sleepsRunning(ItLan.Host host, String arg) {
        int count = 0;
        for (String pid : ItLan.run("ip", "netns", "pids", host.namespace()).output().trim().split("\\s+")) {
            if (pid.isEmpty()) {
                continue;
            }
            try {
                byte[] cmdline = Files.readAllBytes(Path.of("/proc", pid, "cmdline"));
                if (new String(cmdline, StandardCharsets.UTF_8).equals("sleep\0" + arg + "\0")) {
                    count++;
                }
            } catch (IOException e) {
                // the process ended meanwhile
            }
        }
        return count;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp directory left behind is harmless
        }
    }
}
