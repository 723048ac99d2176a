package io.vipkeeper.agent.vrrp.engine;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one {@link VrrpStateMachine#step}: the instance after the event and the actions to perform,
 * in order.
 */
public record StepResult(InstanceState instance, List<VrrpAction> actions) {
    public StepResult {
        Objects.requireNonNull(instance, "instance");
        actions = List.copyOf(actions);
    }

    /** True when the step changed the instance's state (MASTER, BACKUP, FAULT, INITIALIZE). */
    public boolean stateChangedFrom(InstanceState before) {
        return before.state() != instance.state();
    }
}
