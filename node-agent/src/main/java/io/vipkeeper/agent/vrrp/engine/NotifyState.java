package io.vipkeeper.agent.vrrp.engine;

/**
 * The state named in a {@link VrrpAction.Notify}: keepalived's notify contract
 * ({@code INSTANCE|GROUP NAME MASTER|BACKUP|FAULT|STOP PRIORITY}). {@link #STOP} is sent on Shutdown from any
 * started state; entering {@link VrrpState#INITIALIZE} is never notified otherwise.
 */
public enum NotifyState {
    MASTER,
    BACKUP,
    FAULT,
    STOP;

    /** The word keepalived passes as the third argument of a notify script. */
    public String argvWord() {
        return name();
    }

    /** The notify state for entering a started state. */
    static NotifyState of(VrrpState state) {
        return switch (state) {
            case MASTER -> MASTER;
            case BACKUP -> BACKUP;
            case FAULT -> FAULT;
            case INITIALIZE -> STOP;
        };
    }
}
