package io.vipkeeper.agent.vrrp.engine;

import io.vipkeeper.agent.vrrp.VrrpVersion;

/**
 * Every VRRP timer formula, in one place (RFC 9568 §6.1, RFC 3768 §6.1).
 *
 * <p>All results are nanoseconds. Skew_Time is computed exactly, never rounded to whole centiseconds: with
 * whole centiseconds, Backups whose priorities differ by a little get the same Master_Down_Interval and fire
 * together (keepalived computes in microseconds for the same reason). The only rounding left is the floor of
 * a half nanosecond when {@code (256 − Priority) × interval} is odd (10⁷ ns / 256 = 39 062.5 ns).
 */
public final class VrrpTimers {
    /** Nanoseconds in one centisecond, the unit of the VRRPv3 Max Adver Int field. */
    public static final long NANOS_PER_CENTISECOND = 10_000_000L;
    /** Nanoseconds in one second, the unit of the VRRPv2 Adver Int field. */
    public static final long NANOS_PER_SECOND = 1_000_000_000L;

    private VrrpTimers() {}

    /** An interval in centiseconds as nanoseconds. */
    public static long centisecondsToNanos(int centiseconds) {
        return centiseconds * NANOS_PER_CENTISECOND;
    }

    /**
     * Skew_Time.
     *
     * <ul>
     *   <li>VRRPv3, RFC 9568 §6.1: {@code ((256 − Priority) × Master_Adver_Interval) / 256}.</li>
     *   <li>VRRPv2, RFC 3768 §6.1: {@code (256 − Priority) / 256} seconds, independent of the interval.</li>
     * </ul>
     *
     * @param priority the local priority, 1..255
     * @param masterAdverIntervalCentiseconds Master_Adver_Interval (v3; ignored for v2)
     */
    public static long skewTimeNanos(VrrpVersion version, int priority, int masterAdverIntervalCentiseconds) {
        long weight = 256L - priority;
        return switch (version) {
            case V3 -> weight * masterAdverIntervalCentiseconds * NANOS_PER_CENTISECOND / 256L;
            case V2 -> weight * NANOS_PER_SECOND / 256L;
        };
    }

    /**
     * Master_Down_Interval (RFC 9568: Active_Down_Interval) = {@code 3 × Master_Adver_Interval + Skew_Time}
     * (RFC 9568 §6.1; RFC 3768 §6.1 with Advertisement_Interval, which for v2 is the same value because a v2
     * router drops adverts whose interval differs from its own, RFC 3768 §7.1).
     */
    public static long masterDownIntervalNanos(VrrpVersion version, int priority, int masterAdverIntervalCentiseconds) {
        return 3L * centisecondsToNanos(masterAdverIntervalCentiseconds)
                + skewTimeNanos(version, priority, masterAdverIntervalCentiseconds);
    }
}
