package io.vipkeeper.agent.check;

/**
 * Receives status changes. Called on a scheduler thread, never the VRRP thread; implementations should hand the
 * change over (for example enqueue it to the VRRP thread) and return quickly. Changes of one check arrive in order.
 */
@FunctionalInterface
public interface CheckStatusListener {
    void onStatusChange(CheckStatusChange change);
}
