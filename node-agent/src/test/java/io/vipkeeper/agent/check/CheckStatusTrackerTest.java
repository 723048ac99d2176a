package io.vipkeeper.agent.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckStatusTrackerTest {

    /**
     * Each row: rise, fall, initFail, a result sequence (S = success, F = failure) and the status after each
     * result (U = UNKNOWN, O = OK, K = KO). Derived from keepalived.conf(5) and keepalived's counter behaviour.
     */
    @ParameterizedTest(name = "rise={0} fall={1} initFail={2}: {3} -> {4}")
    @CsvSource({
        // Defaults (rise 1, fall 1): every result decides.
        "1, 1, false, S,          O",
        "1, 1, false, F,          K",
        "1, 1, false, SFSF,       OKOK",
        // Without init_fail keepalived starts at rise-1: ONE success is enough, even with rise 3.
        "3, 2, false, S,          O",
        // ...and one failure from the initial state is a transition to KO; then rise successes are needed.
        "3, 2, false, FSSS,       KKKO",
        // fall 2: one failure is not enough; two consecutive are.
        "1, 2, false, SFF,        OOK",
        // A success between failures resets the run of failures.
        "1, 2, false, SFSFSF,     OOOOOO",
        "1, 3, false, SFFSFFF,    OOOOOOK",
        // rise 2 from KO: a failure between successes resets the run of successes.
        "2, 1, false, FSFSS,      KKKKO",
        // init_fail: starts KO and needs rise successes.
        "1, 1, true,  S,          O",
        "2, 1, true,  S,          K",
        "2, 1, true,  SS,         KO",
        "3, 2, true,  SSFSSS,     KKKKKO",
        "3, 2, true,  FFF,        KKK",
        // Once OK after a rise, the counter is at the top: fall failures are needed again.
        "2, 2, true,  SSFSFF,     KOOOOK",
    })
    void followsKeepalivedHysteresis(int rise, int fall, boolean initFail, String results, String expected) {
        CheckStatusTracker tracker = new CheckStatusTracker(rise, fall, initFail);
        StringBuilder statuses = new StringBuilder();
        for (char r : results.toCharArray()) {
            tracker.record(r == 'S');
            statuses.append(tracker.status().name().charAt(0) == 'U' ? 'U' : tracker.status().name().charAt(0));
        }
        assertThat(statuses.toString()).isEqualTo(expected);
    }

    @Test
    void initialStatusIsUnknownWithoutInitFailAndKoWithIt() {
        assertThat(new CheckStatusTracker(2, 2, false).status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(new CheckStatusTracker(2, 2, true).status()).isEqualTo(CheckStatus.KO);
    }

    @Test
    void reportsOnlyActualTransitions() {
        CheckStatusTracker tracker = new CheckStatusTracker(2, 2, false);
        List<Optional<CheckStatus>> changes = new ArrayList<>();
        for (boolean r : new boolean[] {true, true, false, false, false, true, true, true}) {
            changes.add(tracker.record(r));
        }
        assertThat(changes).containsExactly(
                Optional.of(CheckStatus.OK), Optional.empty(), Optional.empty(), Optional.of(CheckStatus.KO),
                Optional.empty(), Optional.empty(), Optional.of(CheckStatus.OK), Optional.empty());
    }
}
