package io.vipkeeper.operator.core;

import io.fabric8.kubernetes.api.model.Condition;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPPoolStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vipkeeper.operator.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Pool status: address and VRID counts, Ready and Exhausted conditions with stable transition times. */
class PoolStatusTest {

    @Test
    void countsAddressesAndVrids() {
        VirtualIPPool pool = vrids(pool("lan", "10.199.0.0/28", "10.199.0.100/32"), 10, 19);
        List<VirtualIP> vips = List.of(vip("shop", "a", "lan", 0), withAddresses(vip("shop", "b", "lan", 1),
                "10.199.0.100/32", "10.199.0.3/32"), vip("shop", "bad", "lan", 2));
        vips.get(2).getSpec().setVersion(7);
        VirtualIPPoolStatus status = Planner.plan(view(List.of(pool), vips, List.of(node("n1")))).poolStatuses().get("lan");
        assertThat(status.getAddressesTotal()).isEqualTo(17);
        assertThat(status.getAddressesInUse()).isEqualTo(3);
        assertThat(status.getAddressesFree()).isEqualTo(14);
        assertThat(status.getVirtualRouterIdsInUse()).isEqualTo(2);
        assertThat(status.getVirtualRouterIdsFree()).isEqualTo(8);
        assertThat(Conditions.find(status.getConditions(), "Ready").getStatus()).isEqualTo("True");
        assertThat(Conditions.find(status.getConditions(), "Exhausted").getStatus()).isEqualTo("False");
    }

    @Test
    void hugeIpv6BlocksSaturate() {
        // 2^64 + 2^127 addresses: more than a long holds
        VirtualIPPool pool = pool("v6", "fd00:199::/64", "::/1");
        VirtualIPPoolStatus status = Planner.plan(view(List.of(pool), List.of(vip("shop", "a", "v6", 0)), List.of()))
                .poolStatuses().get("v6");
        assertThat(status.getAddressesTotal()).isEqualTo(Long.MAX_VALUE);
        assertThat(status.getAddressesFree()).isEqualTo(Long.MAX_VALUE);
        assertThat(status.getAddressesInUse()).isEqualTo(1);
        assertThat(Conditions.find(status.getConditions(), "Ready").getStatus()).isEqualTo("True");
    }

    @Test
    void exhaustedAndTransitionTimes() {
        VirtualIPPool pool = vrids(pool("lan", "10.199.0.0/24"), 1, 2);
        List<VirtualIP> two = List.of(vip("shop", "a", "lan", 0), vip("shop", "b", "lan", 1));
        VirtualIPPoolStatus first = Planner.plan(view(List.of(pool), two, List.of()), T0).poolStatuses().get("lan");
        Condition exhausted = Conditions.find(first.getConditions(), "Exhausted");
        assertThat(exhausted.getStatus()).isEqualTo("True");
        assertThat(exhausted.getReason()).isEqualTo(Reasons.VIRTUAL_ROUTER_IDS_EXHAUSTED);
        assertThat(exhausted.getLastTransitionTime()).isEqualTo("2026-11-25T18:00:00Z");

        // the pool now carries that status; a later plan with the same usage keeps the times
        pool.setStatus(first);
        VirtualIPPoolStatus same = Planner.plan(view(List.of(pool), two, List.of()), T0.plusSeconds(60))
                .poolStatuses().get("lan");
        assertThat(same).isEqualTo(first);

        // one VirtualIP goes: Exhausted moves, Ready does not
        VirtualIPPoolStatus freed = Planner.plan(view(List.of(pool), two.subList(0, 1), List.of()), T0.plusSeconds(90))
                .poolStatuses().get("lan");
        assertThat(Conditions.find(freed.getConditions(), "Exhausted").getStatus()).isEqualTo("False");
        assertThat(Conditions.find(freed.getConditions(), "Exhausted").getLastTransitionTime())
                .isEqualTo("2026-11-25T18:01:30Z");
        assertThat(Conditions.find(freed.getConditions(), "Ready").getLastTransitionTime())
                .isEqualTo("2026-11-25T18:00:00Z");

        // without a time, a moving condition is left for the caller to stamp
        VirtualIPPoolStatus unstamped = Planner.plan(view(List.of(pool), two.subList(0, 1), List.of()))
                .poolStatuses().get("lan");
        assertThat(Conditions.find(unstamped.getConditions(), "Exhausted").getLastTransitionTime()).isNull();
        assertThat(Conditions.find(unstamped.getConditions(), "Ready").getLastTransitionTime())
                .isEqualTo("2026-11-25T18:00:00Z");
    }
}
