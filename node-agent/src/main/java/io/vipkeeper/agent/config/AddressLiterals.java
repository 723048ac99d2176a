package io.vipkeeper.agent.config;

import io.vipkeeper.api.Ipv6Text;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * Address and CIDR literals, parsed without touching the network: never a DNS lookup (so no
 * {@code InetAddress.getByName}), never a scope id (which would look up an interface on the host). Pure.
 */
final class AddressLiterals {

    /** The result of a parse: a value, or the reason in plain words. */
    sealed interface Parsed<T> {
        /** The text was valid. */
        record Ok<T>(T value) implements Parsed<T> {}

        /** The text was not valid, and why. */
        record Invalid<T>(String reason) implements Parsed<T> {}
    }

    /** Dotted quad only: no octal, no shortened forms like {@code 10.1} that {@code ofLiteral} also accepts. */
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

    private AddressLiterals() {
    }

    /** Parses an IPv4 dotted quad or an IPv6 literal (no brackets, no zone). */
    static Parsed<InetAddress> parseAddress(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed.Invalid<>("an address is empty");
        }
        if (text.contains("/")) {
            return new Parsed.Invalid<>("'" + text + "' has a prefix length; write the address alone");
        }
        if (text.contains("%")) {
            return new Parsed.Invalid<>("'" + text + "' has a zone id; leave it out (the instance's interface is the scope)");
        }
        if (text.contains(":")) {
            InetAddress address;
            try {
                address = Inet6Address.ofLiteral(text);
            } catch (IllegalArgumentException notLiteral) {
                return new Parsed.Invalid<>("'" + text + "' is not an IPv6 address");
            }
            if (address instanceof Inet4Address) {
                return new Parsed.Invalid<>("'" + text + "' is an IPv4-mapped IPv6 address; write the IPv4 address");
            }
            return new Parsed.Ok<>(address);
        }
        if (!DOTTED_QUAD.matcher(text).matches()) {
            return new Parsed.Invalid<>("'" + text + "' is not an IPv4 address (a.b.c.d) or an IPv6 address");
        }
        return new Parsed.Ok<>(Inet4Address.ofLiteral(text));
    }

    /** Parses {@code address/prefix}; the prefix is required. */
    static Parsed<VipAddress> parseCidr(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed.Invalid<>("an address is empty");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Parsed.Invalid<>("'" + text + "' has no prefix length; write it in CIDR notation, for example "
                    + (text.contains(":") ? text + "/128" : text + "/32"));
        }
        String prefixText = text.substring(slash + 1);
        Parsed<InetAddress> address = parseAddress(text.substring(0, slash));
        if (address instanceof Parsed.Invalid<InetAddress>(String reason)) {
            return new Parsed.Invalid<>(reason);
        }
        InetAddress inet = ((Parsed.Ok<InetAddress>) address).value();
        int max = inet instanceof Inet4Address ? 32 : 128;
        if (!PREFIX.matcher(prefixText).matches() || Integer.parseInt(prefixText) > max) {
            return new Parsed.Invalid<>("'" + text + "' has prefix length '" + prefixText + "'; it must be 0.." + max);
        }
        return new Parsed.Ok<>(new VipAddress(inet, Integer.parseInt(prefixText)));
    }

    /** IPv4 dotted quad, IPv6 in RFC 5952 form (lower case, the longest run of two or more zero groups as ::). */
    static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        return Ipv6Text.format(address.getAddress());
    }
}
