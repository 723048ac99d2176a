package io.vipkeeper.agent.notify;

/**
 * The state names notify hooks receive, spelled as keepalived passes them to a {@code notify} script (always
 * upper case). STOP is sent when the agent stops an instance.
 */
public enum NotifyState {
    MASTER,
    BACKUP,
    FAULT,
    STOP
}
