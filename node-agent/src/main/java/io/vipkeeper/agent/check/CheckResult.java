package io.vipkeeper.agent.check;

/** The result of one run of a check. */
public sealed interface CheckResult {
    /** A human-readable description (exit code, HTTP status, error). */
    String detail();

    default boolean succeeded() {
        return this instanceof Success;
    }

    /** The run succeeded. */
    record Success(String detail) implements CheckResult {}

    /** The run failed, for {@code reason}. */
    record Failure(FailureReason reason, String detail) implements CheckResult {}

    /** Why a run failed. */
    enum FailureReason {
        /** A script exited with a non-zero code (or died from a signal). */
        EXIT_CODE,
        /** The run lasted longer than the timeout; a script's process group was killed. */
        TIMED_OUT,
        /** The script was refused by the path or permission rules. */
        REFUSED,
        /** The script process could not be started. */
        NOT_STARTED,
        /** The HTTP status was not an expected one. */
        UNEXPECTED_STATUS,
        /** The TCP connection could not be established. */
        CONNECT_FAILED,
        /** The TLS handshake failed (for example an untrusted certificate). */
        TLS_FAILED,
        /** Any other I/O error during the exchange. */
        IO_ERROR
    }
}
