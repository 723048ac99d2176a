package io.vipkeeper.agent.check;

/**
 * The state of a check after rise/fall hysteresis.
 *
 * <p>{@link #UNKNOWN} mirrors keepalived's "INIT" state of a {@code vrrp_script} without {@code init_fail}: no
 * result yet. keepalived applies no weight for such a script and holds a weight-0 tracking instance back until the
 * first result; that first result alone decides OK or KO.
 */
public enum CheckStatus {
    UNKNOWN,
    OK,
    KO
}
