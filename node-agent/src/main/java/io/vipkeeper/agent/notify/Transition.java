package io.vipkeeper.agent.notify;

import io.vipkeeper.agent.vrrp.engine.NotifyState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One state change of a VRRP instance (or group), with everything hooks are told about it.
 *
 * @param scope INSTANCE or GROUP
 * @param name the instance (or group) name; hooks of one name run in the order of its transitions
 * @param node the node this agent runs on
 * @param oldState the state before, or null for the first state after start
 * @param newState the state entered
 * @param priority the instance's (effective) priority at the transition
 * @param addresses the virtual addresses, as text (e.g. {@code 192.168.1.1/32})
 * @param interfaceName the interface the addresses live on
 * @param at when the transition happened
 */
public record Transition(NotifyScope scope, String name, String node, NotifyState oldState, NotifyState newState,
        int priority, List<String> addresses, String interfaceName, Instant at) {
    public Transition {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(newState, "newState");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(at, "at");
        addresses = List.copyOf(addresses);
    }
}
