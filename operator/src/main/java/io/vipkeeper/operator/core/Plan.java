package io.vipkeeper.operator.core;

import io.vipkeeper.api.v1alpha1.VirtualIPNodeSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPPoolStatus;

import java.util.Map;

/**
 * The outcome of {@link Planner#plan(ClusterView)}. All maps are sorted by key.
 *
 * @param verdicts     per VirtualIP ("namespace/name"), except those being deleted
 * @param nodeSpecs    per node name: the spec of its VirtualIPNode; an entry for EVERY node of the view (an empty
 *                     instance list for a node that runs nothing)
 * @param poolStatuses per pool name: counts and conditions
 */
public record Plan(Map<String, Verdict> verdicts, Map<String, VirtualIPNodeSpec> nodeSpecs,
                   Map<String, VirtualIPPoolStatus> poolStatuses) {
}
