package io.vipkeeper.agent.check;

import java.time.Instant;

/**
 * A check changed status.
 *
 * @param checkName the check's name
 * @param previous status before ({@link CheckStatus#UNKNOWN} for a first result)
 * @param current status now (OK or KO)
 * @param weight the check's configured weight, for the priority arithmetic
 * @param lastResult the result that caused the change (its detail is the reason)
 * @param at when the result arrived
 */
public record CheckStatusChange(String checkName, CheckStatus previous, CheckStatus current, int weight,
        CheckResult lastResult, Instant at) {
    /** The reason, for logs and status conditions. */
    public String reason() {
        return lastResult.detail();
    }
}
