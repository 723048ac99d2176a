package io.vipkeeper.agent.notify;

/** keepalived's first notify argument: a single VRRP instance or a sync group. */
public enum NotifyScope {
    INSTANCE,
    GROUP
}
