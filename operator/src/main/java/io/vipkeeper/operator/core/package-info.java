/**
 * The operator's pure core: from the cluster as plain values ({@link io.vipkeeper.operator.core.ClusterView}) to
 * what must be written ({@link io.vipkeeper.operator.core.Plan}: a verdict per VirtualIP, the spec of every node's
 * VirtualIPNode, every pool's status), and from the agents' per-node reports to VirtualIP.status
 * ({@link io.vipkeeper.operator.core.StatusAggregator}). No Kubernetes client, no clock reads (times are passed in),
 * no threads; the inputs are never changed; the same input gives the same output in any list order.
 *
 * <p>The rules are listed on {@link io.vipkeeper.operator.core.Planner}; the reasons of problems and conditions are
 * the constants of {@link io.vipkeeper.operator.core.Reasons}. Decisions worth knowing:
 * <ul>
 *   <li>Addresses are unique in the whole cluster (pools may overlap), VRIDs within a pool (the pool is the LAN
 *       unit; pools that share a LAN should have disjoint VRID ranges).</li>
 *   <li>A conflict goes to the VirtualIP that already runs with the value (its status records it), then to the
 *       older one (creationTimestamp, then namespace/name). An established VirtualIP is never disturbed by a
 *       newcomer, even an older one whose spec changed.</li>
 *   <li>Allocation is lowest free first: addresses from the pool's CIDRs in the order listed (every address of a
 *       block counts, network and broadcast addresses included: the pool lists what may float, not a subnet),
 *       written as /32 or /128; VRIDs from the pool's range.</li>
 *   <li>Priorities of non-preferred nodes are distinct: defaultPriority downwards in rendezvous-hash order of
 *       (VirtualIP, node), so masters spread over nodes and a node's arrival or departure keeps the others' relative
 *       order.</li>
 *   <li>Being deleted (deletionTimestamp): no verdict, rendered nowhere, but its recorded allocation stays reserved
 *       while the object exists.</li>
 * </ul>
 */
package io.vipkeeper.operator.core;
