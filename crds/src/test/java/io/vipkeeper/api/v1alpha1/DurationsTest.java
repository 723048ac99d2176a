package io.vipkeeper.api.v1alpha1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"10ms, 10", "1.5s, 1500", "2s, 2000", "1m, 60000", "40.95s, 40950", "0s, 0", "0.5ms, 0.5",
            "100ms, 100", "1000s, 1000000"})
    void parsesTheApiGrammar(String text, double millis) throws Exception {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(Math.round(millis * 1_000_000)));
    }

    @ParameterizedTest
    @CsvSource({"'', EMPTY", "'  ', EMPTY", "s, MALFORMED", "1.s, MALFORMED", "-1s, MALFORMED", "1.2.3s, MALFORMED",
            "1 s, UNKNOWN_UNIT", "1h, UNKNOWN_UNIT", "10, UNKNOWN_UNIT", "1sec, UNKNOWN_UNIT",
            "0.0000000001s, TOO_PRECISE", "99999999999999999m, TOO_LARGE"})
    void refusesWithAReason(String text, Durations.Reason reason) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOfSatisfying(Durations.InvalidDurationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).contains("'" + text + "'", "for example");
                });
    }

    @Test
    void nullIsEmpty() {
        assertThatThrownBy(() -> Durations.parse(null))
                .isInstanceOfSatisfying(Durations.InvalidDurationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Durations.Reason.EMPTY));
    }

    @ParameterizedTest
    @CsvSource({"60000, 1m", "2000, 2s", "1500, 1.5s", "100, 100ms", "10, 10ms", "0, 0s", "40950, 40.95s", "10000, 10s"})
    void formatsAndParsesBack(long millis, String text) throws Exception {
        Duration d = Duration.ofMillis(millis);
        assertThat(Durations.format(d)).isEqualTo(text);
        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }

    @Test
    void everyParsedTextMatchesTheSchemaPattern() throws Exception {
        for (String text : new String[] {"10ms", "1.5s", "2s", "1m", "40.95s"}) {
            assertThat(text).matches(Formats.DURATION);
            Durations.parse(text);
        }
        assertThat("1 s").doesNotMatch(Formats.DURATION);
    }
}
