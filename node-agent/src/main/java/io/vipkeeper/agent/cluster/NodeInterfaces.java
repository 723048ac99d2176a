package io.vipkeeper.agent.cluster;

import io.vipkeeper.agent.config.VipAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * This node's interfaces as the mapper needs them: interface name → the addresses it holds, each with its prefix
 * length. A plain value, read from the host by the caller, so that {@link NodeSpecMapper} stays pure.
 *
 * @param addressesByInterface interface name → its addresses (possibly none); iterated in name order
 */
public record NodeInterfaces(Map<String, List<VipAddress>> addressesByInterface) {

    public NodeInterfaces {
        TreeMap<String, List<VipAddress>> copy = new TreeMap<>();
        addressesByInterface.forEach((name, addresses) -> copy.put(name, List.copyOf(addresses)));
        addressesByInterface = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** True when an interface of this name exists on the node. */
    public boolean has(String name) {
        return addressesByInterface.containsKey(name);
    }

    /**
     * The first interface, in name order, that holds an address inside {@code network} (same family, the first
     * {@code network.prefixLength()} bits equal).
     */
    public Optional<String> holding(VipAddress network) {
        for (Map.Entry<String, List<VipAddress>> entry : addressesByInterface.entrySet()) {
            for (VipAddress address : entry.getValue()) {
                if (inside(address, network)) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.empty();
    }

    static boolean inside(VipAddress address, VipAddress network) {
        byte[] a = address.address().getAddress();
        byte[] n = network.address().getAddress();
        if (a.length != n.length) {
            return false;
        }
        int bits = network.prefixLength();
        for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
            int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
            if ((a[i] & mask) != (n[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
