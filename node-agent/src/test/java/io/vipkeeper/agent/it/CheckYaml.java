package io.vipkeeper.agent.it;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of an instance's {@code checks:} list in the standalone agent's YAML (VirtualIP.spec.checks), built
 * fluently; {@link #file} adds checks and a {@code notify:} block to an {@link InstanceYaml} (whose own output has
 * neither). Only the keys a test sets are written; the rest take the agent's defaults.
 */
final class CheckYaml {
    private final String name;
    private final String probe;
    private String interval;
    private String timeout;
    private Integer fall;
    private Integer rise;
    private Integer weight;
    private Boolean initFail;

    private CheckYaml(String name, String probe) {
        this.name = name;
        this.probe = probe;
    }

    /** An exec check: the program (relative to --script-dir, or absolute) and its arguments. */
    static CheckYaml exec(String name, String... command) {
        return new CheckYaml(name, "exec: {command: [" + String.join(", ", command) + "]}");
    }

    /** An HTTP GET of http://127.0.0.1:port/path (the agent's defaults: host 127.0.0.1, any 2xx). */
    static CheckYaml http(String name, int port, String path) {
        return new CheckYaml(name, "http: {port: " + port + ", path: " + path + "}");
    }

    /** An HTTPS GET of https://127.0.0.1:port/path, verifying the certificate unless {@code insecureSkipVerify}. */
    static CheckYaml https(String name, int port, String path, boolean insecureSkipVerify) {
        return new CheckYaml(name, "http: {port: " + port + ", path: " + path + ", scheme: HTTPS, insecureSkipVerify: "
                + insecureSkipVerify + "}");
    }

    /** A TCP connect to 127.0.0.1:port. */
    static CheckYaml tcp(String name, int port) {
        return new CheckYaml(name, "tcp: {port: " + port + "}");
    }

    CheckYaml interval(String i) {
        interval = i;
        return this;
    }

    CheckYaml timeout(String t) {
        timeout = t;
        return this;
    }

    CheckYaml fall(int f) {
        fall = f;
        return this;
    }

    CheckYaml rise(int r) {
        rise = r;
        return this;
    }

    CheckYaml weight(int w) {
        weight = w;
        return this;
    }

    CheckYaml initFail(boolean i) {
        initFail = i;
        return this;
    }

    String toYaml() {
        StringBuilder y = new StringBuilder();
        y.append("      - name: ").append(name).append('\n');
        y.append("        ").append(probe).append('\n');
        if (interval != null) {
            y.append("        interval: ").append(interval).append('\n');
        }
        if (timeout != null) {
            y.append("        timeout: ").append(timeout).append('\n');
        }
        if (fall != null) {
            y.append("        fall: ").append(fall).append('\n');
        }
        if (rise != null) {
            y.append("        rise: ").append(rise).append('\n');
        }
        if (weight != null) {
            y.append("        weight: ").append(weight).append('\n');
        }
        if (initFail != null) {
            y.append("        initFail: ").append(initFail).append('\n');
        }
        return y.toString();
    }

    /** The {@code notify:} block's entries, each a flow mapping ({@code exec: {command: [n.sh], timeout: 3s}}). */
    record Notify(String exec, String webhook) {
        static Notify none() {
            return new Notify(null, null);
        }

        /** An exec hook with the default timeout. */
        static Notify exec(String command) {
            return new Notify("{command: [" + command + "]}", null);
        }

        Notify execTimeout(String command, String timeout) {
            return new Notify("{command: [" + command + "], timeout: " + timeout + "}", webhook);
        }

        Notify webhook(String url) {
            return new Notify(exec, "{url: \"" + url + "\", timeout: 2s}");
        }

        String toYaml() {
            if (exec == null && webhook == null) {
                return "";
            }
            StringBuilder y = new StringBuilder("    notify:\n");
            if (exec != null) {
                y.append("      exec: ").append(exec).append('\n');
            }
            if (webhook != null) {
                y.append("      webhook: ").append(webhook).append('\n');
            }
            return y.toString();
        }
    }

    /** A whole configuration file of one instance with these checks and notify hooks. */
    static String file(InstanceYaml instance, Notify notify, CheckYaml... checks) {
        StringBuilder y = new StringBuilder("instances:\n").append(instance.toYaml());
        List<CheckYaml> list = new ArrayList<>(List.of(checks));
        if (!list.isEmpty()) {
            y.append("    checks:\n");
            list.forEach(c -> y.append(c.toYaml()));
        }
        y.append(notify.toYaml());
        return y.toString();
    }
}
