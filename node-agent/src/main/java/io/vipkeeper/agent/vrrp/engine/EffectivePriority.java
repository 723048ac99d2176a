package io.vipkeeper.agent.vrrp.engine;

import java.util.List;

/**
 * keepalived's priority arithmetic for tracked checks ({@code track_script} weights), as one pure function.
 * The check runners own rise/fall hysteresis; this class takes each check's current OK/KO status.
 *
 * <ul>
 *   <li>weight &gt; 0: added while the check is OK;</li>
 *   <li>weight &lt; 0: added (so subtracted) while the check is KO;</li>
 *   <li>weight 0: the instance is in FAULT while the check is KO;</li>
 *   <li>the result is clamped to 1..254: tracking never makes a non-owner the owner, nor a priority of 0
 *       (which would mean "leaving", RFC 9568 §6.1) — keepalived.conf(5), "vrrp_script" and "priority";</li>
 *   <li>the address owner (255) keeps 255: keepalived ignores weighted tracked scripts on an owner ("ignoring
 *       tracked script with weights due to address owner"), so their weights do nothing here, while a KO
 *       weight-0 check still faults the owner.</li>
 * </ul>
 */
public final class EffectivePriority {
    /** The lowest priority a tracked non-owner can have. */
    public static final int MIN_NON_OWNER = 1;
    /** The highest priority a tracked non-owner can have. */
    public static final int MAX_NON_OWNER = 254;

    private EffectivePriority() {}

    /**
     * One tracked check's contribution.
     *
     * @param weight the check's weight in the instance (keepalived allows -253..253)
     * @param ok the check's current status after rise/fall hysteresis
     */
    public record TrackedCheck(int weight, boolean ok) {}

    /**
     * The effective priority and whether a weight-0 check is KO.
     *
     * @param priority 1..254, or 255 for the owner
     * @param fault true when a weight-0 check is KO: the instance belongs in FAULT
     *     ({@link FaultReason#CHECKS})
     */
    public record Result(int priority, boolean fault) {}

    /** Base priority plus the weights of the tracked checks. */
    public static Result compute(int basePriority, List<TrackedCheck> checks) {
        boolean fault = false;
        long sum = basePriority;
        for (TrackedCheck check : checks) {
            if (check.weight() == 0) {
                fault |= !check.ok();
            } else if (check.weight() > 0 && check.ok()) {
                sum += check.weight();
            } else if (check.weight() < 0 && !check.ok()) {
                sum += check.weight();
            }
        }
        if (basePriority == InstanceConfig.OWNER_PRIORITY) {
            return new Result(InstanceConfig.OWNER_PRIORITY, fault);
        }
        int priority = (int) Math.max(MIN_NON_OWNER, Math.min(MAX_NON_OWNER, sum));
        return new Result(priority, fault);
    }
}
