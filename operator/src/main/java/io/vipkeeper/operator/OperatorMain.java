package io.vipkeeper.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the operator's container: connects with the in-cluster (or kubeconfig) credentials, starts one
 * replica as {@link OperatorSettings#fromEnvironment} says, and stops it on SIGTERM.
 */
public final class OperatorMain {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

    private OperatorMain() {
    }

    /** Runs until the JVM is told to stop. */
    public static void main(String[] args) throws InterruptedException {
        OperatorSettings settings = OperatorSettings.fromEnvironment(System.getenv());
        KubernetesClient client = new KubernetesClientBuilder().build();
        VipKeeperOperator operator = VipKeeperOperator.create(client, settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            operator.close();
            client.close();
            stopped.countDown();
        }, "vipkeeper-shutdown"));
        operator.start();
        LOG.info("vipkeeper operator {} started (lease {}/{}, leader election {})", settings.identity(),
                settings.leaseNamespace(), settings.leaseName(), settings.leaderElection() ? "on" : "off");
        stopped.await();
    }
}
