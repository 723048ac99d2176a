package io.vipkeeper.agent.vrrp.engine;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Something that happened to one VRRP instance, fed to {@link VrrpStateMachine#step}. Events carry only what
 * the state machine decides on; packet details stay in the codec ({@code io.vipkeeper.agent.vrrp.wire}).
 */
public sealed interface VrrpEvent {

    /** The Startup event (RFC 9568 §6.4.1 (100)). */
    Startup STARTUP = new Startup();
    /** The Shutdown event (RFC 9568 §6.4.2 (345), §6.4.3 (655)). */
    Shutdown SHUTDOWN = new Shutdown();
    /** The Master_Down_Timer fired (RFC 9568 §6.4.2 (365)). */
    MasterDownTimerFired MASTER_DOWN_TIMER_FIRED = new MasterDownTimerFired();
    /** The Adver_Timer fired (RFC 9568 §6.4.3 (680)). */
    AdverTimerFired ADVER_TIMER_FIRED = new AdverTimerFired();
    /** The preempt-delay timer fired. */
    PreemptDelayTimerFired PREEMPT_DELAY_TIMER_FIRED = new PreemptDelayTimerFired();

    /** Start the instance (RFC 9568 §6.4.1 (100)). */
    record Startup() implements VrrpEvent {}

    /** Stop the instance (RFC 9568 §6.4.2 (345), §6.4.3 (655)); notifies STOP as keepalived does. */
    record Shutdown() implements VrrpEvent {}

    /**
     * A valid ADVERTISEMENT for this virtual router arrived: the codec already applied every RFC 9568 §7.1
     * (RFC 3768 §7.1) check, including the v2 interval-mismatch drop.
     *
     * @param priority the advert's Priority, 0..255 (0: the Master is leaving)
     * @param maxAdverIntervalCentiseconds the advertised interval in centiseconds (v3: Max Adver Int; v2: Adver
     *     Int × 100), 1..25500
     * @param senderPrimaryAddress the source address of the IP packet (the sender's primary IPvX address), in
     *     network byte order; copied
     */
    record AdvertReceived(int priority, int maxAdverIntervalCentiseconds, byte[] senderPrimaryAddress)
            implements VrrpEvent {
        public AdvertReceived {
            if (priority < 0 || priority > 255) {
                throw new IllegalArgumentException("priority " + priority + " outside 0..255");
            }
            if (maxAdverIntervalCentiseconds < 1) {
                throw new IllegalArgumentException("interval " + maxAdverIntervalCentiseconds + " cs < 1");
            }
            senderPrimaryAddress = Objects.requireNonNull(senderPrimaryAddress, "senderPrimaryAddress").clone();
        }

        /** A copy of the sender's address. */
        @Override
        public byte[] senderPrimaryAddress() {
            return senderPrimaryAddress.clone();
        }

        /** True when the sender is this address (our own advert looped back). */
        boolean sentFrom(byte[] address) {
            return Arrays.equals(senderPrimaryAddress, address);
        }

        /** RFC 9568 §6.4.3 (735): unsigned compare of the sender's and the local address, network byte order. */
        int compareSenderTo(byte[] localPrimaryAddress) {
            return Arrays.compareUnsigned(senderPrimaryAddress, localPrimaryAddress);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AdvertReceived that
                    && priority == that.priority
                    && maxAdverIntervalCentiseconds == that.maxAdverIntervalCentiseconds
                    && Arrays.equals(senderPrimaryAddress, that.senderPrimaryAddress);
        }

        @Override
        public int hashCode() {
            return Objects.hash(priority, maxAdverIntervalCentiseconds, Arrays.hashCode(senderPrimaryAddress));
        }

        @Override
        public String toString() {
            return "AdvertReceived[priority=" + priority + ", interval=" + maxAdverIntervalCentiseconds
                    + "cs, from=" + HexFormat.of().formatHex(senderPrimaryAddress) + "]";
        }
    }

    /** The Master_Down_Timer reached its deadline (RFC 9568 §6.4.2 (365)). */
    record MasterDownTimerFired() implements VrrpEvent {}

    /** The Adver_Timer reached its deadline (RFC 9568 §6.4.3 (680)). */
    record AdverTimerFired() implements VrrpEvent {}

    /** The preempt-delay timer reached its deadline (keepalived {@code preempt_delay}). */
    record PreemptDelayTimerFired() implements VrrpEvent {}

    /**
     * The effective priority changed (tracked checks' weights, see {@link EffectivePriority}, or a new
     * configured priority). Ignored for the address owner, whose priority is always 255.
     *
     * @param priority the new effective priority, 1..255
     */
    record PriorityChanged(int priority) implements VrrpEvent {
        public PriorityChanged {
            if (priority < 1 || priority > 255) {
                throw new IllegalArgumentException("priority " + priority + " outside 1..255");
            }
        }
    }

    /**
     * The tracked checks changed: a new effective priority and whether a weight-0 check is KO, as computed by
     * {@link EffectivePriority#compute}. Equivalent to {@link PriorityChanged} plus raising or clearing
     * {@link FaultReason#CHECKS}, applied as one step (so one notify, not two).
     */
    record ChecksChanged(int priority, boolean fault) implements VrrpEvent {
        public ChecksChanged {
            if (priority < 1 || priority > 255) {
                throw new IllegalArgumentException("priority " + priority + " outside 1..255");
            }
        }

        /** The event for a result of {@link EffectivePriority#compute}. */
        public static ChecksChanged of(EffectivePriority.Result result) {
            return new ChecksChanged(result.priority(), result.fault());
        }
    }

    /** A fault reason appeared (keepalived FAULT). Reasons stack; raising a present reason changes nothing. */
    record FaultRaised(FaultReason reason) implements VrrpEvent {
        public FaultRaised {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A fault reason went away; the instance leaves FAULT when no reason is left. */
    record FaultCleared(FaultReason reason) implements VrrpEvent {
        public FaultCleared {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Emitted only by {@link SyncGroup}: another member of this instance's sync group became {@code target}
     * ({@link VrrpState#MASTER} or {@link VrrpState#BACKUP}), so this instance follows. A FAULT or INITIALIZE
     * instance ignores it. Transitions caused by this event are never propagated again (see {@link SyncGroup}).
     */
    record SyncGroupRequest(VrrpState target) implements VrrpEvent {
        public SyncGroupRequest {
            if (target != VrrpState.MASTER && target != VrrpState.BACKUP) {
                throw new IllegalArgumentException("a sync group requests MASTER or BACKUP, not " + target);
            }
        }
    }
}
