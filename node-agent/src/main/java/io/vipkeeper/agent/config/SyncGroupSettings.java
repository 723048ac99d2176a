package io.vipkeeper.agent.config;

import java.util.List;
import java.util.Objects;

/**
 * keepalived's {@code vrrp_sync_group}: instances that change state together (one in FAULT puts all in FAULT,
 * one becoming MASTER takes the others along).
 *
 * @param name unique among the sync groups
 * @param members names of {@link InstanceSettings instances}; an instance is in at most one group
 */
public record SyncGroupSettings(String name, List<String> members) {

    public SyncGroupSettings {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }
}
