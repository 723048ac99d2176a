package io.vipkeeper.agent.vrrp.wire;

import java.util.Objects;
import java.util.Set;

/** The outcome of {@link ReceiveValidator#validate}: accepted with notes, or dropped with a reason. */
public sealed interface ValidationResult {

    /**
     * The packet passed every check of RFC 9568 §7.1 / RFC 3768 §7.1.
     *
     * @param advertisement the decoded advertisement
     * @param profile the local instance it is for
     * @param notes things to log, not drop for ({@link AcceptNote})
     */
    record Accepted(Advertisement advertisement, ReceiveProfile profile, Set<AcceptNote> notes)
            implements ValidationResult {
        public Accepted {
            Objects.requireNonNull(advertisement, "advertisement");
            Objects.requireNonNull(profile, "profile");
            notes = Set.copyOf(notes);
        }
    }

    /**
     * The packet must be discarded.
     *
     * @param reason which check failed
     * @param detail a human-readable explanation for a log line
     */
    record Dropped(DropReason reason, String detail) implements ValidationResult {
        public Dropped {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
