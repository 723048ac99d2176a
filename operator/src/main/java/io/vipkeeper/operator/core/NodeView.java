package io.vipkeeper.operator.core;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes Node as the planner needs it, as plain values.
 *
 * @param name        the Node's name (also the name of its VirtualIPNode)
 * @param labels      the Node's labels (matched against a pool's nodeSelector)
 * @param ready       the Node's Ready condition is True
 * @param internalIPs the Node's {@code status.addresses} of type InternalIP, in the order the Node lists them (the
 *                    first of a family is the unicast peer address of that family)
 */
public record NodeView(String name, Map<String, String> labels, boolean ready, List<String> internalIPs) {

    /** Copies the collections; null labels or addresses count as none. */
    public NodeView {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        internalIPs = internalIPs == null ? List.of() : List.copyOf(internalIPs);
    }
}
