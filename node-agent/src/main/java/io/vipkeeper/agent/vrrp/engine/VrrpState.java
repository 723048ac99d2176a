package io.vipkeeper.agent.vrrp.engine;

/**
 * The state of one VRRP instance.
 *
 * <p>{@link #INITIALIZE}, {@link #BACKUP} and {@link #MASTER} are RFC 9568 §6.3 (RFC 3768 §6.3).
 * {@link #FAULT} is keepalived's: the instance cannot serve (a tracked check with weight 0 failed, the link is
 * down); it holds no VIPs, sends no adverts and runs no timers until every fault reason is cleared.
 */
public enum VrrpState {
    /** Not started, or shut down (RFC 9568 §6.4.1). */
    INITIALIZE,
    /** Monitoring the Master (RFC 9568 §6.4.2). */
    BACKUP,
    /** Forwarding for the virtual router, holding the VIPs (RFC 9568 §6.4.3). */
    MASTER,
    /** keepalived's FAULT: unhealthy, no VIPs, silent. */
    FAULT
}
