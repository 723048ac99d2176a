package io.vipkeeper.agent.check;

import java.time.Duration;
import java.util.List;

/**
 * One health check with keepalived's {@code vrrp_script} semantics (keepalived.conf(5), "VRRP script(s)").
 * The agent's own config record; the operator's CRD spec maps onto it.
 *
 * @param name unique per instance; reported with every status change
 * @param probe what to run: a script, an HTTP GET or a TCP connect
 * @param interval time between the starts of two runs (keepalived default 1 s)
 * @param timeout a run longer than this is killed/abandoned and counts as a failure; keepalived's default when
 *     none is set is the interval, and so is ours ({@link #withDefaults})
 * @param fall consecutive failures that take an OK check to KO (keepalived default 1)
 * @param rise consecutive successes that take a KO check to OK (keepalived default 1)
 * @param weight carried to the priority arithmetic: 0 means "KO puts the instance in FAULT", &gt;0 is added while
 *     OK, &lt;0 is added while KO; keepalived's range is -253..253
 * @param initFail start KO (needing {@code rise} successes); otherwise start {@link CheckStatus#UNKNOWN}, where the
 *     first result decides, as keepalived does
 */
public record CheckDefinition(
        String name, Probe probe, Duration interval, Duration timeout, int fall, int rise, int weight,
        boolean initFail) {

    /** keepalived's default interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** keepalived's weight range. */
    public static final int MAX_WEIGHT = 253;

    public CheckDefinition {
        List<ConfigProblem> problems = problems(name, probe, interval, timeout, fall, rise, weight);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid check definition: " + problems);
        }
    }

    /** One rule a definition breaks: the field and what is wrong with it. */
    public record ConfigProblem(String field, String message) {}

    /**
     * Every rule the given values break, empty when they make a valid definition. The one place the rules live:
     * the constructor refuses what this reports, so callers mapping user input call this first and turn problems
     * into a status condition instead of catching an exception.
     */
    public static List<ConfigProblem> problems(String name, Probe probe, Duration interval, Duration timeout,
            int fall, int rise, int weight) {
        List<ConfigProblem> problems = new java.util.ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new ConfigProblem("name", "must not be blank"));
        }
        if (probe == null) {
            problems.add(new ConfigProblem("probe", "one of exec, http or tcp is required"));
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            problems.add(new ConfigProblem("interval", "must be positive, was " + interval));
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            problems.add(new ConfigProblem("timeout", "must be positive, was " + timeout));
        }
        if (fall < 1) {
            problems.add(new ConfigProblem("fall", "must be at least 1, was " + fall));
        }
        if (rise < 1) {
            problems.add(new ConfigProblem("rise", "must be at least 1, was " + rise));
        }
        if (weight < -MAX_WEIGHT || weight > MAX_WEIGHT) {
            problems.add(new ConfigProblem("weight", "must be in -253..253, was " + weight));
        }
        return List.copyOf(problems);
    }

    /** Problems with a port and HTTP path, shared by the probe records. */
    static List<ConfigProblem> endpointProblems(String host, int port, String path) {
        List<ConfigProblem> problems = new java.util.ArrayList<>();
        if (host == null || host.isBlank()) {
            problems.add(new ConfigProblem("host", "must not be blank"));
        }
        if (port < 1 || port > 65535) {
            problems.add(new ConfigProblem("port", "must be in 1..65535, was " + port));
        }
        if (path != null && !path.isEmpty() && !path.startsWith("/")) {
            problems.add(new ConfigProblem("path", "must start with '/', was " + path));
        }
        return List.copyOf(problems);
    }

    /**
     * A definition with keepalived's defaults for what is null: interval 1 s, timeout = interval, fall 1, rise 1,
     * weight 0.
     */
    public static CheckDefinition withDefaults(String name, Probe probe, Duration interval, Duration timeout,
            Integer fall, Integer rise, Integer weight, boolean initFail) {
        Duration i = interval == null ? DEFAULT_INTERVAL : interval;
        return new CheckDefinition(name, probe, i, timeout == null ? i : timeout, fall == null ? 1 : fall,
                rise == null ? 1 : rise, weight == null ? 0 : weight, initFail);
    }

    /** What a check does on each run. */
    public sealed interface Probe {}

    /**
     * Run a script from the script directory; exit code 0 is success, anything else (including a signal or not
     * starting at all) is failure.
     *
     * @param command the script (resolved in the script directory) and its arguments
     */
    public record ExecProbe(List<String> command) implements Probe {
        public ExecProbe {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("exec check needs a command");
            }
        }
    }

    /**
     * An HTTP(S) GET; success when the response status is one of {@code expectStatus}.
     *
     * @param host host name or address to connect to (also the Host header and TLS SNI name)
     * @param port TCP port
     * @param path request path, starting with {@code /}
     * @param expectStatus accepted status codes; empty means any 2xx (200-299), which is what a health
     *     endpoint returns when healthy
     * @param tls use HTTPS
     * @param insecureSkipVerify with TLS: accept any certificate and host name
     */
    public record HttpProbe(String host, int port, String path, List<Integer> expectStatus, boolean tls,
            boolean insecureSkipVerify) implements Probe {
        public HttpProbe {
            List<ConfigProblem> problems = problems(host, port, path);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid http check: " + problems);
            }
            path = path == null || path.isEmpty() ? "/" : path;
            expectStatus = expectStatus == null ? List.of() : List.copyOf(expectStatus);
        }

        /** Every rule these values break (the path may be empty: it defaults to {@code /}). */
        public static List<ConfigProblem> problems(String host, int port, String path) {
            return endpointProblems(host, port, path);
        }

        /** Whether {@code status} counts as healthy. */
        public boolean accepts(int status) {
            return expectStatus.isEmpty() ? status >= 200 && status <= 299 : expectStatus.contains(status);
        }
    }

    /** A TCP connect; success when the connection is established within the timeout. */
    public record TcpProbe(String host, int port) implements Probe {
        public TcpProbe {
            List<ConfigProblem> problems = problems(host, port);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid tcp check: " + problems);
            }
        }

        /** Every rule these values break. */
        public static List<ConfigProblem> problems(String host, int port) {
            return endpointProblems(host, port, null);
        }
    }
}
