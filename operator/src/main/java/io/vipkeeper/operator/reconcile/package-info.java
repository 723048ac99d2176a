/**
 * The Kubernetes side of the operator: JOSDK controllers over one shared {@link
 * io.vipkeeper.operator.reconcile.ClusterCache}.
 *
 * <h2>Controllers and triggers</h2>
 * <ul>
 *   <li>{@link io.vipkeeper.operator.reconcile.NodeConfigReconciler} (primary: Node) writes the node's
 *       {@code VirtualIPNode} spec from the plan.</li>
 *   <li>{@link io.vipkeeper.operator.reconcile.VirtualIPReconciler} (primary: VirtualIP, finalizer) writes the
 *       status from the verdict and the agents' reports, records Events, and holds a deleted VirtualIP until no node
 *       config holds it.</li>
 *   <li>{@link io.vipkeeper.operator.reconcile.VirtualIPPoolReconciler} (primary: VirtualIPPool, finalizer) writes
 *       the pool's counts and refuses the deletion of a pool in use.</li>
 *   <li>{@link io.vipkeeper.operator.reconcile.ServiceReconciler} (primary: Service) makes and removes a Service's
 *       VirtualIP and writes its ingress.</li>
 * </ul>
 * The plan ({@code Planner.plan}) is a function of the whole cluster, so it is computed once per change of the
 * shared cache, not once per reconcile; every change reaches the controllers it can affect through
 * {@link io.vipkeeper.operator.reconcile.ClusterTriggers} (JOSDK inbound event sources), after the cache holds it.
 * JOSDK still gives what it is good at: one reconcile at a time per object, coalesced bursts, retries with backoff,
 * finalizers and leader election.
 *
 * <h2>Writes</h2>
 * Each writer compares what it would write with what the object holds and writes only a difference; a write the
 * informer has not echoed yet is not repeated. Sections that hold lists are written whole, with a JSON Patch
 * {@code add} (correct on every server, including the mock server whose merge patch appends lists). Unchanged
 * inputs — an agent heartbeat, a report that moves nothing — write nothing.
 */
package io.vipkeeper.operator.reconcile;
