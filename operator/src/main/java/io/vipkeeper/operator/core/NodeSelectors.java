package io.vipkeeper.operator.core;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Kubernetes label selector semantics (matchLabels AND matchExpressions), as plain code. */
final class NodeSelectors {

    private NodeSelectors() {
    }

    /** What is wrong with a selector (an unknown operator, values where none belong), or empty. */
    static Optional<String> problem(LabelSelector selector) {
        if (selector == null || selector.getMatchExpressions() == null) {
            return Optional.empty();
        }
        List<String> wrong = new ArrayList<>();
        for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
            boolean hasValues = r.getValues() != null && !r.getValues().isEmpty();
            String op = r.getOperator();
            if (r.getKey() == null || r.getKey().isEmpty()) {
                wrong.add("a matchExpression has no key");
            } else if ("In".equals(op) || "NotIn".equals(op)) {
                if (!hasValues) {
                    wrong.add("matchExpression " + r.getKey() + " " + op + " needs values");
                }
            } else if ("Exists".equals(op) || "DoesNotExist".equals(op)) {
                if (hasValues) {
                    wrong.add("matchExpression " + r.getKey() + " " + op + " takes no values");
                }
            } else {
                wrong.add("matchExpression " + r.getKey() + " has unknown operator '" + op
                        + "' (In, NotIn, Exists, DoesNotExist)");
            }
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
    }

    /** The labels satisfy the selector; a null selector selects everything. Call only when {@link #problem} is empty. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> labels.containsKey(r.getKey());
                    case "DoesNotExist" -> !labels.containsKey(r.getKey());
                    default -> false;
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
