/**
 * Notify hooks run after every VRRP state transition: keepalived-compatible {@code exec} scripts and JSON
 * webhooks.
 *
 * <ul>
 *   <li>{@link io.vipkeeper.agent.notify.KeepalivedNotifyArgv}: the one place the argv
 *       ({@code COMMAND… INSTANCE|GROUP NAME STATE PRIORITY}) and the {@code VIPKEEPER_*} environment are
 *       built.</li>
 *   <li>{@link io.vipkeeper.agent.notify.WebhookPayload}: the JSON document.</li>
 *   <li>{@link io.vipkeeper.agent.notify.TransitionNotifier}: {@code notify(transition)} returns at once; each
 *       (instance, hook) pair has a bounded serial queue that drops the oldest waiting transition when full.</li>
 *   <li>{@link io.vipkeeper.agent.notify.ExecNotifyHook}, {@link io.vipkeeper.agent.notify.WebhookHook}: the two
 *       kinds; {@link io.vipkeeper.agent.notify.NotifyCounters} counts what an operator wants to see.</li>
 * </ul>
 */
package io.vipkeeper.agent.notify;
