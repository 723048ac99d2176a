package io.vipkeeper.operator.core;

import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server holds, as plain values: the input of {@link Planner#plan(ClusterView)}. The order of the lists
 * does not matter (the plan is the same for any order).
 *
 * <p>The planner reads the objects and never changes them.
 *
 * <p>Services with {@code externalTrafficPolicy: Local}: {@code readyEndpointNodes} holds an entry for EXACTLY those
 * Services (key {@link #serviceKey(String, String) "namespace/name"}), with the names of the nodes that run a ready
 * endpoint of the Service (from its EndpointSlices; an empty set when there is none yet). A VirtualIP created for a
 * Service carries the label {@link io.vipkeeper.api.VipKeeper#LABEL_SERVICE_NAME} with the Service's name (same
 * namespace); when the map has an entry for that Service, only those nodes are eligible for the VirtualIP. A
 * Service with {@code externalTrafficPolicy: Cluster} has no entry, and every node of the pool is eligible.
 *
 * @param pools              every VirtualIPPool
 * @param virtualIPs         every VirtualIP (with its status: the allocations it already holds are kept)
 * @param nodes              every Node
 * @param namespaceLabels    labels per namespace name (for future namespace selectors; may be empty)
 * @param readyEndpointNodes per "namespace/service" of an {@code externalTrafficPolicy: Local} Service: the nodes
 *                           with a ready endpoint
 */
public record ClusterView(List<VirtualIPPool> pools, List<VirtualIP> virtualIPs, List<NodeView> nodes,
                          Map<String, Map<String, String>> namespaceLabels,
                          Map<String, Set<String>> readyEndpointNodes) {

    /** Copies the collections; null counts as empty. */
    public ClusterView {
        pools = pools == null ? List.of() : List.copyOf(pools);
        virtualIPs = virtualIPs == null ? List.of() : List.copyOf(virtualIPs);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        namespaceLabels = namespaceLabels == null ? Map.of() : Map.copyOf(namespaceLabels);
        readyEndpointNodes = readyEndpointNodes == null ? Map.of() : Map.copyOf(readyEndpointNodes);
    }

    /** The key of a Service in {@link #readyEndpointNodes()}: {@code namespace/name}. */
    public static String serviceKey(String namespace, String name) {
        return namespace + "/" + name;
    }
}
