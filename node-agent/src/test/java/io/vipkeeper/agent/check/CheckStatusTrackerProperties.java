package io.vipkeeper.agent.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The tracker's single counter (keepalived's representation) against the plain-words rule: "OK goes KO after
 * {@code fall} consecutive failures, KO goes OK after {@code rise} consecutive successes, and the first result
 * decides an UNKNOWN check".
 */
class CheckStatusTrackerProperties {

    /** The rule as stated in keepalived.conf(5), with run lengths instead of one counter. */
    private static final class RunLengthModel {
        private final int rise;
        private final int fall;
        private CheckStatus status;
        private int run;

        RunLengthModel(int rise, int fall, boolean initFail) {
            this.rise = rise;
            this.fall = fall;
            this.status = initFail ? CheckStatus.KO : CheckStatus.UNKNOWN;
        }

        CheckStatus record(boolean success) {
            switch (status) {
                case UNKNOWN -> {
                    status = success ? CheckStatus.OK : CheckStatus.KO;
                    run = 0;
                }
                case OK -> {
                    run = success ? 0 : run + 1;
                    if (run == fall) {
                        status = CheckStatus.KO;
                        run = 0;
                    }
                }
                case KO -> {
                    run = success ? run + 1 : 0;
                    if (run == rise) {
                        status = CheckStatus.OK;
                        run = 0;
                    }
                }
            }
            return status;
        }
    }

    @Property
    void matchesTheRunLengthRule(@ForAll @IntRange(min = 1, max = 6) int rise,
            @ForAll @IntRange(min = 1, max = 6) int fall, @ForAll boolean initFail,
            @ForAll @Size(max = 60) List<Boolean> results) {
        CheckStatusTracker tracker = new CheckStatusTracker(rise, fall, initFail);
        RunLengthModel model = new RunLengthModel(rise, fall, initFail);
        for (boolean result : results) {
            CheckStatus before = tracker.status();
            Optional<CheckStatus> change = tracker.record(result);
            CheckStatus expected = model.record(result);
            assertThat(tracker.status()).isEqualTo(expected);
            assertThat(change).isEqualTo(before == expected ? Optional.empty() : Optional.of(expected));
        }
    }
}
