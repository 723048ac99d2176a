package io.vipkeeper.agent.vrrp.engine;

/** The timers an instance runs; each kind has at most one absolute deadline at a time. */
public enum TimerKind {
    /** Adver_Timer: a Master sends its next advert when it fires (RFC 9568 §6.2). */
    ADVER,
    /** Master_Down_Timer (RFC 9568: Active_Down_Timer): a Backup takes over when it fires (RFC 9568 §6.2). */
    MASTER_DOWN,
    /** keepalived's preempt_delay: a Backup that could preempt a lower-priority Master waits for this one. */
    PREEMPT_DELAY
}
