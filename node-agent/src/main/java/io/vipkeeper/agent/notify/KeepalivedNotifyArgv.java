package io.vipkeeper.agent.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that builds what a notify script receives, so existing keepalived scripts run unchanged.
 *
 * <p>keepalived.conf(5) ({@code notify} in {@code vrrp_instance}/{@code vrrp_sync_group}): the script is run with
 * its configured arguments followed by four more — {@code "GROUP"|"INSTANCE"}, the name, the target state
 * ({@code MASTER|BACKUP|FAULT|STOP}, upper case) and the priority. With no configured arguments they are
 * {@code $1..$4}.
 *
 * <p>The same facts, plus what keepalived does not pass, are in the environment:
 * <ul>
 *   <li>{@code VIPKEEPER_SCOPE} — INSTANCE or GROUP</li>
 *   <li>{@code VIPKEEPER_NAME} — instance (or group) name</li>
 *   <li>{@code VIPKEEPER_STATE} — new state; {@code VIPKEEPER_OLD_STATE} — previous state, empty for the first</li>
 *   <li>{@code VIPKEEPER_PRIORITY} — priority</li>
 *   <li>{@code VIPKEEPER_NODE} — node name</li>
 *   <li>{@code VIPKEEPER_ADDRESSES} — virtual addresses separated by single spaces</li>
 *   <li>{@code VIPKEEPER_INTERFACE} — interface name</li>
 *   <li>{@code VIPKEEPER_TIME} — time of the transition, ISO-8601 UTC</li>
 * </ul>
 */
public final class KeepalivedNotifyArgv {
    private KeepalivedNotifyArgv() {}

    /** {@code command… SCOPE NAME STATE PRIORITY}. */
    public static List<String> argv(List<String> command, Transition transition) {
        List<String> argv = new ArrayList<>(command);
        argv.add(transition.scope().name());
        argv.add(transition.name());
        argv.add(transition.newState().name());
        argv.add(Integer.toString(transition.priority()));
        return List.copyOf(argv);
    }

    /** The {@code VIPKEEPER_*} variables, in a stable order. */
    public static Map<String, String> environment(Transition transition) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("VIPKEEPER_SCOPE", transition.scope().name());
        env.put("VIPKEEPER_NAME", transition.name());
        env.put("VIPKEEPER_STATE", transition.newState().name());
        env.put("VIPKEEPER_OLD_STATE", transition.oldState() == null ? "" : transition.oldState().name());
        env.put("VIPKEEPER_PRIORITY", Integer.toString(transition.priority()));
        env.put("VIPKEEPER_NODE", transition.node());
        env.put("VIPKEEPER_ADDRESSES", String.join(" ", transition.addresses()));
        env.put("VIPKEEPER_INTERFACE", transition.interfaceName());
        env.put("VIPKEEPER_TIME", transition.at().toString());
        return env;
    }
}
