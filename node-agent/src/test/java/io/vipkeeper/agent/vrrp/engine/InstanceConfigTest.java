package io.vipkeeper.agent.vrrp.engine;

import static io.vipkeeper.agent.vrrp.engine.Fixtures.ADDR_1;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.SECOND;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import io.vipkeeper.agent.vrrp.engine.InstanceConfig.Problem;
import org.junit.jupiter.api.Test;

/** §6.1 parameter ranges as typed problems, and the instance's timer bookkeeping. */
class InstanceConfigTest {

    @Test
    void validConfigurationsHaveNoProblems() {
        assertThat(InstanceConfig.problems(VrrpVersion.V3, 255, 1, 0, ADDR_1)).isEmpty();
        assertThat(InstanceConfig.problems(VrrpVersion.V3, 1, 4095, 0, new byte[16])).isEmpty();
        assertThat(InstanceConfig.problems(VrrpVersion.V2, 100, 25500, 0, ADDR_1)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAsATypedReason() {
        assertThat(InstanceConfig.problems(VrrpVersion.V3, 0, 4096, -1, new byte[5])).containsExactly(
                Problem.PRIORITY_OUT_OF_RANGE, Problem.INTERVAL_OUT_OF_RANGE, Problem.NEGATIVE_PREEMPT_DELAY,
                Problem.BAD_PRIMARY_ADDRESS);
        assertThat(InstanceConfig.problems(VrrpVersion.V3, 256, 0, 0, null))
                .containsExactly(Problem.PRIORITY_OUT_OF_RANGE, Problem.INTERVAL_OUT_OF_RANGE,
                        Problem.BAD_PRIMARY_ADDRESS);
        assertThat(InstanceConfig.problems(VrrpVersion.V2, 100, 150, 0, ADDR_1))
                .containsExactly(Problem.V2_INTERVAL_NOT_WHOLE_SECONDS);
        assertThat(InstanceConfig.problems(null, 100, 100, 0, ADDR_1)).containsExactly(Problem.VERSION_MISSING);
    }

    @Test
    void theConstructorRefusesAnInvalidConfiguration() {
        assertThatThrownBy(() -> InstanceConfig.v3(0, 100, ADDR_1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRIORITY_OUT_OF_RANGE");
    }

    @Test
    void theAddressIsCopiedInAndOut() {
        byte[] address = ADDR_1.clone();
        InstanceConfig config = InstanceConfig.v3(100, 100, address);
        address[3] = 99;
        config.primaryAddress()[3] = 98;
        assertThat(config.primaryAddress()).containsExactly(ADDR_1);
        assertThat(config).isEqualTo(InstanceConfig.v3(100, 100, ADDR_1.clone()));
    }

    @Test
    void nextDeadlineIsTheEarliestArmedTimer() {
        InstanceState initial = InstanceState.initial(InstanceConfig.v3(100, 100, ADDR_1).withPreempt(true, SECOND));
        assertThat(initial.nextDeadline()).isEmpty();
        assertThat(initial.nextTimer()).isNull();

        InstanceState backup = Fixtures.started(initial.config());
        assertThat(backup.nextDeadline()).hasValue(T0 + 3_609_375_000L);
        assertThat(backup.nextTimer()).isEqualTo(TimerKind.MASTER_DOWN);

        // A lower-priority Master at T0 + 0.5 s: the preempt delay ends 1 s after the old deadline,
        // T0 + 4.609375 s; the reset Master_Down_Timer is T0 + 0.5 s + 3.609375 s = T0 + 4.109375 s.
        InstanceState waiting = Fixtures.step(backup, Fixtures.advert(50, 100, Fixtures.ADDR_2), T0 + SECOND / 2)
                .instance();
        assertThat(waiting.preemptDeadline()).isEqualTo(T0 + 4_609_375_000L);
        assertThat(waiting.nextDeadline()).hasValue(T0 + 4_109_375_000L);
        assertThat(waiting.nextTimer()).isEqualTo(TimerKind.MASTER_DOWN);
    }

    @Test
    void eventsRejectOutOfRangeValues() {
        assertThatThrownBy(() -> new VrrpEvent.AdvertReceived(256, 100, ADDR_1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VrrpEvent.AdvertReceived(100, 0, ADDR_1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VrrpEvent.PriorityChanged(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VrrpEvent.SyncGroupRequest(VrrpState.FAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new VrrpEvent.AdvertReceived(1, 1, ADDR_1)).isEqualTo(new VrrpEvent.AdvertReceived(1, 1,
                ADDR_1.clone()));
    }
}
