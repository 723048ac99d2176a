package io.vipkeeper.agent.config;

import io.vipkeeper.agent.vrrp.wire.AddressFamily;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A virtual address with its prefix length, as written in CIDR notation ({@code 10.99.0.100/24}). The prefix is
 * what the address is installed with on the interface; host bits are of course allowed.
 *
 * @param address an IPv4 or IPv6 address (no scope id)
 * @param prefixLength 0..32 for IPv4, 0..128 for IPv6
 */
public record VipAddress(InetAddress address, int prefixLength) {

    public VipAddress {
        Objects.requireNonNull(address, "address");
        int max = AddressFamily.of(address).addressLength() * 8;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is not in 0.." + max);
        }
    }

    /**
     * Parses CIDR text from code (tests, the runtime); configuration files go through {@link AgentConfigLoader},
     * which reports a typed problem instead.
     *
     * @throws IllegalArgumentException when the text is not an address literal with a prefix length
     */
    public static VipAddress parse(String cidr) {
        return switch (AddressLiterals.parseCidr(cidr)) {
            case AddressLiterals.Parsed.Ok<VipAddress>(VipAddress vip) -> vip;
            case AddressLiterals.Parsed.Invalid<VipAddress>(String reason) ->
                    throw new IllegalArgumentException("'" + cidr + "': " + reason);
        };
    }

    /** The address family of the address. */
    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    /** CIDR text, IPv6 in the RFC 5952 canonical form: {@code 10.0.0.1/24}, {@code fd00:199::10/128}. */
    @Override
    public String toString() {
        return AddressLiterals.format(address) + "/" + prefixLength;
    }
}
