package io.vipkeeper.operator.core;

import io.vipkeeper.api.v1alpha1.Formats;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An address with a prefix length, as the API writes it ({@code 192.168.1.1/32}, {@code fd00:199::/64}).
 *
 * <p>For a VirtualIP the address is the floating address and the prefix the netmask it is installed with (as
 * keepalived's virtual_ipaddress). For a pool the CIDR is a block of allowed addresses: {@link #first()} ..
 * {@link #last()}, host bits ignored.
 */
public final class Cidr {

    private final IpAddress address;
    private final int prefix;
    private final BigInteger first;
    private final BigInteger last;

    /**
     * @param address the address as written
     * @param prefix  the prefix length, 0..32 or 0..128
     */
    public Cidr(IpAddress address, int prefix) {
        if (prefix < 0 || prefix > address.bits()) {
            throw new IllegalArgumentException("prefix " + prefix + " outside 0.." + address.bits());
        }
        this.address = address;
        this.prefix = prefix;
        BigInteger hostMask = BigInteger.ONE.shiftLeft(address.bits() - prefix).subtract(BigInteger.ONE);
        this.first = address.value().andNot(hostMask);
        this.last = address.value().or(hostMask);
    }

    /**
     * Parses {@code address/prefix} as {@link Formats#CIDR} describes (prefix without leading zeros).
     *
     * @return empty when the text is not such a CIDR
     */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        int digits = text.length() - slash - 1;
        if (slash < 0 || digits < 1 || digits > 3 || (digits > 1 && text.charAt(slash + 1) == '0')) {
            return Optional.empty();
        }
        for (int i = slash + 1; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        Optional<IpAddress> address = IpAddress.parse(text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(text, slash + 1, text.length(), 10);
        return prefix > address.get().bits() ? Optional.empty() : Optional.of(new Cidr(address.get(), prefix));
    }

    /** The host-route CIDR of one address: {@code /32} or {@code /128}. */
    public static Cidr hostRoute(IpAddress address) {
        return new Cidr(address, address.bits());
    }

    /** The address as written. */
    public IpAddress address() {
        return address;
    }

    /** The prefix length. */
    public int prefix() {
        return prefix;
    }

    /** IPv6 (else IPv4). */
    public boolean v6() {
        return address.v6();
    }

    /** The lowest address of the block. */
    public IpAddress first() {
        return new IpAddress(v6(), first);
    }

    /** The highest address of the block. */
    public IpAddress last() {
        return new IpAddress(v6(), last);
    }

    /** Addresses in the block: 2^(bits - prefix). */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(address.bits() - prefix);
    }

    /** The address lies in this block (same family). */
    public boolean contains(IpAddress ip) {
        return ip.v6() == v6() && ip.value().compareTo(first) >= 0 && ip.value().compareTo(last) <= 0;
    }

    /** The two blocks share at least one address. */
    public boolean overlaps(Cidr other) {
        return other.v6() == v6() && first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && address.equals(other.address) && prefix == other.prefix;
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, prefix);
    }

    @Override
    public String toString() {
        return address + "/" + prefix;
    }
}
