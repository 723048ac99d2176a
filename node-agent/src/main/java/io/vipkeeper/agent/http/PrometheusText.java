package io.vipkeeper.agent.http;

import io.vipkeeper.agent.notify.NotifyCounters;
import io.vipkeeper.agent.runtime.AgentSnapshot;
import java.util.Map;

/**
 * The agent's counters in the Prometheus text exposition format (version 0.0.4): one place where every counter an
 * operator of the system wants — adverts sent and received, drops by reason, transitions, announcements, notify
 * outcomes — becomes a metric. Pure: a snapshot in, text out.
 */
public final class PrometheusText {
    private static final String[] STATES = {"INITIALIZE", "BACKUP", "MASTER", "FAULT"};

    private PrometheusText() {}

    public static String render(AgentSnapshot snapshot, NotifyCounters notify) {
        StringBuilder out = new StringBuilder(4096);
        header(out, "vipkeeper_instance_state", "gauge", "1 for the state the VRRP instance is in, 0 for the others");
        for (AgentSnapshot.InstanceSnapshot i : snapshot.instances()) {
            for (String state : STATES) {
                sample(out, "vipkeeper_instance_state", i.name() + "\",state=\"" + state, state.equals(i.state()) ? 1 : 0);
            }
        }
        gauge(out, snapshot, "vipkeeper_instance_priority", "the effective priority (base priority and tracked checks)",
                AgentSnapshot.InstanceSnapshot::effectivePriority);
        gauge(out, snapshot, "vipkeeper_instance_transitions_total", "state transitions since the instance started",
                AgentSnapshot.InstanceSnapshot::transitions);
        gauge(out, snapshot, "vipkeeper_adverts_sent_total", "VRRP advertisements sent",
                AgentSnapshot.InstanceSnapshot::advertsSent);
        gauge(out, snapshot, "vipkeeper_adverts_received_total", "VRRP advertisements received and accepted",
                AgentSnapshot.InstanceSnapshot::advertsReceived);
        gauge(out, snapshot, "vipkeeper_announcements_sent_total", "gratuitous ARPs and unsolicited NAs sent",
                AgentSnapshot.InstanceSnapshot::announcementsSent);
        gauge(out, snapshot, "vipkeeper_send_errors_total", "adverts and announcements the kernel refused",
                AgentSnapshot.InstanceSnapshot::sendErrors);

        header(out, "vipkeeper_receive_accepted_total", "counter", "VRRP packets that passed the RFC 9568 7.1 checks");
        for (AgentSnapshot.ReceiveSnapshot r : snapshot.receive()) {
            sample(out, "vipkeeper_receive_accepted_total", channel(r), r.accepted());
        }
        header(out, "vipkeeper_receive_dropped_total", "counter", "VRRP packets dropped, by the check that failed");
        for (AgentSnapshot.ReceiveSnapshot r : snapshot.receive()) {
            for (Map.Entry<String, Long> e : r.dropped().entrySet()) {
                sample(out, "vipkeeper_receive_dropped_total", channel(r) + "\",reason=\"" + e.getKey(), e.getValue());
            }
        }
        header(out, "vipkeeper_receive_ignored_total", "counter",
                "VRRP packets ignored before the checks: from a source that is not a unicast peer, or malformed");
        for (AgentSnapshot.ReceiveSnapshot r : snapshot.receive()) {
            sample(out, "vipkeeper_receive_ignored_total", channel(r) + "\",why=\"unknown_peer", r.ignoredFromUnknownPeer());
            sample(out, "vipkeeper_receive_ignored_total", channel(r) + "\",why=\"malformed", r.malformed());
        }

        header(out, "vipkeeper_notify_total", "counter", "notify hook deliveries, by outcome");
        sampleNoInstance(out, "vipkeeper_notify_total", "outcome=\"delivered\"", notify.delivered());
        sampleNoInstance(out, "vipkeeper_notify_total", "outcome=\"failed\"", notify.failed());
        sampleNoInstance(out, "vipkeeper_notify_total", "outcome=\"timed_out\"", notify.timedOut());
        sampleNoInstance(out, "vipkeeper_notify_total", "outcome=\"dropped\"", notify.dropped());
        header(out, "vipkeeper_webhook_retries_total", "counter", "webhook deliveries retried");
        sampleNoInstance(out, "vipkeeper_webhook_retries_total", null, notify.webhookRetries());
        header(out, "vipkeeper_webhook_give_ups_total", "counter", "webhook deliveries abandoned after their budget");
        sampleNoInstance(out, "vipkeeper_webhook_give_ups_total", null, notify.webhookGiveUps());
        return out.toString();
    }

    private interface LongField {
        long of(AgentSnapshot.InstanceSnapshot instance);
    }

    private static void gauge(StringBuilder out, AgentSnapshot s, String name, String help, LongField field) {
        header(out, name, name.endsWith("_total") ? "counter" : "gauge", help);
        for (AgentSnapshot.InstanceSnapshot i : s.instances()) {
            sample(out, name, i.name(), field.of(i));
        }
    }

    private static String channel(AgentSnapshot.ReceiveSnapshot r) {
        return r.interfaceName() + "\",family=\"" + r.family();
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** A sample whose first label is the instance (or, for receive metrics, the interface). */
    private static void sample(StringBuilder out, String name, String firstLabelAndMore, long value) {
        String label = name.startsWith("vipkeeper_receive") ? "interface" : "instance";
        out.append(name).append('{').append(label).append("=\"").append(firstLabelAndMore).append("\"} ")
                .append(value).append('\n');
    }

    private static void sampleNoInstance(StringBuilder out, String name, String labels, long value) {
        out.append(name);
        if (labels != null) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(value).append('\n');
    }
}
