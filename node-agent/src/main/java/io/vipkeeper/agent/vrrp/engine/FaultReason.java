package io.vipkeeper.agent.vrrp.engine;

import java.util.Objects;

/**
 * Why an instance is in {@link VrrpState#FAULT}. Reasons stack (link down AND a check failing): the instance
 * leaves FAULT only when none is left. Two reasons are the same reason when their keys are equal, so raising
 * the same reason twice needs only one clear.
 *
 * @param key a stable identifier, such as {@code "checks"} or {@code "link:eth0"}
 */
public record FaultReason(String key) {
    /** A tracked check with weight 0 is KO (see {@link EffectivePriority}). */
    public static final FaultReason CHECKS = new FaultReason("checks");
    /**
     * Another member of this instance's sync group is faulty (see {@link SyncGroup}). Only the sync group
     * coordinator raises and clears it.
     */
    public static final FaultReason SYNC_GROUP = new FaultReason("sync-group");

    public FaultReason {
        Objects.requireNonNull(key, "key");
    }

    /** The link (or the interface carrying the instance) is down. */
    public static FaultReason linkDown(String interfaceName) {
        return new FaultReason("link:" + interfaceName);
    }
}
