package io.vipkeeper.agent.vrrp.engine;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What the state machine needs to know about one VRRP instance (RFC 9568 §6.1 parameters plus keepalived's
 * controls). VIPs, interface and addresses to announce are the runtime's business, not the state machine's.
 *
 * <p>Check a configuration with {@link #problems} before building one: the constructor rejects an invalid
 * one with {@link IllegalArgumentException}, which is a programming error, not a user-facing error.
 *
 * @param version VRRPv2 (RFC 3768) or VRRPv3 (RFC 9568)
 * @param priority the configured (base) priority: 1..254, or 255 for the address owner (RFC 9568 §6.1)
 * @param advertisementIntervalCentiseconds Advertisement_Interval: 1..4095 cs for v3; a whole number of
 *     seconds (100..25500 cs) for v2, whose wire field is in seconds
 * @param preempt Preempt_Mode (RFC 9568 §6.1, default true; keepalived {@code nopreempt} = false). The
 *     address owner always preempts.
 * @param preemptDelayNanos keepalived's {@code preempt_delay}: a Backup that could preempt a lower-priority
 *     Master takes over this long after it first could have (the Master_Down_Timer deadline it held when the
 *     first lower-priority advert arrived); 0 = preempt as RFC 9568 says
 * @param startAsBackup keepalived's {@code state BACKUP}: never Master at Startup, even as the address owner;
 *     take over only through the Master_Down_Timer
 * @param primaryAddress the local primary IPv4 address (4 bytes) or IPv6 link-local address (16 bytes), in
 *     network byte order: the tie-breaker between equal priorities (RFC 9568 §6.4.3 (735))
 */
public record InstanceConfig(
        VrrpVersion version,
        int priority,
        int advertisementIntervalCentiseconds,
        boolean preempt,
        long preemptDelayNanos,
        boolean startAsBackup,
        byte[] primaryAddress) {

    /** The priority of the address owner (RFC 9568 §6.1). */
    public static final int OWNER_PRIORITY = 255;
    /** RFC 9568 §6.1 default priority for a non-owner. */
    public static final int DEFAULT_PRIORITY = 100;
    /** RFC 9568 §6.1 default Advertisement_Interval: 1 second. */
    public static final int DEFAULT_ADVERTISEMENT_INTERVAL_CENTISECONDS = 100;

    /** A reason an {@link InstanceConfig} is invalid. */
    public enum Problem {
        /** The version is missing. */
        VERSION_MISSING,
        /** Priority outside 1..255. */
        PRIORITY_OUT_OF_RANGE,
        /** v3 interval outside 1..4095 cs (the 12-bit Max Adver Int field, RFC 9568 §5.2.7). */
        INTERVAL_OUT_OF_RANGE,
        /** v2 interval not a whole number of seconds in 1..255 (the 8-bit Adver Int field, RFC 3768 §5.3.7). */
        V2_INTERVAL_NOT_WHOLE_SECONDS,
        /** A negative preempt delay. */
        NEGATIVE_PREEMPT_DELAY,
        /** The primary address is missing or neither 4 nor 16 bytes long. */
        BAD_PRIMARY_ADDRESS
    }

    public InstanceConfig {
        List<Problem> problems =
                problems(version, priority, advertisementIntervalCentiseconds, preemptDelayNanos, primaryAddress);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid VRRP instance configuration: " + problems);
        }
        primaryAddress = primaryAddress.clone();
    }

    /** A VRRPv3 configuration with RFC 9568 defaults: preempt on, no delay, not started as Backup. */
    public static InstanceConfig v3(int priority, int advertisementIntervalCentiseconds, byte[] primaryAddress) {
        return new InstanceConfig(
                VrrpVersion.V3, priority, advertisementIntervalCentiseconds, true, 0L, false, primaryAddress);
    }

    /** Everything wrong with these values; empty when they make a valid configuration. */
    public static List<Problem> problems(
            VrrpVersion version,
            int priority,
            int advertisementIntervalCentiseconds,
            long preemptDelayNanos,
            byte[] primaryAddress) {
        List<Problem> problems = new ArrayList<>(2);
        if (version == null) {
            problems.add(Problem.VERSION_MISSING);
        }
        if (priority < 1 || priority > OWNER_PRIORITY) {
            problems.add(Problem.PRIORITY_OUT_OF_RANGE);
        }
        if (version == VrrpVersion.V2) {
            if (advertisementIntervalCentiseconds % 100 != 0
                    || advertisementIntervalCentiseconds < 100
                    || advertisementIntervalCentiseconds > 255 * 100) {
                problems.add(Problem.V2_INTERVAL_NOT_WHOLE_SECONDS);
            }
        } else if (advertisementIntervalCentiseconds < 1 || advertisementIntervalCentiseconds > 4095) {
            problems.add(Problem.INTERVAL_OUT_OF_RANGE);
        }
        if (preemptDelayNanos < 0) {
            problems.add(Problem.NEGATIVE_PREEMPT_DELAY);
        }
        if (primaryAddress == null || (primaryAddress.length != 4 && primaryAddress.length != 16)) {
            problems.add(Problem.BAD_PRIMARY_ADDRESS);
        }
        return List.copyOf(problems);
    }

    /** True for the address owner (priority 255, RFC 9568 §6.1). */
    public boolean isOwner() {
        return priority == OWNER_PRIORITY;
    }

    /** Advertisement_Interval in nanoseconds. */
    public long advertisementIntervalNanos() {
        return VrrpTimers.centisecondsToNanos(advertisementIntervalCentiseconds);
    }

    /** A copy of the primary address (network byte order). */
    @Override
    public byte[] primaryAddress() {
        return primaryAddress.clone();
    }

    /** The primary address without a copy; callers inside this package never write to it. */
    byte[] primaryAddressUnsafe() {
        return primaryAddress;
    }

    /** A copy with another preempt mode and delay. */
    public InstanceConfig withPreempt(boolean newPreempt, long newPreemptDelayNanos) {
        return new InstanceConfig(version, priority, advertisementIntervalCentiseconds, newPreempt,
                newPreemptDelayNanos, startAsBackup, primaryAddress);
    }

    /** A copy with another startAsBackup flag. */
    public InstanceConfig withStartAsBackup(boolean newStartAsBackup) {
        return new InstanceConfig(version, priority, advertisementIntervalCentiseconds, preempt,
                preemptDelayNanos, newStartAsBackup, primaryAddress);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstanceConfig that
                && version == that.version
                && priority == that.priority
                && advertisementIntervalCentiseconds == that.advertisementIntervalCentiseconds
                && preempt == that.preempt
                && preemptDelayNanos == that.preemptDelayNanos
                && startAsBackup == that.startAsBackup
                && Arrays.equals(primaryAddress, that.primaryAddress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, priority, advertisementIntervalCentiseconds, preempt, preemptDelayNanos,
                startAsBackup, Arrays.hashCode(primaryAddress));
    }

    @Override
    public String toString() {
        return "InstanceConfig[" + version + ", priority=" + priority + ", interval="
                + advertisementIntervalCentiseconds + "cs, preempt=" + preempt + ", preemptDelay="
                + preemptDelayNanos + "ns, startAsBackup=" + startAsBackup + ", primary="
                + HexFormat.of().formatHex(primaryAddress) + "]";
    }
}
