package io.vipkeeper.agent.runtime;

import io.vipkeeper.agent.config.InstanceSettings;
import io.vipkeeper.agent.vrrp.engine.NotifyState;

/**
 * Told of every state transition of every instance, on the agent loop's thread: implementations must return
 * at once (queue the work), so that no hook can ever delay an advert or a failover. {@code from} is null for an
 * instance's first transition after it started.
 */
@FunctionalInterface
public interface TransitionListener {
    void onTransition(InstanceSettings instance, NotifyState from, NotifyState to, int priority);

    TransitionListener NONE = (instance, from, to, priority) -> {};
}
