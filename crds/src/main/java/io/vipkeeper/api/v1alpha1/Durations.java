package io.vipkeeper.api.v1alpha1;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * Parses the duration strings of the API ({@code 10ms}, {@code 1.5s}, {@code 2s}, {@code 1m}) into
 * {@link Duration} and formats them back. Pure; no Kubernetes dependency, so the node agent's standalone
 * configuration file uses it too.
 *
 * <p>Grammar: a decimal number ({@code 1.5}, {@code 40.95}; no sign, no exponent) directly followed by one unit:
 * {@code ms} (milliseconds), {@code s} (seconds) or {@code m} (minutes). The same text is accepted by CEL's
 * {@code duration()} and by the schema pattern {@link Formats#DURATION}.
 */
public final class Durations {

    /** Why a text is not a duration. */
    public enum Reason {
        /** null, empty or blank. */
        EMPTY,
        /** Not a number followed by a unit. */
        MALFORMED,
        /** A number followed by something other than {@code ms}, {@code s} or {@code m}. */
        UNKNOWN_UNIT,
        /** Finer than one nanosecond. */
        TOO_PRECISE,
        /** Does not fit a {@link Duration} of at most {@link Long#MAX_VALUE} nanoseconds. */
        TOO_LARGE
    }

    /** A text that is not a duration of the API, with the reason. */
    public static final class InvalidDurationException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient String text;
        private final Reason reason;

        InvalidDurationException(String text, Reason reason, String detail) {
            super("invalid duration '" + text + "': " + detail
                    + " (write a number and a unit ms, s or m, for example 100ms, 1.5s, 2s, 1m)");
            this.text = text;
            this.reason = reason;
        }

        /** The text that was refused (may be null). */
        public String text() {
            return text;
        }

        /** Why it was refused. */
        public Reason reason() {
            return reason;
        }
    }

    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private Durations() {
    }

    /**
     * Parses a duration string.
     *
     * @param text for example {@code 100ms}, {@code 1.5s}, {@code 2s}, {@code 1m}
     * @return the duration, exact to the nanosecond
     * @throws InvalidDurationException with a {@link Reason} when the text is not a duration
     */
    public static Duration parse(String text) throws InvalidDurationException {
        if (text == null || text.isBlank()) {
            throw new InvalidDurationException(text, Reason.EMPTY, "empty");
        }
        int unitStart = 0;
        while (unitStart < text.length() && (Character.isDigit(text.charAt(unitStart)) || text.charAt(unitStart) == '.')) {
            unitStart++;
        }
        String number = text.substring(0, unitStart);
        String unit = text.substring(unitStart);
        if (number.isEmpty() || !number.matches("[0-9]+(\\.[0-9]+)?")) {
            throw new InvalidDurationException(text, Reason.MALFORMED, "expected a decimal number first");
        }
        long nanosPerUnit = switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "" -> throw new InvalidDurationException(text, Reason.UNKNOWN_UNIT, "a unit is missing");
            default -> throw new InvalidDurationException(text, Reason.UNKNOWN_UNIT, "unknown unit '" + unit + "'");
        };
        BigDecimal nanos = new BigDecimal(number).multiply(BigDecimal.valueOf(nanosPerUnit));
        BigInteger whole;
        try {
            whole = nanos.toBigIntegerExact();
        } catch (ArithmeticException fractional) {
            throw new InvalidDurationException(text, Reason.TOO_PRECISE, "finer than one nanosecond");
        }
        if (whole.compareTo(MAX_NANOS) > 0) {
            throw new InvalidDurationException(text, Reason.TOO_LARGE, "too large");
        }
        return Duration.ofNanos(whole.longValueExact());
    }

    /**
     * Formats a duration in the API's grammar, choosing the largest unit that keeps it exact up to the millisecond
     * ({@code 1m}, {@code 2s}, {@code 1.5s}, {@code 100ms}); sub-millisecond durations get a fractional {@code ms}.
     *
     * @param duration not negative
     * @return text that {@link #parse(String)} turns back into the same duration
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        long nanos = duration.toNanos();
        if (nanos != 0 && nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + "m";
        }
        if (nanos % 1_000_000L == 0 && nanos >= 1_000_000_000L) {
            return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
        }
        if (nanos == 0) {
            return "0s";
        }
        return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString() + "ms";
    }
}
