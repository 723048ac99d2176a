package io.vipkeeper.operator.core;

import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.vipkeeper.operator.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 VirtualIPs over two pools, created one by one in a random order (each creation is followed by a plan whose
 * allocations the operator records in the statuses), or all at once: no two share an address, no two of a pool
 * share a VRID, everything lies inside its pool, and an allocation never moves once made.
 */
class AllocationPropertyTest {

    private static final int COUNT = 200;

    private static List<VirtualIPPool> pools() {
        return List.of(vrids(pool("p1", "10.199.0.0/24", "fd00:199::/120"), 1, 255),
                vrids(pool("p2", "10.199.1.0/25"), 100, 199));
    }

    private static List<NodeView> nodes() {
        return List.of(node("n1"), node("n2"), node("n3"));
    }

    /** VirtualIP i of the scenario; a few ask for a given address or VRID (which may clash). */
    private static VirtualIP virtualIp(int i, int createdAt, Random random) {
        String pool = i % 3 == 0 ? "p2" : "p1";
        VirtualIP v = vip("ns" + (i % 7), String.format("vip-%03d", i), pool, createdAt);
        if (i % 11 == 0) {
            withAddresses(v, pool.equals("p1") ? "10.199.0." + random.nextInt(256) + "/32"
                    : "10.199.1." + random.nextInt(128) + "/32");
        }
        if (i % 13 == 0) {
            withVrid(v, pool.equals("p1") ? 1 + random.nextInt(255) : 100 + random.nextInt(100));
        }
        if (i % 17 == 0 && pool.equals("p1")) {
            withAddresses(v, "fd00:199::" + Integer.toHexString(random.nextInt(256)) + "/128");
        }
        return v;
    }

    @Property(tries = 5)
    void createdOneByOneInRandomOrder(@ForAll long seed) {
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);

        List<VirtualIP> existing = new ArrayList<>();
        Map<String, Allocation> firstAllocation = new HashMap<>();
        Plan plan = null;
        for (int step = 0; step < COUNT; step++) {
            existing.add(virtualIp(order.get(step), step, random));
            plan = Planner.plan(view(pools(), existing, nodes()));
            assertUniqueAndInside(plan);
            for (VirtualIP v : existing) {
                Verdict verdict = plan.verdicts().get(key(v));
                if (verdict instanceof Verdict.Valid valid) {
                    Allocation earlier = firstAllocation.putIfAbsent(key(v), valid.allocation());
                    assertThat(valid.allocation()).as("allocation of %s never moves", key(v))
                            .isEqualTo(earlier == null ? valid.allocation() : earlier);
                } else {
                    assertThat(firstAllocation).as("%s lost its allocation", key(v)).doesNotContainKey(key(v));
                }
                recordAllocation(v, verdict);
            }
        }
        // with every allocation recorded, planning again changes nothing, in any order of the input
        Plan again = Planner.plan(view(pools(), existing, nodes()));
        assertThat(again).isEqualTo(plan);
        List<VirtualIP> shuffled = new ArrayList<>(existing);
        Collections.shuffle(shuffled, random);
        assertThat(Planner.plan(view(pools(), shuffled, nodes()))).isEqualTo(plan);
        // only clashes of given addresses/VRIDs are invalid: at least the 200 - (given ones) are valid
        long valid = plan.verdicts().values().stream().filter(Verdict.Valid.class::isInstance).count();
        assertThat(valid).isGreaterThanOrEqualTo(COUNT - COUNT / 11 - COUNT / 13 - COUNT / 17 - 3);
    }

    @Property(tries = 10)
    void createdAllAtOnce(@ForAll long seed) {
        Random random = new Random(seed);
        List<VirtualIP> all = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            // many share a creation second, as with 200 concurrent creations
            all.add(virtualIp(i, random.nextInt(5), random));
        }
        Plan plan = Planner.plan(view(pools(), all, nodes()));
        assertUniqueAndInside(plan);
        assertThat(plan.verdicts()).hasSize(COUNT);
        Collections.shuffle(all, random);
        assertThat(Planner.plan(view(pools(), all, nodes()))).isEqualTo(plan);
        // every node runs every valid VirtualIP exactly once
        long valid = plan.verdicts().values().stream().filter(Verdict.Valid.class::isInstance).count();
        assertThat(plan.nodeSpecs().get("n1").getInstances()).hasSize((int) valid);
        var p1 = plan.poolStatuses().get("p1");
        var p2 = plan.poolStatuses().get("p2");
        assertThat(p1.getAddressesTotal()).isEqualTo(256 + 256);
        assertThat(p2.getAddressesTotal()).isEqualTo(128);
        assertThat(p1.getVirtualRouterIdsInUse() + p2.getVirtualRouterIdsInUse()).isEqualTo((int) valid);
        assertThat(p1.getAddressesInUse() + p2.getAddressesInUse()).isEqualTo(valid);
        assertThat(p2.getVirtualRouterIdsFree()).isEqualTo(100 - p2.getVirtualRouterIdsInUse());
    }

    private static void assertUniqueAndInside(Plan plan) {
        Map<String, String> vridOwner = new HashMap<>();
        Set<IpAddress> addresses = new HashSet<>();
        Map<String, String> poolOf = new HashMap<>();
        for (var entry : plan.verdicts().entrySet()) {
            if (!(entry.getValue() instanceof Verdict.Valid valid)) {
                continue;
            }
            int vrid = valid.allocation().virtualRouterId();
            // which pool: from the rendered instance's interface is not enough; the address tells
            IpAddress first = Cidr.parse(valid.allocation().addresses().getFirst()).orElseThrow().address();
            String pool = Cidr.parse("10.199.1.0/25").orElseThrow().contains(first) ? "p2" : "p1";
            poolOf.put(entry.getKey(), pool);
            assertThat(vridOwner.put(pool + "#" + vrid, entry.getKey()))
                    .as("VRID %d of pool %s held twice", vrid, pool).isNull();
            if (pool.equals("p2")) {
                assertThat(vrid).isBetween(100, 199);
            } else {
                assertThat(vrid).isBetween(1, 255);
            }
            for (String a : valid.allocation().addresses()) {
                IpAddress ip = Cidr.parse(a).orElseThrow().address();
                assertThat(addresses.add(ip)).as("address %s held twice", ip).isTrue();
                boolean inside = pool.equals("p2") ? Cidr.parse("10.199.1.0/25").orElseThrow().contains(ip)
                        : Cidr.parse("10.199.0.0/24").orElseThrow().contains(ip)
                        || Cidr.parse("fd00:199::/120").orElseThrow().contains(ip);
                assertThat(inside).as("%s inside %s", ip, pool).isTrue();
            }
        }
        assertThat(poolOf).isNotEmpty();
    }
}
