package io.vipkeeper.operator.core;

import io.vipkeeper.api.v1alpha1.Formats;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address with a prefix length, as the API writes it ({@code 192.168.1.1/32}, {@code fd00:199::/64}).
 *
 * <p>For a VirtualIP the address is the floating address and the prefix the netmask it is installed with (as
 * keepalived's virtual_ipaddress). For a pool the CIDR is a block of allowed addresses: {@link #first()} ..
 * {@link #last()}, host bits ignored.
 *
 * @param address the address as written
 * @param prefix  the prefix length, 0..32 or 0..128
 */
public record Cidr(IpAddress address, int prefix) {

    private static final Pattern TEXT = Pattern.compile(Formats.CIDR);

    /** Parses {@code address/prefix}; empty when the text is not a CIDR of {@link Formats#CIDR}. */
    public static Optional<Cidr> parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        Optional<IpAddress> address = IpAddress.parse(text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(text.substring(slash + 1));
        return prefix > address.get().bits() ? Optional.empty() : Optional.of(new Cidr(address.get(), prefix));
    }

    /** The host-route CIDR of one address: {@code /32} or {@code /128}. */
    public static Cidr hostRoute(IpAddress address) {
        return new Cidr(address, address.bits());
    }

    /** IPv6 (else IPv4). */
    public boolean v6() {
        return address.v6();
    }

    private BigInteger hostMask() {
        return BigInteger.ONE.shiftLeft(address.bits() - prefix).subtract(BigInteger.ONE);
    }

    /** The lowest address of the block. */
    public IpAddress first() {
        return new IpAddress(v6(), address.value().andNot(hostMask()));
    }

    /** The highest address of the block. */
    public IpAddress last() {
        return new IpAddress(v6(), address.value().or(hostMask()));
    }

    /** Addresses in the block: 2^(bits - prefix). */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(address.bits() - prefix);
    }

    /** The address lies in this block (same family). */
    public boolean contains(IpAddress ip) {
        return ip.v6() == v6() && ip.value().compareTo(first().value()) >= 0 && ip.value().compareTo(last().value()) <= 0;
    }

    /** The two blocks share at least one address. */
    public boolean overlaps(Cidr other) {
        return other.v6() == v6() && first().value().compareTo(other.last().value()) <= 0
                && other.first().value().compareTo(last().value()) <= 0;
    }

    @Override
    public String toString() {
        return address + "/" + prefix;
    }
}
