package io.vipkeeper.operator.core;

import java.util.List;

/** The verdict on one VirtualIP: valid with its allocation, or invalid with problems. */
public sealed interface Verdict {

    /**
     * The VirtualIP keeps the rules of its pool and is rendered.
     *
     * @param allocation    the VRID and addresses it holds
     * @param eligibleNodes the nodes that run an instance of it, sorted by name (may be empty: then no node runs it)
     */
    record Valid(Allocation allocation, List<String> eligibleNodes) implements Verdict {
        /** Copies the list. */
        public Valid {
            eligibleNodes = List.copyOf(eligibleNodes);
        }
    }

    /**
     * The VirtualIP breaks a rule: nothing is rendered for it, it holds no address or VRID.
     *
     * @param problems at least one, the first is the condition's reason
     */
    record Invalid(List<Problem> problems) implements Verdict {
        /** Copies the list; there is at least one problem. */
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an Invalid verdict names at least one problem");
            }
        }
    }
}
