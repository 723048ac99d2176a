package io.vipkeeper.agent.vrrp.wire;

import java.util.Collection;

/**
 * Finds the local instance's receive profile for a VRID on the interface and address family a packet arrived on.
 * One lookup per (interface, family) socket; called once per received packet, so it should be a plain array read
 * ({@link #of} builds one).
 */
@FunctionalInterface
public interface ReceiveProfileLookup {

    /** The profile for this VRID (0..255), or {@code null} when no instance uses it here. */
    ReceiveProfile profileFor(int virtualRouterId);

    /**
     * An immutable array-backed lookup over these profiles; a later profile with the same VRID replaces an
     * earlier one.
     */
    static ReceiveProfileLookup of(Collection<ReceiveProfile> profiles) {
        ReceiveProfile[] table = new ReceiveProfile[256];
        for (ReceiveProfile p : profiles) {
            table[p.virtualRouterId()] = p;
        }
        return vrid -> vrid >= 0 && vrid < 256 ? table[vrid] : null;
    }
}
