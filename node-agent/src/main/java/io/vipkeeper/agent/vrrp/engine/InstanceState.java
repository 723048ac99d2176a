package io.vipkeeper.agent.vrrp.engine;

import java.util.HashSet;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One VRRP instance as an immutable value: its configuration, state, effective priority, stacked fault
 * reasons, learned Master_Adver_Interval, timer deadlines and transition count. {@link VrrpStateMachine#step}
 * returns a new value; this one never changes.
 *
 * <p>Deadlines are absolute monotonic nanoseconds given by the caller's clock; {@link #NOT_ARMED} marks a timer
 * that is not running.
 *
 * @param config the configuration
 * @param state the current state
 * @param priority the effective priority advertised and compared (RFC 9568 §6.1 Priority): the base priority
 *     adjusted by tracked checks; always 255 for the owner
 * @param faults the fault reasons present; the instance is in FAULT while this is non-empty (after Startup)
 * @param masterAdverIntervalCentiseconds Master_Adver_Interval (RFC 9568: Active_Adver_Interval), learned
 *     from the Master's adverts in v3, the configured interval in v2
 * @param masterDownDeadline when the Master_Down_Timer fires, or {@link #NOT_ARMED}
 * @param adverDeadline when the Adver_Timer fires, or {@link #NOT_ARMED}
 * @param preemptDeadline when the preempt-delay timer fires, or {@link #NOT_ARMED}
 * @param transitions how many state changes this instance has made
 */
public record InstanceState(
        InstanceConfig config,
        VrrpState state,
        int priority,
        Set<FaultReason> faults,
        int masterAdverIntervalCentiseconds,
        long masterDownDeadline,
        long adverDeadline,
        long preemptDeadline,
        long transitions) {

    /**
     * The deadline value of a timer that is not armed. {@code System.nanoTime()} may be negative, but never
     * this value in practice (it is 292 years before any origin).
     */
    public static final long NOT_ARMED = Long.MIN_VALUE;

    public InstanceState {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(state, "state");
        faults = Set.copyOf(faults);
    }

    /** A new instance in INITIALIZE, with the configured priority and interval and no timers. */
    public static InstanceState initial(InstanceConfig config) {
        return new InstanceState(config, VrrpState.INITIALIZE, config.priority(), Set.of(),
                config.advertisementIntervalCentiseconds(), NOT_ARMED, NOT_ARMED, NOT_ARMED, 0L);
    }

    /**
     * True in MASTER only: the instance owns the VIPs, answers ARP / NS for them (RFC 9568 §6.4.3 (610),
     * (625)) and accepts frames to the virtual MAC (645). In every other state it must not (§6.4.2 (310)–(340)).
     * Whether packets addressed to the VIPs are accepted in MASTER also depends on Accept_Mode and ownership
     * (650), which the runtime applies.
     */
    public boolean holdsVips() {
        return state == VrrpState.MASTER;
    }

    /** True when at least one fault reason is present. */
    public boolean isFaulty() {
        return !faults.isEmpty();
    }

    /** True when a fault reason other than {@link FaultReason#SYNC_GROUP} is present (used by {@link SyncGroup}). */
    public boolean hasOwnFault() {
        for (FaultReason reason : faults) {
            if (!reason.equals(FaultReason.SYNC_GROUP)) {
                return true;
            }
        }
        return false;
    }

    /** The deadline of one timer, or {@link #NOT_ARMED}. */
    public long deadline(TimerKind kind) {
        return switch (kind) {
            case ADVER -> adverDeadline;
            case MASTER_DOWN -> masterDownDeadline;
            case PREEMPT_DELAY -> preemptDeadline;
        };
    }

    /** True when this timer is armed. */
    public boolean isArmed(TimerKind kind) {
        return deadline(kind) != NOT_ARMED;
    }

    /** The earliest armed deadline, for a runtime that sleeps until then (as keepalived's loop does). */
    public OptionalLong nextDeadline() {
        long next = NOT_ARMED;
        for (TimerKind kind : TimerKind.values()) {
            long deadline = deadline(kind);
            if (deadline != NOT_ARMED && (next == NOT_ARMED || deadline - next < 0)) {
                next = deadline;
            }
        }
        return next == NOT_ARMED ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /** The timer whose deadline is {@link #nextDeadline()}, or {@code null} when none is armed. */
    public TimerKind nextTimer() {
        TimerKind next = null;
        for (TimerKind kind : TimerKind.values()) {
            long deadline = deadline(kind);
            if (deadline != NOT_ARMED && (next == null || deadline - deadline(next) < 0)) {
                next = kind;
            }
        }
        return next;
    }

    /** Skew_Time for the current priority and Master_Adver_Interval (RFC 9568 §6.1). */
    public long skewTimeNanos() {
        return VrrpTimers.skewTimeNanos(config.version(), priority, masterAdverIntervalCentiseconds);
    }

    /** Master_Down_Interval for the current priority and Master_Adver_Interval (RFC 9568 §6.1). */
    public long masterDownIntervalNanos() {
        return VrrpTimers.masterDownIntervalNanos(config.version(), priority, masterAdverIntervalCentiseconds);
    }

    InstanceState withState(VrrpState newState) {
        long newTransitions = newState == state ? transitions : transitions + 1;
        return new InstanceState(config, newState, priority, faults, masterAdverIntervalCentiseconds,
                masterDownDeadline, adverDeadline, preemptDeadline, newTransitions);
    }

    InstanceState withPriority(int newPriority) {
        return new InstanceState(config, state, newPriority, faults, masterAdverIntervalCentiseconds,
                masterDownDeadline, adverDeadline, preemptDeadline, transitions);
    }

    InstanceState withFault(FaultReason reason, boolean present) {
        if (faults.contains(reason) == present) {
            return this;
        }
        Set<FaultReason> newFaults = new HashSet<>(faults);
        if (present) {
            newFaults.add(reason);
        } else {
            newFaults.remove(reason);
        }
        return new InstanceState(config, state, priority, newFaults, masterAdverIntervalCentiseconds,
                masterDownDeadline, adverDeadline, preemptDeadline, transitions);
    }

    InstanceState withMasterAdverInterval(int centiseconds) {
        return new InstanceState(config, state, priority, faults, centiseconds, masterDownDeadline, adverDeadline,
                preemptDeadline, transitions);
    }

    InstanceState withDeadline(TimerKind kind, long deadline) {
        return switch (kind) {
            case ADVER -> new InstanceState(config, state, priority, faults, masterAdverIntervalCentiseconds,
                    masterDownDeadline, deadline, preemptDeadline, transitions);
            case MASTER_DOWN -> new InstanceState(config, state, priority, faults, masterAdverIntervalCentiseconds,
                    deadline, adverDeadline, preemptDeadline, transitions);
            case PREEMPT_DELAY -> new InstanceState(config, state, priority, faults,
                    masterAdverIntervalCentiseconds, masterDownDeadline, adverDeadline, deadline, transitions);
        };
    }
}
