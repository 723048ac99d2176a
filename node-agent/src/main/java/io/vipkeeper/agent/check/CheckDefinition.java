package io.vipkeeper.agent.check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (name.isBlank()) {
            throw new IllegalArgumentException("check name is blank");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (fall < 1 || rise < 1) {
            throw new IllegalArgumentException("fall and rise must be at least 1: fall=" + fall + " rise=" + rise);
        }
        if (weight < -MAX_WEIGHT || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight must be in -253..253: " + weight);
        }
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
            Objects.requireNonNull(host, "host");
            path = path == null || path.isEmpty() ? "/" : path;
            expectStatus = expectStatus == null ? List.of() : List.copyOf(expectStatus);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/': " + path);
            }
        }

        /** Whether {@code status} counts as healthy. */
        public boolean accepts(int status) {
            return expectStatus.isEmpty() ? status >= 200 && status <= 299 : expectStatus.contains(status);
        }
    }

    /** A TCP connect; success when the connection is established within the timeout. */
    public record TcpProbe(String host, int port) implements Probe {
        public TcpProbe {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }
}
