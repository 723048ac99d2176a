package io.vipkeeper.agent.vrrp;

/**
 * The VRRP protocol version an instance speaks. Shared by the packet codec and the state machine.
 *
 * <ul>
 *   <li>{@link #V2}: RFC 3768, IPv4 only, advertisement interval in whole seconds, with an authentication
 *       type and 8 bytes of authentication data.</li>
 *   <li>{@link #V3}: RFC 9568 (which replaces RFC 5798), IPv4 and IPv6, interval in centiseconds.</li>
 * </ul>
 */
public enum VrrpVersion {
    V2(2),
    V3(3);

    private final int wireValue;

    VrrpVersion(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The value of the 4-bit Version field. */
    public int wireValue() {
        return wireValue;
    }

    /** The version for a Version field value, or {@code null} when it is neither 2 nor 3. */
    public static VrrpVersion fromWire(int value) {
        return switch (value) {
            case 2 -> V2;
            case 3 -> V3;
            default -> null;
        };
    }
}
