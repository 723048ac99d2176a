package io.vipkeeper.agent.vrrp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 9568 §6.1: Skew_Time = ((256 − Priority) × Master_Adver_Interval) / 256 and Master_Down_Interval =
 * 3 × Master_Adver_Interval + Skew_Time, exact in nanoseconds. Every expected value below is worked out by
 * hand from the formula (1 cs = 10 000 000 ns, so 1 cs / 256 = 39 062.5 ns).
 */
class VrrpTimersTest {

    static Stream<Arguments> v3Table() {
        return Stream.of(
                // priority 1: 256 − 1 = 255
                Arguments.of(1, 1, 9_960_937L, "255 × 1 cs / 256 = 9 960 937.5 ns, floor"),
                Arguments.of(1, 10, 99_609_375L, "255 × 10 cs / 256 = 99.609375 ms"),
                Arguments.of(1, 100, 996_093_750L, "255 × 100 cs / 256 = 996.09375 ms"),
                // priority 100: 156
                Arguments.of(100, 1, 6_093_750L, "156 × 1 cs / 256 = 6.09375 ms"),
                Arguments.of(100, 10, 60_937_500L, "156 × 10 cs / 256 = 60.9375 ms"),
                Arguments.of(100, 100, 609_375_000L, "156 × 100 cs / 256 = 60.9375 cs = 609.375 ms"),
                // priority 254: 2
                Arguments.of(254, 1, 78_125L, "2 × 1 cs / 256 = 78.125 µs"),
                Arguments.of(254, 10, 781_250L, "2 × 10 cs / 256 = 781.25 µs"),
                Arguments.of(254, 100, 7_812_500L, "2 × 100 cs / 256 = 7.8125 ms"),
                // priority 255 (owner): 1
                Arguments.of(255, 1, 39_062L, "1 × 1 cs / 256 = 39 062.5 ns, floor"),
                Arguments.of(255, 10, 390_625L, "1 × 10 cs / 256 = 390.625 µs"),
                Arguments.of(255, 100, 3_906_250L, "1 × 100 cs / 256 = 3.90625 ms"));
    }

    @ParameterizedTest(name = "§6.1 v3 priority {0} at {1} cs: Skew_Time = {2} ns ({3})")
    @MethodSource("v3Table")
    void v3SkewAndMasterDownInterval(int priority, int intervalCentis, long expectedSkewNanos, String why) {
        assertThat(VrrpTimers.skewTimeNanos(VrrpVersion.V3, priority, intervalCentis)).isEqualTo(expectedSkewNanos);
        long threeIntervals = 3L * intervalCentis * 10_000_000L;
        assertThat(VrrpTimers.masterDownIntervalNanos(VrrpVersion.V3, priority, intervalCentis))
                .isEqualTo(threeIntervals + expectedSkewNanos);
    }

    @ParameterizedTest(name = "§6.1 v3 Master_Down_Interval priority {0} at {1} cs = {2} ns")
    @MethodSource("masterDownTable")
    void v3MasterDownIntervalLiterals(int priority, int intervalCentis, long expected) {
        assertThat(VrrpTimers.masterDownIntervalNanos(VrrpVersion.V3, priority, intervalCentis)).isEqualTo(expected);
    }

    static Stream<Arguments> masterDownTable() {
        return Stream.of(
                Arguments.of(100, 100, 3_609_375_000L), // 3 s + 609.375 ms
                Arguments.of(1, 10, 399_609_375L), // 300 ms + 99.609375 ms
                Arguments.of(254, 1, 30_078_125L), // 30 ms + 78.125 µs
                Arguments.of(255, 100, 3_003_906_250L)); // 3 s + 3.90625 ms
    }

    @ParameterizedTest(name = "RFC 3768 §6.1 v2 priority {0} at {1} cs: Skew_Time = (256 − p)/256 s = {2} ns")
    @MethodSource("v2Table")
    void v2SkewDoesNotScaleWithTheInterval(int priority, int intervalCentis, long expectedSkew, long expectedDown) {
        assertThat(VrrpTimers.skewTimeNanos(VrrpVersion.V2, priority, intervalCentis)).isEqualTo(expectedSkew);
        assertThat(VrrpTimers.masterDownIntervalNanos(VrrpVersion.V2, priority, intervalCentis))
                .isEqualTo(expectedDown);
    }

    static Stream<Arguments> v2Table() {
        return Stream.of(
                Arguments.of(100, 100, 609_375_000L, 3_609_375_000L), // 156/256 s; 3 s + skew
                Arguments.of(100, 300, 609_375_000L, 9_609_375_000L), // same skew at 3 s; 9 s + skew
                Arguments.of(1, 100, 996_093_750L, 3_996_093_750L), // 255/256 s
                Arguments.of(255, 200, 3_906_250L, 6_003_906_250L)); // 1/256 s
    }

    @ParameterizedTest(name = "§6.1 adjacent priorities {0} and {1} at 1 s never share a Master_Down_Interval")
    @MethodSource("adjacentPriorities")
    void noRoundingToWholeCentiseconds(int lower, int higher) {
        // Rounded to whole centiseconds, 156/256 × 100 cs and 155/256 × 100 cs would both be 61 cs or 60 cs.
        long lowerDown = VrrpTimers.masterDownIntervalNanos(VrrpVersion.V3, lower, 100);
        long higherDown = VrrpTimers.masterDownIntervalNanos(VrrpVersion.V3, higher, 100);
        assertThat(lowerDown - higherDown).isEqualTo(3_906_250L); // exactly 1/256 of 1 s
    }

    static Stream<Arguments> adjacentPriorities() {
        return Stream.of(Arguments.of(100, 101), Arguments.of(1, 2), Arguments.of(253, 254));
    }
}
