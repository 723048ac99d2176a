package io.vipkeeper.operator.reconcile;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records core/v1 Events about vipkeeper objects ({@code kubectl describe vip} shows them). An Event that cannot be
 * written is logged and dropped: it never fails a reconcile.
 */
public final class EventRecorder {

    /** Events about cluster-scoped objects (pools, node objects) go to this namespace, as kubectl looks for them. */
    public static final String CLUSTER_SCOPED_EVENT_NAMESPACE = "default";

    /** {@code source.component} of every Event this operator writes. */
    public static final String COMPONENT = "vipkeeper-operator";

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    private final KubernetesClient client;
    private final Clock clock;
    private final WriteCounters writes;

    /** A recorder that writes through {@code client} and stamps Events with {@code clock}. */
    public EventRecorder(KubernetesClient client, Clock clock, WriteCounters writes) {
        this.client = client;
        this.clock = clock;
        this.writes = writes;
    }

    /** A Normal Event: something worth knowing happened (for example a new MASTER). */
    public void normal(HasMetadata about, String reason, String message) {
        record(about, "Normal", reason, message);
    }

    /** A Warning Event: something is wrong and a person should look (for example an invalid VirtualIP). */
    public void warning(HasMetadata about, String reason, String message) {
        record(about, "Warning", reason, message);
    }

    private void record(HasMetadata about, String type, String reason, String message) {
        String namespace = about.getMetadata().getNamespace() != null
                ? about.getMetadata().getNamespace()
                : CLUSTER_SCOPED_EVENT_NAMESPACE;
        String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        var event = new EventBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(about.getMetadata().getName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()))
                .endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(about.getApiVersion())
                        .withKind(about.getKind())
                        .withNamespace(about.getMetadata().getNamespace())
                        .withName(about.getMetadata().getName())
                        .withUid(about.getMetadata().getUid())
                        .withResourceVersion(about.getMetadata().getResourceVersion())
                        .build())
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withCount(1)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT)
                .build();
        try {
            client.v1().events().inNamespace(namespace).resource(event).create();
            writes.count(WriteCounters.Kind.EVENT, namespace + "/" + about.getMetadata().getName());
        } catch (KubernetesClientException e) {
            LOG.warn("could not record {} event {} on {}/{}: {}", type, reason, about.getKind(),
                    about.getMetadata().getName(), e.getMessage());
        }
    }
}
