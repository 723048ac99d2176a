package io.vipkeeper.operator.core;

import io.vipkeeper.api.v1alpha1.Durations;

import java.time.Duration;
import java.util.Optional;

/** The advertisement interval rules of the two VRRP versions. */
final class Intervals {

    private static final Duration CENTISECOND = Duration.ofMillis(10);

    private Intervals() {
    }

    /**
     * Why {@code text} is not an advertisement interval of {@code version}, or empty. Version 3 carries the interval
     * in centiseconds in 12 bits: 10ms..40.95s in whole centiseconds (RFC 9568 section 5.2.7). Version 2 carries whole
     * seconds in 8 bits: 1s..255s (RFC 3768 section 5.3.7).
     */
    static Optional<String> problem(String text, int version) {
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (Durations.InvalidDurationException e) {
            return Optional.of(e.getMessage());
        }
        if (version == 2) {
            boolean ok = d.toNanosPart() == 0 && d.getSeconds() >= 1 && d.getSeconds() <= 255;
            return ok ? Optional.empty() : Optional.of("VRRP version 2 takes whole seconds 1s..255s (RFC 3768 "
                    + "section 5.3.7), got " + text);
        }
        boolean ok = d.toNanos() % CENTISECOND.toNanos() == 0 && d.compareTo(CENTISECOND) >= 0
                && d.compareTo(Duration.ofMillis(40_950)) <= 0;
        return ok ? Optional.empty() : Optional.of("VRRP version 3 takes 10ms..40.95s in whole centiseconds (RFC 9568 "
                + "section 5.2.7), got " + text);
    }
}
