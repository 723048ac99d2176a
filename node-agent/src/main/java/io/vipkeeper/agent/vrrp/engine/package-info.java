/**
 * The VRRP state machine as pure code: RFC 9568 §6 (VRRPv3) and RFC 3768 §6 (VRRPv2), plus the keepalived
 * controls that users of keepalived expect (nopreempt, preempt_delay, state BACKUP, FAULT, sync groups).
 *
 * <p>Nothing here opens a socket, reads a clock, starts a thread or sleeps. The caller owns time: it passes
 * "now" as monotonic nanoseconds ({@code System.nanoTime()} in the agent, a virtual clock in tests) and gets
 * back absolute deadlines as data.
 *
 * <ul>
 *   <li>{@link io.vipkeeper.agent.vrrp.engine.VrrpStateMachine#step} — {@code (instance, event, now) →
 *       (instance', actions)}.</li>
 *   <li>{@link io.vipkeeper.agent.vrrp.engine.VrrpTimers} — every timer formula (Skew_Time,
 *       Master_Down_Interval), in one place.</li>
 *   <li>{@link io.vipkeeper.agent.vrrp.engine.EffectivePriority} — base priority plus tracked-check weights.</li>
 *   <li>{@link io.vipkeeper.agent.vrrp.engine.SyncGroup} — keepalived's {@code vrrp_sync_group}.</li>
 * </ul>
 *
 * <p>Terminology: RFC 9568 renamed Master to "Active Router" (Master_Down_Timer → Active_Down_Timer,
 * Master_Adver_Interval → Active_Adver_Interval). This package keeps the RFC 5798 / keepalived names, which
 * are what operators see in keepalived's notify argv and logs. The line labels such as (365) are those printed
 * in RFC 5798 §6.4; RFC 9568 §6.4 keeps the same steps in the same order (without printing the labels), and
 * where its text differs — (455) also recomputes Skew_Time; (775) discards AND sends an advert at once "to
 * assert the {Active} state" — the code follows RFC 9568 and says so.
 */
package io.vipkeeper.agent.vrrp.engine;
