/**
 * Running scripts safely, shared by exec checks and exec notify hooks (DESIGN §5).
 *
 * <ul>
 *   <li>{@link io.vipkeeper.agent.check.exec.ScriptResolver}: a command must resolve inside the script
 *       directory (no {@code ..}, no absolute path elsewhere, no symbolic link out).</li>
 *   <li>{@link io.vipkeeper.agent.check.exec.ScriptSecurity}: keepalived's {@code enable_script_security} rule,
 *       always on, for scripts that run as root.</li>
 *   <li>{@link io.vipkeeper.agent.check.exec.ScriptRunner}: starts through util-linux {@code setsid} (own process
 *       group, pid == pgid) and {@code setpriv} (drop to the script user, {@code nobody} by default), enforces the
 *       timeout with SIGTERM then SIGKILL to the whole group ({@link io.vipkeeper.agent.check.exec.ProcessGroups},
 *       a {@code java.lang.foreign} call to libc {@code kill}).</li>
 *   <li>{@link io.vipkeeper.agent.check.exec.TaskScheduler}: timers behind an interface, for tests on a manual
 *       clock.</li>
 * </ul>
 */
package io.vipkeeper.agent.check.exec;
