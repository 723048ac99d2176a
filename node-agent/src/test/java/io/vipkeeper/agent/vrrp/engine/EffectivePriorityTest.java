package io.vipkeeper.agent.vrrp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.vrrp.engine.EffectivePriority.Result;
import io.vipkeeper.agent.vrrp.engine.EffectivePriority.TrackedCheck;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** keepalived's track_script weight arithmetic (keepalived.conf(5), "vrrp_script" and "priority"). */
class EffectivePriorityTest {

    static TrackedCheck ok(int weight) {
        return new TrackedCheck(weight, true);
    }

    static TrackedCheck ko(int weight) {
        return new TrackedCheck(weight, false);
    }

    @Test
    void noChecksLeavesTheBasePriority() {
        assertThat(EffectivePriority.compute(100, List.of())).isEqualTo(new Result(100, false));
    }

    @Test
    void positiveWeightIsAddedWhileOkOnly() {
        assertThat(EffectivePriority.compute(100, List.of(ok(20)))).isEqualTo(new Result(120, false));
        assertThat(EffectivePriority.compute(100, List.of(ko(20)))).isEqualTo(new Result(100, false));
    }

    @Test
    void negativeWeightIsSubtractedWhileKoOnly() {
        assertThat(EffectivePriority.compute(100, List.of(ko(-30)))).isEqualTo(new Result(70, false));
        assertThat(EffectivePriority.compute(100, List.of(ok(-30)))).isEqualTo(new Result(100, false));
    }

    @Test
    void weightZeroKoIsAFaultAndOkIsNothing() {
        assertThat(EffectivePriority.compute(100, List.of(ko(0)))).isEqualTo(new Result(100, true));
        assertThat(EffectivePriority.compute(100, List.of(ok(0)))).isEqualTo(new Result(100, false));
    }

    @Test
    void weightsCombine() {
        // 100 + 10 (ok) − 25 (ko) + 0 (ok −5) + 0 (ko +7) = 85
        assertThat(EffectivePriority.compute(100, List.of(ok(10), ko(-25), ok(-5), ko(7))))
                .isEqualTo(new Result(85, false));
    }

    @Test
    void clampedTo254NeverTheOwnersValue() {
        assertThat(EffectivePriority.compute(250, List.of(ok(10)))).isEqualTo(new Result(254, false));
        assertThat(EffectivePriority.compute(200, List.of(ok(253), ok(253)))).isEqualTo(new Result(254, false));
    }

    @Test
    void clampedTo1NeverZeroWhichMeansLeaving() {
        assertThat(EffectivePriority.compute(10, List.of(ko(-50)))).isEqualTo(new Result(1, false));
        assertThat(EffectivePriority.compute(1, List.of(ko(-253), ko(-253)))).isEqualTo(new Result(1, false));
    }

    @Test
    void ownerKeeps255WeightedChecksIgnoredButWeightZeroStillFaults() {
        assertThat(EffectivePriority.compute(255, List.of(ko(-100)))).isEqualTo(new Result(255, false));
        assertThat(EffectivePriority.compute(255, List.of(ok(10)))).isEqualTo(new Result(255, false));
        assertThat(EffectivePriority.compute(255, List.of(ko(-100), ko(0)))).isEqualTo(new Result(255, true));
    }

    @Property
    void nonOwnerResultAlwaysIn1To254(
            @ForAll @IntRange(min = 1, max = 254) int base,
            @ForAll @Size(max = 8) List<@IntRange(min = -253, max = 253) Integer> weights,
            @ForAll @Size(max = 8) List<Boolean> statuses) {
        List<TrackedCheck> checks = new ArrayList<>();
        long expected = base;
        boolean fault = false;
        for (int i = 0; i < weights.size(); i++) {
            boolean isOk = i < statuses.size() && statuses.get(i);
            int w = weights.get(i);
            checks.add(new TrackedCheck(w, isOk));
            if (w > 0 && isOk) {
                expected += w;
            } else if (w < 0 && !isOk) {
                expected += w;
            } else if (w == 0 && !isOk) {
                fault = true;
            }
        }
        Result result = EffectivePriority.compute(base, checks);
        assertThat(result.priority()).isBetween(1, 254);
        assertThat(result.priority()).isEqualTo((int) Math.max(1, Math.min(254, expected)));
        assertThat(result.fault()).isEqualTo(fault);
    }
}
