package io.vipkeeper.api.v1alpha1;

/** One-word summary of a VirtualIP, shown by {@code kubectl get vip}. */
public enum VirtualIPPhase {
    /** Exactly one node is MASTER and holds the addresses. */
    Ready,
    /** Valid and placed, but no node reports MASTER. */
    NoMaster,
    /** Two or more nodes report MASTER at once. */
    SplitBrain,
    /** The spec breaks a rule of its pool (see the Valid condition for why). */
    Invalid,
    /** Accepted; not yet reported by the node agents. */
    Pending
}
