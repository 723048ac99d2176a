package io.vipkeeper.agent.vrrp.engine;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The VRRP state machine of RFC 9568 §6.3–§6.4 (RFC 3768 §6.3–§6.4 for v2) plus keepalived's FAULT state,
 * {@code nopreempt}, {@code preempt_delay} and {@code state BACKUP}, as one pure function:
 * {@link #step(InstanceState, VrrpEvent, long) step(instance, event, now) → (instance', actions)}.
 *
 * <p>Pure: no sockets, no clock, no threads, no sleeps. "now" is the caller's monotonic clock in nanoseconds;
 * every timer is an absolute deadline in the returned instance and in an {@link VrrpAction.ArmTimer} action.
 * The numbers in parentheses below and in the code are the line labels of RFC 5798 §6.4, whose steps RFC 9568
 * §6.4 keeps in the same order (see the package documentation).
 *
 * <p>Rules that go beyond the RFC text, each as keepalived behaves by default:
 *
 * <ul>
 *   <li>(775) A Master that receives a lower-priority advert (or an equal one from a lower address) discards
 *       it and sends an advert at once to reassert itself (RFC 9568; keepalived's {@code lower_prio_no_advert}
 *       off).</li>
 *   <li>A timer event whose timer is not armed, or that arrives before its deadline, is stale (the timer was
 *       reset or cancelled after the runtime scheduled it) and changes nothing.</li>
 *   <li>An advert whose sender address is our own primary address is our own advert looped back (or an
 *       address conflict) and changes nothing; without this, a Master would answer its own adverts forever
 *       under rule (775).</li>
 *   <li>FAULT: entered from Backup or Master when a fault reason appears. Leaving Master for FAULT sends a
 *       priority-0 advert (as on Shutdown, (665)) so a Backup takes over after Skew_Time, then removes the
 *       VIPs. FAULT is left when the last reason clears, by the same rule as Startup.</li>
 *   <li>A Master whose effective priority changes sends an advert at once, so a Backup that now outranks it
 *       can preempt without waiting for the next Adver_Timer.</li>
 *   <li>preempt_delay: a preempting Backup that receives a lower-priority advert (where (470) would discard
 *       it, so that it would take over when its current Master_Down_Timer fires) instead accepts it as if not
 *       preempting (450–460: the Master_Down_Timer keeps being reset) and arms the PREEMPT_DELAY timer once,
 *       at the first such advert, for {@code preemptDelay} after the instant it would have taken over — the
 *       Master_Down_Timer deadline it held then. As keepalived.conf(5) says, the delay never makes a takeover
 *       earlier than without it. When it fires the Backup becomes Master. A higher-or-equal-priority advert
 *       cancels it. If the Master goes silent, the Master_Down_Timer still applies.</li>
 *   <li>The address owner always preempts (RFC 9568 §6.1 Preempt_Mode), whatever {@code preempt} says.</li>
 * </ul>
 *
 * <p>Action order on entering Master: InstallVips, SendAdvert, SendAnnouncements, ArmTimer(ADVER),
 * Notify(MASTER) — the RFC's (110)/(370) advert, (120)/(380) GARP, (140)/(405) timer, (145)/(410) state, with
 * the VIPs installed before they are announced (as keepalived does).
 */
public final class VrrpStateMachine {
    private VrrpStateMachine() {}

    /**
     * Applies one event.
     *
     * @param instance the instance before the event
     * @param event what happened
     * @param nowNanos the caller's monotonic clock, in nanoseconds
     * @return the instance after the event and the actions to perform, in order
     */
    public static StepResult step(InstanceState instance, VrrpEvent event, long nowNanos) {
        Step step = new Step(instance, nowNanos);
        switch (event) {
            case VrrpEvent.Startup ignored -> startup(step);
            case VrrpEvent.Shutdown ignored -> shutdown(step);
            case VrrpEvent.AdvertReceived advert -> advertReceived(step, advert);
            case VrrpEvent.MasterDownTimerFired ignored -> masterDownTimerFired(step);
            case VrrpEvent.AdverTimerFired ignored -> adverTimerFired(step);
            case VrrpEvent.PreemptDelayTimerFired ignored -> preemptDelayTimerFired(step);
            case VrrpEvent.PriorityChanged changed -> priorityChanged(step, changed.priority());
            case VrrpEvent.ChecksChanged changed -> checksChanged(step, changed.priority(), changed.fault());
            case VrrpEvent.FaultRaised raised -> faultRaised(step, raised.reason());
            case VrrpEvent.FaultCleared cleared -> faultCleared(step, cleared.reason());
            case VrrpEvent.SyncGroupRequest request -> syncGroupRequest(step, request.target());
        }
        return step.result();
    }

    // ---- RFC 9568 §6.4.1 Initialize

    private static void startup(Step step) {
        if (step.state.state() != VrrpState.INITIALIZE) {
            return; // (100) Startup is only an event of Initialize.
        }
        if (step.state.isFaulty()) {
            // keepalived starts straight in FAULT when a tracked check or the link is already down.
            step.enter(VrrpState.FAULT);
            return;
        }
        enterFromInitializeOrFault(step);
    }

    /** The Startup decision, also used when the last fault reason clears. */
    private static void enterFromInitializeOrFault(Step step) {
        InstanceConfig config = step.state.config();
        if (config.isOwner() && !config.startAsBackup()) {
            // (105) Priority = 255: (110) advert, (120/130) GARP / NA, (140) Adver_Timer, (145) Master.
            becomeMaster(step);
        } else {
            // (150) else: (155) Master_Adver_Interval = Advertisement_Interval, (160) Master_Down_Timer =
            // Master_Down_Interval, (165) Backup. startAsBackup (keepalived "state BACKUP") also lands here.
            step.state = step.state.withMasterAdverInterval(config.advertisementIntervalCentiseconds());
            step.arm(TimerKind.MASTER_DOWN, step.now + step.state.masterDownIntervalNanos());
            step.enter(VrrpState.BACKUP);
        }
    }

    // ---- Shutdown: (345) Backup, (655) Master, and keepalived's FAULT

    private static void shutdown(Step step) {
        switch (step.state.state()) {
            case INITIALIZE -> {
                // Not started: nothing to stop, nothing to notify.
            }
            case BACKUP -> {
                step.cancel(TimerKind.MASTER_DOWN); // (350)
                step.cancel(TimerKind.PREEMPT_DELAY);
                step.enter(VrrpState.INITIALIZE); // (355), notified as STOP
            }
            case MASTER -> {
                step.cancel(TimerKind.ADVER); // (660)
                step.sendAdvert(0); // (665) Priority = 0: Backups take over after Skew_Time (430)
                step.removeVips();
                step.enter(VrrpState.INITIALIZE); // (670), notified as STOP
            }
            case FAULT -> step.enter(VrrpState.INITIALIZE);
        }
    }

    // ---- ADVERTISEMENT received: (420) Backup, (700) Master

    private static void advertReceived(Step step, VrrpEvent.AdvertReceived advert) {
        InstanceState state = step.state;
        if (state.state() != VrrpState.BACKUP && state.state() != VrrpState.MASTER) {
            return; // Initialize and FAULT do not take part in the election.
        }
        if (advert.sentFrom(state.config().primaryAddressUnsafe())) {
            return; // Our own advert looped back: never an election input (see class comment).
        }
        if (state.state() == VrrpState.BACKUP) {
            backupAdvertReceived(step, advert);
        } else {
            masterAdvertReceived(step, advert);
        }
    }

    private static void backupAdvertReceived(Step step, VrrpEvent.AdvertReceived advert) {
        InstanceState state = step.state;
        InstanceConfig config = state.config();
        if (advert.priority() == 0) {
            // (425) Priority zero: (430) Master_Down_Timer = Skew_Time.
            step.arm(TimerKind.MASTER_DOWN, step.now + state.skewTimeNanos());
            return;
        }
        boolean preempting = config.preempt() || config.isOwner(); // §6.1: the owner always preempts
        boolean higherOrEqual = advert.priority() >= state.priority();
        if (!preempting || higherOrEqual) {
            // (445) Preempt_Mode False or advert Priority >= local: (450)–(460).
            if (higherOrEqual) {
                step.cancel(TimerKind.PREEMPT_DELAY); // the Master outranks us: nothing to preempt
            }
            acceptMaster(step, advert);
            return;
        }
        if (config.preemptDelayNanos() == 0) {
            // (465)/(470) Preempting a lower-priority Master: discard. The Master_Down_Timer is not reset, so
            // it fires and this Backup takes over (365).
            return;
        }
        // preempt_delay: without it this Backup would take over when the Master_Down_Timer it holds now
        // fires (470 discards the advert). Take over preemptDelay after that instant instead, and keep
        // following this Master until then (keepalived.conf(5): the delay never speeds up a takeover).
        long wouldTakeOverAt =
                step.state.isArmed(TimerKind.MASTER_DOWN) ? step.state.masterDownDeadline() : step.now;
        acceptMaster(step, advert);
        if (!step.state.isArmed(TimerKind.PREEMPT_DELAY)) {
            step.arm(TimerKind.PREEMPT_DELAY, wouldTakeOverAt + config.preemptDelayNanos());
        }
    }

    /** (450) learn the Master's interval (v3 only), (455) recompute, (460) reset the Master_Down_Timer. */
    private static void acceptMaster(Step step, VrrpEvent.AdvertReceived advert) {
        step.state = step.state.withMasterAdverInterval(learnedInterval(step.state, advert));
        step.arm(TimerKind.MASTER_DOWN, step.now + step.state.masterDownIntervalNanos());
    }

    /**
     * (450)/(745) Master_Adver_Interval from the advert for VRRPv3 (RFC 9568 §6.1). VRRPv2 has no such rule
     * (RFC 3768 §6.4.2): the interval is the configured one, and the codec already dropped v2 adverts with
     * another interval (RFC 3768 §7.1).
     */
    private static int learnedInterval(InstanceState state, VrrpEvent.AdvertReceived advert) {
        return state.config().version() == VrrpVersion.V3
                ? advert.maxAdverIntervalCentiseconds()
                : state.config().advertisementIntervalCentiseconds();
    }

    private static void masterAdvertReceived(Step step, VrrpEvent.AdvertReceived advert) {
        InstanceState state = step.state;
        if (advert.priority() == 0) {
            // (705) Priority zero: (710) send an advert, (715) reset the Adver_Timer.
            step.sendAdvert(state.priority());
            step.arm(TimerKind.ADVER, step.now + state.config().advertisementIntervalNanos());
            return;
        }
        boolean yields = advert.priority() > state.priority() // (725)
                || (advert.priority() == state.priority() // (735) tie: higher primary address wins,
                        && advert.compareSenderTo(state.config().primaryAddressUnsafe()) > 0); // unsigned
        if (yields) {
            step.cancel(TimerKind.ADVER); // (740)
            step.removeVips(); // leaving Master: a Backup must not answer for the VIPs (310, 320)
            // (745) Master_Adver_Interval from the advert, (750) Skew_Time, (755) Master_Down_Interval.
            step.state = step.state.withMasterAdverInterval(learnedInterval(state, advert));
            step.arm(TimerKind.MASTER_DOWN, step.now + step.state.masterDownIntervalNanos()); // (760)
            step.enter(VrrpState.BACKUP); // (765)
        } else {
            // (770)/(775) Discard, and (RFC 9568; keepalived default) reassert at once with an advert.
            step.sendAdvert(state.priority());
            step.arm(TimerKind.ADVER, step.now + state.config().advertisementIntervalNanos());
        }
    }

    // ---- Timers: (365) Master_Down_Timer, (680) Adver_Timer, preempt delay

    private static void masterDownTimerFired(Step step) {
        if (step.state.state() != VrrpState.BACKUP || !step.due(TimerKind.MASTER_DOWN)) {
            return; // stale
        }
        step.fired(TimerKind.MASTER_DOWN);
        step.cancel(TimerKind.PREEMPT_DELAY);
        // (370) advert, (380)/(390–395) GARP / NA, (405) Adver_Timer = Advertisement_Interval, (410) Master.
        becomeMaster(step);
    }

    private static void adverTimerFired(Step step) {
        if (step.state.state() != VrrpState.MASTER || !step.due(TimerKind.ADVER)) {
            return; // stale
        }
        step.sendAdvert(step.state.priority()); // (685)
        step.arm(TimerKind.ADVER, step.now + step.state.config().advertisementIntervalNanos()); // (690)
    }

    private static void preemptDelayTimerFired(Step step) {
        if (step.state.state() != VrrpState.BACKUP || !step.due(TimerKind.PREEMPT_DELAY)) {
            return; // stale
        }
        step.fired(TimerKind.PREEMPT_DELAY);
        step.cancel(TimerKind.MASTER_DOWN);
        becomeMaster(step);
    }

    /** Entering Master: (110)/(370) advert, (120)/(380) GARP, (140)/(405) Adver_Timer, (145)/(410) Master. */
    private static void becomeMaster(Step step) {
        step.actions.add(VrrpAction.INSTALL_VIPS);
        step.sendAdvert(step.state.priority());
        step.actions.add(VrrpAction.SEND_ANNOUNCEMENTS);
        step.arm(TimerKind.ADVER, step.now + step.state.config().advertisementIntervalNanos());
        step.enter(VrrpState.MASTER);
    }

    // ---- Priority and faults (keepalived tracking)

    private static void priorityChanged(Step step, int requested) {
        int priority = admissiblePriority(step.state, requested);
        if (priority == step.state.priority()) {
            return;
        }
        step.state = step.state.withPriority(priority);
        if (step.state.state() == VrrpState.MASTER) {
            step.sendAdvert(priority); // tell the Backups at once (see class comment)
            step.arm(TimerKind.ADVER, step.now + step.state.config().advertisementIntervalNanos());
        }
        // Backup: the new priority takes effect with the next advert ((445), Skew_Time in (455)).
    }

    /** The owner keeps 255; tracking never lifts a non-owner to 255 (keepalived.conf(5), "priority"). */
    private static int admissiblePriority(InstanceState state, int requested) {
        if (state.config().isOwner()) {
            return InstanceConfig.OWNER_PRIORITY;
        }
        return Math.min(requested, EffectivePriority.MAX_NON_OWNER);
    }

    private static void checksChanged(Step step, int priority, boolean fault) {
        boolean faultChanges = step.state.faults().contains(FaultReason.CHECKS) != fault;
        if (!faultChanges) {
            priorityChanged(step, priority);
            return;
        }
        // The fault decides the state; the new priority is what the instance carries into it.
        step.state = step.state.withPriority(admissiblePriority(step.state, priority));
        if (fault) {
            faultRaised(step, FaultReason.CHECKS);
        } else {
            faultCleared(step, FaultReason.CHECKS);
        }
    }

    private static void faultRaised(Step step, FaultReason reason) {
        step.state = step.state.withFault(reason, true);
        switch (step.state.state()) {
            case INITIALIZE, FAULT -> {
                // Recorded: Startup goes to FAULT, and FAULT stays until every reason clears.
            }
            case BACKUP -> {
                step.cancel(TimerKind.MASTER_DOWN);
                step.cancel(TimerKind.PREEMPT_DELAY);
                step.enter(VrrpState.FAULT);
            }
            case MASTER -> {
                step.cancel(TimerKind.ADVER);
                step.sendAdvert(0); // as (665): let a Backup take over after Skew_Time
                step.removeVips();
                step.enter(VrrpState.FAULT);
            }
        }
    }

    private static void faultCleared(Step step, FaultReason reason) {
        step.state = step.state.withFault(reason, false);
        if (step.state.state() == VrrpState.FAULT && !step.state.isFaulty()) {
            enterFromInitializeOrFault(step); // healthy again: Backup, or Master for an owner
        }
    }

    // ---- Sync groups

    private static void syncGroupRequest(Step step, VrrpState target) {
        VrrpState current = step.state.state();
        if (target == VrrpState.MASTER && current == VrrpState.BACKUP) {
            step.cancel(TimerKind.MASTER_DOWN);
            step.cancel(TimerKind.PREEMPT_DELAY);
            becomeMaster(step);
        } else if (target == VrrpState.BACKUP && current == VrrpState.MASTER) {
            step.cancel(TimerKind.ADVER);
            step.removeVips();
            step.state = step.state.withMasterAdverInterval(
                    step.state.config().advertisementIntervalCentiseconds());
            step.arm(TimerKind.MASTER_DOWN, step.now + step.state.masterDownIntervalNanos());
            step.enter(VrrpState.BACKUP);
        }
        // Otherwise already there, or FAULT / INITIALIZE, which a sync group request does not override.
    }

    /** The step being built: local, mutable, never escapes. */
    private static final class Step {
        private final long now;
        private final List<VrrpAction> actions = new ArrayList<>(6);
        private InstanceState state;

        Step(InstanceState state, long now) {
            this.state = state;
            this.now = now;
        }

        void arm(TimerKind kind, long deadline) {
            state = state.withDeadline(kind, deadline);
            actions.add(new VrrpAction.ArmTimer(kind, deadline));
        }

        /** Cancels an armed timer; a timer that is not armed needs no action. */
        void cancel(TimerKind kind) {
            if (state.isArmed(kind)) {
                state = state.withDeadline(kind, InstanceState.NOT_ARMED);
                actions.add(new VrrpAction.CancelTimer(kind));
            }
        }

        /** A timer that fired is no longer armed; the runtime already knows, so no action. */
        void fired(TimerKind kind) {
            state = state.withDeadline(kind, InstanceState.NOT_ARMED);
        }

        /** True when the timer is armed and its deadline has come (wrap-safe compare, as System.nanoTime). */
        boolean due(TimerKind kind) {
            return state.isArmed(kind) && now - state.deadline(kind) >= 0;
        }

        void sendAdvert(int priority) {
            actions.add(new VrrpAction.SendAdvert(priority, state.config().advertisementIntervalCentiseconds()));
        }

        void removeVips() {
            actions.add(VrrpAction.REMOVE_VIPS);
        }

        /** Changes state, counts the transition and notifies (Shutdown's INITIALIZE is notified as STOP). */
        void enter(VrrpState newState) {
            if (newState == state.state()) {
                return;
            }
            state = state.withState(newState);
            actions.add(new VrrpAction.Notify(NotifyState.of(newState), state.priority()));
        }

        StepResult result() {
            return new StepResult(state, actions);
        }
    }
}
