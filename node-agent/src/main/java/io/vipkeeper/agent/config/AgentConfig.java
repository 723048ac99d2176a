package io.vipkeeper.agent.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The node agent's standalone configuration (the replacement for a keepalived.conf): VRRP instances and the sync
 * groups that tie some of them together. Built by {@link AgentConfigLoader}, which has validated every rule; the
 * records themselves only refuse nulls.
 *
 * @param source where the configuration came from (a file name), for log lines
 * @param instances the VRRP instances, in file order, at least one
 * @param syncGroups keepalived's {@code vrrp_sync_group}s, in file order; empty when none
 */
public record AgentConfig(String source, List<InstanceSettings> instances, List<SyncGroupSettings> syncGroups) {

    public AgentConfig {
        Objects.requireNonNull(source, "source");
        instances = List.copyOf(instances);
        syncGroups = List.copyOf(syncGroups);
    }

    /** The instance with this name, if any. */
    public Optional<InstanceSettings> instance(String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The sync group that has this instance as a member, if any (an instance is in at most one). */
    public Optional<SyncGroupSettings> syncGroupOf(String instanceName) {
        return syncGroups.stream().filter(g -> g.members().contains(instanceName)).findFirst();
    }
}
