package io.vipkeeper.api.v1alpha1;

/**
 * Regular expressions the CRD schema uses for strings, shared by the schema annotations and the CEL rules.
 *
 * <p>They use only the syntax that RE2 (the API server's OpenAPI {@code pattern} and CEL {@code matches()}),
 * ECMA-262 and {@link java.util.regex} agree on: no look-around, no back-references.
 */
public final class Formats {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final String IPV4 = "(" + OCTET + "\\.){3}" + OCTET;
    private static final String H = "[0-9a-fA-F]{1,4}";
    private static final String IPV6 = "("
            + "(" + H + ":){7}" + H
            + "|(" + H + ":){1,7}:"
            + "|(" + H + ":){1,6}:" + H
            + "|(" + H + ":){1,5}(:" + H + "){1,2}"
            + "|(" + H + ":){1,4}(:" + H + "){1,3}"
            + "|(" + H + ":){1,3}(:" + H + "){1,4}"
            + "|(" + H + ":){1,2}(:" + H + "){1,5}"
            + "|" + H + ":(:" + H + "){1,6}"
            + "|:((:" + H + "){1,7}|:)"
            + ")";

    /** An IPv4 address with a prefix length 0..32, for example {@code 192.168.1.1/32}. */
    public static final String IPV4_CIDR = "^" + IPV4 + "/(3[0-2]|[12]?[0-9])$";

    /** An IPv6 address (no embedded IPv4, no zone) with a prefix length 0..128, for example {@code fd00:199::10/128}. */
    public static final String IPV6_CIDR = "^" + IPV6 + "/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$";

    /** A plain IPv4 or IPv6 address without a prefix length, for example {@code 10.199.0.2} or {@code fd00:199::2}. */
    public static final String IP_ADDRESS = "^(" + IPV4 + "|" + IPV6 + ")$";

    /** Longest text of a plain IP address of {@link #IP_ADDRESS} (39 characters). */
    public static final int IP_ADDRESS_MAX_LENGTH = 39;

    /** An IPv4 or IPv6 CIDR. */
    public static final String CIDR = "^(" + IPV4 + "/(3[0-2]|[12]?[0-9])|" + IPV6 + "/(12[0-8]|1[01][0-9]|[1-9]?[0-9]))$";

    /** Longest text of a CIDR ({@code ffff:…:ffff/128} is 43 characters); bounds the cost of CEL rules. */
    public static final int CIDR_MAX_LENGTH = 43;

    /**
     * A duration: a decimal number and one unit, {@code ms}, {@code s} or {@code m}: {@code 10ms}, {@code 1.5s},
     * {@code 2s}, {@code 1m}. Parsed by {@link Durations#parse(String)}; also valid for CEL's {@code duration()}.
     */
    public static final String DURATION = "^[0-9]{1,9}([.][0-9]{1,9})?(ms|s|m)$";

    /**
     * CEL rule on a spec with {@code version} and {@code advertisementInterval} (VirtualIP and pool): version 3
     * counts the interval in centiseconds in 12 bits, so 10ms..40.95s in whole centiseconds (RFC 9568 section
     * 5.2.7); version 2 counts whole seconds in 8 bits, 1s..255s (RFC 3768 section 5.3.7). Without a version the
     * version 3 rule applies (the operator checks a pool's version 2 default). A malformed text is left to the
     * {@link #DURATION} pattern, so it fails for that reason only.
     */
    public static final String ADVERTISEMENT_INTERVAL_RULE = "!has(self.advertisementInterval)"
            + " || !self.advertisementInterval.matches('" + DURATION + "')"
            + " || (has(self.version) && self.version == 2"
            + " ? (self.advertisementInterval.matches('^[0-9]+s$')"
            + " && duration(self.advertisementInterval) >= duration('1s')"
            + " && duration(self.advertisementInterval) <= duration('255s'))"
            + " : (self.advertisementInterval.matches('^([0-9]+0ms|[0-9]+([.][0-9]{1,2})?s)$')"
            + " && duration(self.advertisementInterval) >= duration('10ms')"
            + " && duration(self.advertisementInterval) <= duration('40.95s')))";

    /** Message of {@link #ADVERTISEMENT_INTERVAL_RULE}. */
    public static final String ADVERTISEMENT_INTERVAL_MESSAGE = "advertisementInterval: version 3 takes 10ms..40.95s in"
            + " whole centiseconds (e.g. 100ms, 1s, 1.25s); version 2 takes whole seconds 1s..255s written as Ns";

    /**
     * Name of a check: what keepalived allows for a {@code vrrp_script} name that is also safe as a metric label,
     * for example {@code chk_myscript}.
     */
    public static final String CHECK_NAME = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$";

    /** An absolute directory path on the node, for example {@code /usr/local/bin}. */
    public static final String ABSOLUTE_PATH = "^/[^\\x00]*$";

    /** An HTTP or HTTPS URL. */
    public static final String HTTP_URL = "^https?://[^\\s]+$";

    private Formats() {
    }
}
