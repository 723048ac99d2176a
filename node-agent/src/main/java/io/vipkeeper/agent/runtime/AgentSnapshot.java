package io.vipkeeper.agent.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the agent observes, as an immutable value: written to the state file (like keepalived's
 * {@code /tmp/keepalived.data} dump, as JSON), and later reported in the node's status.
 *
 * @param time      when the snapshot was taken
 * @param instances one entry per VRRP instance
 * @param receive   per interface and family: packets accepted, drops by reason (RFC 9568 §7.1 checks), notes
 */
public record AgentSnapshot(Instant time, List<InstanceSnapshot> instances, List<ReceiveSnapshot> receive) {

    /**
     * One instance.
     *
     * @param state             MASTER, BACKUP, FAULT or INITIALIZE
     * @param effectivePriority the priority after the tracked checks' weights
     * @param masterAddress     the current master's primary address (ours when MASTER), or null when unknown
     * @param masterPriority    the priority the master advertised (ours when MASTER), or -1
     * @param lastTransition    wall-clock time of the last state change, or null before the first
     */
    public record InstanceSnapshot(
            String name,
            String interfaceName,
            String family,
            int version,
            int virtualRouterId,
            String state,
            int basePriority,
            int effectivePriority,
            List<String> faults,
            List<String> addresses,
            String masterAddress,
            int masterPriority,
            Instant lastTransition,
            long transitions,
            long advertsSent,
            long advertsReceived,
            long announcementsSent,
            long sendErrors,
            Map<String, Boolean> checks) {}

    /** Receive counters of one interface and address family (shared by the instances there). */
    public record ReceiveSnapshot(
            String interfaceName,
            String family,
            long accepted,
            Map<String, Long> dropped,
            Map<String, Long> notes,
            long ignoredFromUnknownPeer,
            long malformed) {}

    /** The instance of this name, or null. */
    public InstanceSnapshot instance(String name) {
        for (InstanceSnapshot i : instances) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        return null;
    }
}
