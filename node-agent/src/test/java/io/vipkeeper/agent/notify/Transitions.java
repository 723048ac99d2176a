package io.vipkeeper.agent.notify;

import io.vipkeeper.agent.vrrp.engine.NotifyState;
import java.time.Instant;
import java.util.List;

/** Sample transitions for tests. */
final class Transitions {
    private Transitions() {}

    static Transition of(String name, NotifyState from, NotifyState to, int priority) {
        return new Transition(NotifyScope.INSTANCE, name, "node-1", from, to, priority,
                List.of("192.168.1.1/32", "fd00:199::1/128"), "eth0", Instant.parse("2026-11-25T18:00:00.250Z"));
    }
}
