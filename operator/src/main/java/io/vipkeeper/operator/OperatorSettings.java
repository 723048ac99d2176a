package io.vipkeeper.operator;

import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How one operator replica runs: its leader-election Lease and identity, and the retry of failed reconciles.
 *
 * @param leaderElection  whether to take part in leader election (off only for a single replica, e.g. some tests)
 * @param leaseNamespace  namespace of the Lease
 * @param leaseName       name of the Lease all replicas compete for
 * @param identity        this replica's name in the Lease (the pod name)
 * @param leaseDuration   how long a Lease holds without renewal before another replica may take it
 * @param renewDeadline   how long the leader keeps trying to renew before it stops acting
 * @param retryPeriod     how often replicas try to acquire or renew
 * @param retryInitial    first delay before retrying a failed reconcile (API errors)
 * @param retryMaxInterval longest delay between retries
 * @param retryMaxAttempts retries of one failed reconcile before giving up until the next change
 */
public record OperatorSettings(boolean leaderElection, String leaseNamespace, String leaseName, String identity,
                               Duration leaseDuration, Duration renewDeadline, Duration retryPeriod,
                               Duration retryInitial, Duration retryMaxInterval, int retryMaxAttempts) {

    /** Default name of the Lease. */
    public static final String DEFAULT_LEASE_NAME = "vipkeeper-operator";

    /** Checks the values. */
    public OperatorSettings {
        Objects.requireNonNull(leaseNamespace, "leaseNamespace");
        Objects.requireNonNull(leaseName, "leaseName");
        Objects.requireNonNull(identity, "identity");
        if (!renewDeadline.minus(leaseDuration).isNegative() || !retryPeriod.minus(renewDeadline).isNegative()) {
            throw new IllegalArgumentException("leader election needs retryPeriod < renewDeadline < leaseDuration");
        }
        if (retryMaxAttempts < 1) {
            throw new IllegalArgumentException("retryMaxAttempts must be at least 1");
        }
    }

    /** Kubernetes' usual values (15 s lease, 10 s renew deadline, 2 s retry) and retries from 0.5 s up to 30 s, 10 times. */
    public static OperatorSettings defaults(String leaseNamespace, String identity) {
        return new OperatorSettings(true, leaseNamespace, DEFAULT_LEASE_NAME, identity, Duration.ofSeconds(15),
                Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(30), 10);
    }

    /**
     * From the environment of the operator's pod: {@code POD_NAMESPACE} (default {@code vipkeeper-system}) and
     * {@code POD_NAME} (default the host name), {@code VIPKEEPER_LEADER_ELECTION=false} to run alone.
     */
    public static OperatorSettings fromEnvironment(Map<String, String> env) {
        String namespace = env.getOrDefault("POD_NAMESPACE", "vipkeeper-system");
        String identity = env.getOrDefault("POD_NAME", env.getOrDefault("HOSTNAME", "vipkeeper-operator"));
        OperatorSettings defaults = defaults(namespace, identity);
        return defaults.withLeaderElection(!"false".equalsIgnoreCase(env.get("VIPKEEPER_LEADER_ELECTION")));
    }

    /** These settings with leader election on or off. */
    public OperatorSettings withLeaderElection(boolean enabled) {
        return new OperatorSettings(enabled, leaseNamespace, leaseName, identity, leaseDuration, renewDeadline,
                retryPeriod, retryInitial, retryMaxInterval, retryMaxAttempts);
    }

    /** These settings with other leader-election timings (short ones for tests). */
    public OperatorSettings withLeaseTimings(Duration lease, Duration renew, Duration retry) {
        return new OperatorSettings(leaderElection, leaseNamespace, leaseName, identity, lease, renew, retry,
                retryInitial, retryMaxInterval, retryMaxAttempts);
    }

    /** Bounded exponential backoff for failed reconciles (JOSDK's {@link GenericRetry}). */
    public GenericRetry retry() {
        return new GenericRetry()
                .setInitialInterval(retryInitial.toMillis())
                .setIntervalMultiplier(2.0)
                .setMaxInterval(retryMaxInterval.toMillis())
                .setMaxAttempts(retryMaxAttempts);
    }
}
