package io.vipkeeper.agent.vrrp.engine;

import java.util.Objects;

/**
 * What the runtime must do after a {@link VrrpStateMachine#step}, as data, in order. The order is the RFC's
 * (for example RFC 9568 §6.4.1: advert (110), then gratuitous ARP / unsolicited NA (120/130), then the timer
 * (140), then the state (145)), with VIPs installed before they are announced.
 */
public sealed interface VrrpAction {

    /** Send gratuitous ARP (IPv4) or unsolicited NA (IPv6). */
    SendAnnouncements SEND_ANNOUNCEMENTS = new SendAnnouncements();
    /** Install the VIPs. */
    InstallVips INSTALL_VIPS = new InstallVips();
    /** Remove the VIPs. */
    RemoveVips REMOVE_VIPS = new RemoveVips();

    /**
     * Send one ADVERTISEMENT.
     *
     * @param priority the Priority field: the effective priority, or 0 when leaving Master (RFC 9568 §6.4.3
     *     (665))
     * @param intervalCentiseconds the interval to advertise: this router's own Advertisement_Interval (a v2
     *     encoder divides by 100)
     */
    record SendAdvert(int priority, int intervalCentiseconds) implements VrrpAction {}

    /**
     * For every VIP: IPv4, a gratuitous ARP carrying the virtual MAC (RFC 9568 §6.4.1 (120), §6.4.2 (380), with
     * errata 7947/7949); IPv6, join the Solicited-Node group (390) and send an unsolicited NA with R=1, S=0,
     * O=1 (130, 395).
     */
    record SendAnnouncements() implements VrrpAction {}

    /** Install the VIPs on the interface (entering Master). Idempotent on the runtime's side. */
    record InstallVips() implements VrrpAction {}

    /** Remove the VIPs from the interface (leaving Master). Idempotent on the runtime's side. */
    record RemoveVips() implements VrrpAction {}

    /** Arm (or re-arm) a timer to fire at an absolute monotonic deadline in nanoseconds. */
    record ArmTimer(TimerKind kind, long deadlineNanos) implements VrrpAction {
        public ArmTimer {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Cancel a timer. Cancelling a timer that is not armed is harmless. */
    record CancelTimer(TimerKind kind) implements VrrpAction {
        public CancelTimer {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * The instance changed state: run the notify hooks (keepalived argv {@code INSTANCE NAME STATE PRIORITY}).
     *
     * @param state the new state, or STOP on Shutdown
     * @param priority the effective priority after the transition
     */
    record Notify(NotifyState state, int priority) implements VrrpAction {
        public Notify {
            Objects.requireNonNull(state, "state");
        }
    }
}
