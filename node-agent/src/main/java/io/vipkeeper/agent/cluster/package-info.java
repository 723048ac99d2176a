/**
 * The agent's cluster mode (DESIGN.md §3): this node's {@code VirtualIPNode} spec in, its status out.
 *
 * <ul>
 *   <li>{@link io.vipkeeper.agent.cluster.NodeSpecMapper} (pure): spec + {@link
 *       io.vipkeeper.agent.cluster.NodeInterfaces} → {@code AgentConfig} through the standalone loader's rules,
 *       with per-instance problems (a bad instance is left out, the others run).</li>
 *   <li>{@link io.vipkeeper.agent.cluster.NodeStatusBuilder} (pure): {@code AgentSnapshot} → status.</li>
 *   <li>{@link io.vipkeeper.agent.cluster.NodeAgent} (I/O): the watch on its own object and the status writes.</li>
 *   <li>{@link io.vipkeeper.agent.cluster.ClusterMode}: {@code vipkeeper-agent --kubernetes}.</li>
 * </ul>
 */
package io.vipkeeper.agent.cluster;
