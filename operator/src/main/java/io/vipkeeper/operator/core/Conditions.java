package io.vipkeeper.operator.core;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Builds standard Kubernetes conditions whose lastTransitionTime moves only when their status moves. */
public final class Conditions {

    private Conditions() {
    }

    /** RFC 3339 in whole seconds, as metav1.Time is written ({@code 2026-11-25T18:00:00Z}). */
    public static String format(Instant time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A condition of {@code type}: its lastTransitionTime is the previous one of that type when the status is the
     * same, else {@code now} (null when {@code now} is null: the caller stamps it).
     *
     * @param previous the conditions the object carries now (may be null)
     */
    public static Condition next(String type, boolean status, String reason, String message, Long observedGeneration,
                                 List<Condition> previous, Instant now) {
        String statusText = status ? "True" : "False";
        String since = now == null ? null : format(now);
        if (previous != null) {
            for (Condition c : previous) {
                if (type.equals(c.getType()) && statusText.equals(c.getStatus()) && c.getLastTransitionTime() != null) {
                    since = c.getLastTransitionTime();
                    break;
                }
            }
        }
        return new ConditionBuilder()
                .withType(type)
                .withStatus(statusText)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(observedGeneration)
                .withLastTransitionTime(since)
                .build();
    }

    /** The condition of {@code type} in a list, or null. */
    public static Condition find(List<Condition> conditions, String type) {
        if (conditions != null) {
            for (Condition c : conditions) {
                if (type.equals(c.getType())) {
                    return c;
                }
            }
        }
        return null;
    }
}
