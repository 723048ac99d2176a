package io.vipkeeper.operator.core;

import java.util.List;

/**
 * What a valid VirtualIP holds in its pool: given in its spec, kept from its status, or allocated.
 *
 * @param virtualRouterId the VRID, unique within the pool
 * @param addresses       the floating addresses in CIDR notation, all of one family, each used by no other
 *                        VirtualIP
 */
public record Allocation(int virtualRouterId, List<String> addresses) {

    /** Copies the list. */
    public Allocation {
        addresses = List.copyOf(addresses);
    }
}
