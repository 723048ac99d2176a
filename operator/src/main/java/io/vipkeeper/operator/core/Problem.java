package io.vipkeeper.operator.core;

import java.util.Objects;

/**
 * One rule a VirtualIP or a pool breaks.
 *
 * @param reason  CamelCase, for a condition's {@code reason} and an Event's reason (for example
 *                {@code AddressOutsidePool}); the constants are in {@link Reasons}
 * @param message plain words for a person, naming the values involved
 */
public record Problem(String reason, String message) {

    /** Both parts are required. */
    public Problem {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
