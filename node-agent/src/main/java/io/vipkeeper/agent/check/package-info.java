/**
 * Health checks with keepalived's {@code vrrp_script} semantics, plus HTTP and TCP checks.
 *
 * <ul>
 *   <li>{@link io.vipkeeper.agent.check.CheckDefinition}: what to run and keepalived's interval, timeout, fall,
 *       rise, weight and init_fail (defaults: interval 1 s, timeout = interval, fall 1, rise 1, weight 0).</li>
 *   <li>{@link io.vipkeeper.agent.check.CheckStatusTracker}: the pure rise/fall hysteresis.</li>
 *   <li>{@link io.vipkeeper.agent.check.CheckScheduler}: runs checks every interval off the VRRP thread, never
 *       overlapping runs of one check, and reports {@link io.vipkeeper.agent.check.CheckStatusChange}s.</li>
 *   <li>{@link io.vipkeeper.agent.check.ExecCheck}, {@link io.vipkeeper.agent.check.HttpCheck},
 *       {@link io.vipkeeper.agent.check.TcpCheck}: the probes; HTTP and TCP share one
 *       {@link io.vipkeeper.agent.check.CheckEventLoop} thread; scripts run through
 *       {@link io.vipkeeper.agent.check.exec.ScriptRunner}.</li>
 * </ul>
 * The priority arithmetic that uses a check's status and weight lives with the VRRP engine, not here.
 */
package io.vipkeeper.agent.check;
