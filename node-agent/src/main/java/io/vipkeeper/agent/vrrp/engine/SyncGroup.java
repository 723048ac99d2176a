package io.vipkeeper.agent.vrrp.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * keepalived's {@code vrrp_sync_group} as a pure coordinator: the instances of one group change state
 * together. After one member steps, {@link #propagate} says which events to feed the others.
 *
 * <ul>
 *   <li>A member becomes MASTER: every other member in BACKUP gets {@link VrrpEvent.SyncGroupRequest}(MASTER).
 *   </li>
 *   <li>A member falls from MASTER to BACKUP: every other member in MASTER gets SyncGroupRequest(BACKUP).</li>
 *   <li>A member enters BACKUP from FAULT or INITIALIZE while another member is MASTER: it gets
 *       SyncGroupRequest(MASTER) itself, so it joins the group's state whatever order the events came in.</li>
 *   <li>FAULT: each member carries {@link FaultReason#SYNC_GROUP} exactly while some <em>other</em> member has
 *       a fault reason of its own. So when one member goes FAULT all follow, and they leave FAULT only when
 *       no member has its own fault left (keepalived: the group is in FAULT while any member is).</li>
 * </ul>
 *
 * <p>Why it cannot loop:
 *
 * <ol>
 *   <li>A transition caused by a {@link VrrpEvent.SyncGroupRequest} is never propagated: requests fan out one
 *       level from the member that really changed, and stop.</li>
 *   <li>The SYNC_GROUP fault reason is derived only from the members' <em>own</em> fault reasons, which sync
 *       events never change; a step caused by a SYNC_GROUP fault event is not re-evaluated. The derived set is
 *       a fixed point after one round.</li>
 *   <li>Requests go only to members not already in the target state, and re-raising or re-clearing a reason
 *       is a no-op in the state machine, so a repeated event changes nothing.</li>
 * </ol>
 *
 * <p>So any chain is at most: own event → SYNC_GROUP fault events → members leaving FAULT (to BACKUP, or to
 * MASTER for an owner) → SyncGroupRequest(MASTER) → end.
 */
public final class SyncGroup {
    private final String name;
    private final List<String> members;

    /** An event to feed to one member. */
    public record Routed(String member, VrrpEvent event) {
        public Routed {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * @param name the group's name (keepalived's {@code vrrp_sync_group NAME}, used as GROUP in notify)
     * @param members the names of its instances
     */
    public SyncGroup(String name, List<String> members) {
        this.name = Objects.requireNonNull(name, "name");
        this.members = List.copyOf(new LinkedHashSet<>(members));
    }

    /** The group's name. */
    public String name() {
        return name;
    }

    /** The names of the members, in configuration order, without duplicates. */
    public List<String> members() {
        return members;
    }

    /**
     * The events to feed the members after {@code member} stepped from {@code before} to {@code after} on
     * {@code cause}. Feed them in order with {@link VrrpStateMachine#step}, calling this method again for each
     * resulting step (it returns nothing for the steps it caused, see the class comment).
     *
     * @param member the member that stepped
     * @param cause the event it stepped on
     * @param before its instance before the step
     * @param after its instance after the step
     * @param current every member's current instance (the entry for {@code member} is ignored; {@code after}
     *     is used)
     */
    public List<Routed> propagate(
            String member,
            VrrpEvent cause,
            InstanceState before,
            InstanceState after,
            Map<String, InstanceState> current) {
        if (!members.contains(member) || cause instanceof VrrpEvent.SyncGroupRequest) {
            return List.of();
        }
        List<Routed> routed = new ArrayList<>();
        if (!isSyncFaultEvent(cause)) {
            routeFaults(member, after, current, routed);
        }
        if (before.state() != after.state()) {
            if (after.state() == VrrpState.MASTER) {
                request(member, VrrpState.BACKUP, VrrpState.MASTER, current, routed);
            } else if (after.state() == VrrpState.BACKUP && before.state() == VrrpState.MASTER) {
                request(member, VrrpState.MASTER, VrrpState.BACKUP, current, routed);
            } else if (after.state() == VrrpState.BACKUP && anotherMemberIsMaster(member, current)) {
                // Leaving FAULT (or starting) while the group is MASTER: join it.
                routed.add(new Routed(member, new VrrpEvent.SyncGroupRequest(VrrpState.MASTER)));
            }
        }
        return List.copyOf(routed);
    }

    private static boolean isSyncFaultEvent(VrrpEvent cause) {
        return (cause instanceof VrrpEvent.FaultRaised raised && raised.reason().equals(FaultReason.SYNC_GROUP))
                || (cause instanceof VrrpEvent.FaultCleared cleared
                        && cleared.reason().equals(FaultReason.SYNC_GROUP));
    }

    /** Each member carries SYNC_GROUP exactly while another member has a fault of its own. */
    private void routeFaults(
            String member, InstanceState after, Map<String, InstanceState> current, List<Routed> routed) {
        for (String target : members) {
            InstanceState targetState = target.equals(member) ? after : current.get(target);
            if (targetState == null) {
                continue;
            }
            boolean otherFaulty = false;
            for (String other : members) {
                if (other.equals(target)) {
                    continue;
                }
                InstanceState otherState = other.equals(member) ? after : current.get(other);
                if (otherState != null && otherState.hasOwnFault()) {
                    otherFaulty = true;
                    break;
                }
            }
            boolean carries = targetState.faults().contains(FaultReason.SYNC_GROUP);
            if (otherFaulty && !carries) {
                routed.add(new Routed(target, new VrrpEvent.FaultRaised(FaultReason.SYNC_GROUP)));
            } else if (!otherFaulty && carries) {
                routed.add(new Routed(target, new VrrpEvent.FaultCleared(FaultReason.SYNC_GROUP)));
            }
        }
    }

    private boolean anotherMemberIsMaster(String member, Map<String, InstanceState> current) {
        for (String other : members) {
            InstanceState otherState = current.get(other);
            if (!other.equals(member) && otherState != null && otherState.state() == VrrpState.MASTER) {
                return true;
            }
        }
        return false;
    }

    private void request(
            String member, VrrpState from, VrrpState to, Map<String, InstanceState> current, List<Routed> routed) {
        for (String target : members) {
            if (target.equals(member)) {
                continue;
            }
            InstanceState targetState = current.get(target);
            if (targetState != null && targetState.state() == from) {
                routed.add(new Routed(target, new VrrpEvent.SyncGroupRequest(to)));
            }
        }
    }
}
