package io.vipkeeper.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.vipkeeper.operator.reconcile.Controllers;
import io.vipkeeper.operator.reconcile.WriteCounters;
import java.time.Clock;

/**
 * One operator replica: JOSDK with vipkeeper's controllers, leader-elected through a Lease so that of several
 * replicas only one writes, with bounded retries on API errors.
 *
 * <p>Server-side apply is off everywhere (status patches, dependent matching): the embedded API server used by the
 * tests and the lab does not have it, and vipkeeper's own writes are JSON Patches that are right on every server.
 */
public final class VipKeeperOperator implements AutoCloseable {

    private final Operator operator;
    private final Controllers controllers;

    private VipKeeperOperator(Operator operator, Controllers controllers) {
        this.operator = operator;
        this.controllers = controllers;
    }

    /**
     * Builds a replica over {@code client} (left open on {@link #close()}: the caller owns it). Nothing runs before
     * {@link #start()}.
     */
    public static VipKeeperOperator create(KubernetesClient client, OperatorSettings settings, Clock clock) {
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withStopOnInformerErrorDuringStartup(true);
            if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder
                        .aLeaderElectionConfiguration(settings.leaseName())
                        .withLeaseNamespace(settings.leaseNamespace())
                        .withIdentity(settings.identity())
                        .withLeaseDuration(settings.leaseDuration())
                        .withRenewDeadline(settings.renewDeadline())
                        .withRetryPeriod(settings.retryPeriod())
                        // Losing the lease means another replica acts now: stop rather than act twice.
                        .withExitOnStopLeading(false)
                        .build());
            }
        });
        Controllers controllers = Controllers.create(client, clock);
        controllers.register(operator, settings.retry());
        return new VipKeeperOperator(operator, controllers);
    }

    /** Starts the controllers (they act only while this replica holds the Lease). */
    public void start() {
        operator.start();
    }

    /** Writes this replica made (metrics, tests). */
    public WriteCounters writes() {
        return controllers.writes();
    }

    @Override
    public void close() {
        operator.stop();
        controllers.close();
    }
}
