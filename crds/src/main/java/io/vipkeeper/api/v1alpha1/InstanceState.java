package io.vipkeeper.api.v1alpha1;

/**
 * State of one VRRP instance on one node, in keepalived's words (RFC 9568 section 6.4 calls MASTER "Active").
 */
public enum InstanceState {
    /** Initialize: not yet running (RFC 9568 section 6.4.1). */
    INIT,
    /** Backup: watching the MASTER's advertisements (RFC 9568 section 6.4.2). */
    BACKUP,
    /** Active: holds the addresses and advertises (RFC 9568 section 6.4.3). */
    MASTER,
    /** A check with weight 0 fails or the interface is down: the node takes no part. */
    FAULT,
    /** The instance was stopped (after sending a priority-0 advertisement if it was MASTER). */
    STOP
}
