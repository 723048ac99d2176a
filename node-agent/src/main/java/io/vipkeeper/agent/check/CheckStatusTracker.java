package io.vipkeeper.agent.check;

import java.util.Optional;

/**
 * keepalived's rise/fall hysteresis for one check, as a pure value machine: feed results, get transitions.
 * Not thread-safe; the scheduler feeds it one result at a time.
 *
 * <p>Like keepalived, one counter {@code c} in {@code 0..rise+fall-1} holds the state; the check is OK when
 * {@code c >= rise}:
 * <ul>
 *   <li>a success below {@code rise-1} counts up; the success that reaches {@code rise} is the KO→OK transition,
 *       and the counter jumps to the top ({@code rise+fall-1});</li>
 *   <li>a failure above {@code rise} counts down; the failure at {@code rise} is the OK→KO transition, and the
 *       counter jumps to 0. So an OK check needs {@code fall} <em>consecutive</em> failures to go KO (one success
 *       in between resets to the top), and a KO check {@code rise} consecutive successes to go OK.</li>
 * </ul>
 * Initial state: with {@code initFail} the counter starts at 0 (KO; {@code rise} successes needed). Without it,
 * keepalived starts at {@code rise-1} in its INIT state ({@link CheckStatus#UNKNOWN} here): one success is enough
 * for OK, and one failure is a transition to KO.
 */
public final class CheckStatusTracker {
    private final int rise;
    private final int fall;
    private int counter;
    private CheckStatus status;

    public CheckStatusTracker(int rise, int fall, boolean initFail) {
        if (rise < 1 || fall < 1) {
            throw new IllegalArgumentException("rise and fall must be at least 1");
        }
        this.rise = rise;
        this.fall = fall;
        this.counter = initFail ? 0 : rise - 1;
        this.status = initFail ? CheckStatus.KO : CheckStatus.UNKNOWN;
    }

    public static CheckStatusTracker of(CheckDefinition definition) {
        return new CheckStatusTracker(definition.rise(), definition.fall(), definition.initFail());
    }

    public CheckStatus status() {
        return status;
    }

    /**
     * Records one result.
     *
     * @return the new status when this result changed it, empty otherwise
     */
    public Optional<CheckStatus> record(boolean success) {
        int top = rise + fall - 1;
        CheckStatus before = status;
        if (success) {
            if (counter < rise - 1) {
                counter++;
            } else {
                counter = top;
                status = CheckStatus.OK;
            }
        } else {
            if (counter > rise) {
                counter--;
            } else {
                // At exactly rise (the last OK step) or from UNKNOWN this is the transition to KO; below rise
                // (a partial rise) it only resets the run of successes.
                counter = 0;
                status = CheckStatus.KO;
            }
        }
        return status == before ? Optional.empty() : Optional.of(status);
    }
}
