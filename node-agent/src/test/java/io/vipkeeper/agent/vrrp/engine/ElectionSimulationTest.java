package io.vipkeeper.agent.vrrp.engine;

import static io.vipkeeper.agent.vrrp.engine.Fixtures.ADDR_1;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.ADDR_2;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.ADDR_3;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.SECOND;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.v3;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.vrrp.engine.LanSimulator.Advert;
import io.vipkeeper.agent.vrrp.engine.LanSimulator.Transition;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three instances on a simulated LAN, 1 s adverts, all started at t = 0: A (priority 200, 10.199.0.1),
 * B (150, .2), C (100, .3). Every expected instant is worked out by hand from RFC 9568 §6.1:
 *
 * <pre>
 *   Master_Down_Interval = 3 s + (256 − p) / 256 s
 *   A: 3 s + 56/256 s  = 3.218 750 000 s
 *   B: 3 s + 106/256 s = 3.414 062 500 s
 *   C: 3 s + 156/256 s = 3.609 375 000 s
 * </pre>
 */
class ElectionSimulationTest {

    static final long MDI_A = 3_218_750_000L;
    static final long MDI_B = 3_414_062_500L;
    static final long SKEW_B = 414_062_500L;

    /** A wins the election when its Master_Down_Timer fires first (365). */
    static final long A_MASTER = MDI_A;
    /** A's adverts: A_MASTER + k s. The last one before 10 s is at 9.21875 s. */
    static final long A_LAST_ADVERT_BEFORE_10S = A_MASTER + 6 * SECOND;

    final LanSimulator lan = new LanSimulator();

    @BeforeEach
    void threeRouters() {
        lan.add("A", v3(200, 100, ADDR_1));
        lan.add("B", v3(150, 100, ADDR_2));
        lan.add("C", v3(100, 100, ADDR_3));
        lan.startAt("A", 0);
        lan.startAt("B", 0);
        lan.startAt("C", 0);
    }

    @Test
    void electionTheHighestPriorityTimesOutFirstAndTheOthersFollowIt() {
        lan.runUntil(10 * SECOND);

        assertThat(lan.masters()).containsExactly("A");
        assertThat(lan.transitionsOf("A")).containsExactly(
                new Transition(0, "A", NotifyState.BACKUP, 200),
                new Transition(3_218_750_000L, "A", NotifyState.MASTER, 200));
        assertThat(lan.transitionsOf("B")).containsExactly(new Transition(0, "B", NotifyState.BACKUP, 150));
        assertThat(lan.transitionsOf("C")).containsExactly(new Transition(0, "C", NotifyState.BACKUP, 100));
        // (370) then (685) every second: 3.21875, 4.21875, …, 9.21875 s.
        assertThat(lan.adverts()).containsExactlyElementsOf(LongStream.rangeClosed(0, 6)
                .mapToObj(k -> new Advert(A_MASTER + k * SECOND, "A", 200))
                .toList());
        // (460) B and C reset their Master_Down_Timer on every advert from A.
        assertThat(lan.instance("B").masterDownDeadline()).isEqualTo(A_LAST_ADVERT_BEFORE_10S + MDI_B);
    }

    @Test
    void killOfTheMasterTheNextPriorityTakesOverOneMasterDownIntervalAfterTheLastAdvert() {
        lan.killAt("A", 10 * SECOND);
        lan.runUntil(20 * SECOND);

        long bMaster = A_LAST_ADVERT_BEFORE_10S + MDI_B; // 9.21875 s + 3.4140625 s = 12.6328125 s
        assertThat(bMaster).isEqualTo(12_632_812_500L);
        assertThat(lan.masters()).containsExactly("B");
        assertThat(lan.transitionsOf("B")).containsExactly(
                new Transition(0, "B", NotifyState.BACKUP, 150),
                new Transition(12_632_812_500L, "B", NotifyState.MASTER, 150));
        assertThat(lan.transitionsOf("C")).hasSize(1); // C never leaves Backup: B's advert resets it first
        assertThat(lan.adverts().stream().filter(a -> a.from().equals("B")).map(Advert::time).toList())
                .containsExactly(12_632_812_500L, 13_632_812_500L, 14_632_812_500L, 15_632_812_500L,
                        16_632_812_500L, 17_632_812_500L, 18_632_812_500L, 19_632_812_500L);
    }

    @Test
    void gracefulShutdownOfTheMasterBackupTakesOverAfterSkewTime() {
        lan.shutdownAt("A", 10 * SECOND);
        lan.runUntil(20 * SECOND);

        // (665) A sends priority 0 at 10 s; (430) B's timer = Skew_Time = 106/256 s.
        assertThat(lan.adverts()).contains(new Advert(10 * SECOND, "A", 0));
        assertThat(lan.transitionsOf("A")).last().isEqualTo(new Transition(10 * SECOND, "A", NotifyState.STOP, 200));
        assertThat(lan.transitionsOf("B")).last()
                .isEqualTo(new Transition(10 * SECOND + SKEW_B, "B", NotifyState.MASTER, 150));
        assertThat(10 * SECOND + SKEW_B).isEqualTo(10_414_062_500L);
        assertThat(lan.masters()).containsExactly("B");
    }

    @Test
    void preemptionWithoutDelayTheRestartedHighestPriorityTakesOverAtItsOwnTimeout() {
        lan.killAt("A", 10 * SECOND);
        lan.restartAt("A", 20 * SECOND);
        long aMaster = 20 * SECOND + MDI_A; // (470) B's lower-priority adverts are discarded: 23.21875 s

        lan.runUntil(aMaster - 1);
        assertThat(lan.masters()).containsExactly("B");
        lan.runUntil(30 * SECOND);

        assertThat(lan.masters()).containsExactly("A");
        assertThat(lan.transitionsOf("A")).endsWith(
                new Transition(20 * SECOND, "A", NotifyState.BACKUP, 200),
                new Transition(23_218_750_000L, "A", NotifyState.MASTER, 200));
        // (725)-(765) B yields the instant A's first advert reaches it.
        assertThat(lan.transitionsOf("B")).last()
                .isEqualTo(new Transition(23_218_750_000L, "B", NotifyState.BACKUP, 150));
    }

    @Test
    void preemptionWithDelayTakesOverExactlyTheDelayLaterThanWithout() {
        LanSimulator delayed = new LanSimulator();
        delayed.add("A", v3(200, 100, ADDR_1).withPreempt(true, 2 * SECOND));
        delayed.add("B", v3(150, 100, ADDR_2));
        delayed.add("C", v3(100, 100, ADDR_3));
        delayed.startAt("A", 0);
        delayed.startAt("B", 0);
        delayed.startAt("C", 0);
        delayed.killAt("A", 10 * SECOND);
        delayed.restartAt("A", 20 * SECOND);

        long withoutDelay = 20 * SECOND + MDI_A;
        long aMaster = withoutDelay + 2 * SECOND; // 25.21875 s
        delayed.runUntil(aMaster - 1);
        assertThat(delayed.masters()).containsExactly("B");
        // While waiting A follows B: its Master_Down_Timer is reset by B's adverts (every x.6328125 s).
        assertThat(delayed.instance("A").masterDownDeadline()).isEqualTo(24_632_812_500L + MDI_A);
        assertThat(delayed.instance("A").preemptDeadline()).isEqualTo(25_218_750_000L);

        delayed.runUntil(30 * SECOND);
        assertThat(delayed.masters()).containsExactly("A");
        assertThat(delayed.transitionsOf("A")).last()
                .isEqualTo(new Transition(25_218_750_000L, "A", NotifyState.MASTER, 200));
        assertThat(delayed.transitionsOf("B")).last()
                .isEqualTo(new Transition(25_218_750_000L, "B", NotifyState.BACKUP, 150));
    }

    @Test
    void nopreemptTheRestartedHighestPriorityStaysBackup() {
        LanSimulator lazy = new LanSimulator();
        lazy.add("A", v3(200, 100, ADDR_1).withPreempt(false, 0));
        lazy.add("B", v3(150, 100, ADDR_2));
        lazy.startAt("A", 0);
        lazy.startAt("B", 0);
        lazy.killAt("A", 10 * SECOND);
        lazy.restartAt("A", 20 * SECOND);
        lazy.runUntil(120 * SECOND);

        assertThat(lazy.masters()).containsExactly("B");
        assertThat(lazy.transitionsOf("A")).last()
                .isEqualTo(new Transition(20 * SECOND, "A", NotifyState.BACKUP, 200));
    }

    @Test
    void splitBrainBothMasterWhileCutExactlyOneAfterHeal() {
        lan.cutAt("A", "B", 10 * SECOND);
        lan.runUntil(15 * SECOND);

        // B stops hearing A after 9.21875 s: Master at 12.6328125 s while A stays Master.
        assertThat(lan.masters()).containsExactly("A", "B");
        assertThat(lan.transitionsOf("B")).last()
                .isEqualTo(new Transition(12_632_812_500L, "B", NotifyState.MASTER, 150));
        // C hears both and follows (445): no third Master.
        assertThat(lan.transitionsOf("C")).hasSize(1);

        lan.healAt("A", "B", 20 * SECOND);
        long firstAdvertAfterHeal = A_MASTER + 17 * SECOND; // 20.21875 s
        lan.runUntil(firstAdvertAfterHeal + MDI_B + SECOND);

        assertThat(lan.masters()).containsExactly("A");
        assertThat(lan.transitionsOf("B")).last()
                .isEqualTo(new Transition(20_218_750_000L, "B", NotifyState.BACKUP, 150));
        assertThat(lan.transitionsOf("A")).hasSize(2); // A never left Master
    }

    @Test
    void equalPrioritiesStartedTogetherTheHigherAddressWins() {
        LanSimulator twins = new LanSimulator();
        twins.add("low", v3(100, 100, ADDR_1));
        twins.add("high", v3(100, 100, ADDR_2));
        twins.startAt("low", 0);
        twins.startAt("high", 0);
        twins.runUntil(10 * SECOND);

        long bothTimeOut = 3_609_375_000L; // 3 s + 156/256 s, the same for both
        assertThat(twins.masters()).containsExactly("high");
        // Both become Master at the same instant; (735) the lower address yields to the higher at once.
        assertThat(twins.transitionsOf("low")).containsExactly(
                new Transition(0, "low", NotifyState.BACKUP, 100),
                new Transition(bothTimeOut, "low", NotifyState.MASTER, 100),
                new Transition(bothTimeOut, "low", NotifyState.BACKUP, 100));
        assertThat(twins.transitionsOf("high")).containsExactly(
                new Transition(0, "high", NotifyState.BACKUP, 100),
                new Transition(bothTimeOut, "high", NotifyState.MASTER, 100));
    }

    @Test
    void checkFailureOnTheMasterLowersItsPriorityAndThePreemptingBackupTakesOver() {
        // At 10 s a weight −60 check on A goes KO: 200 − 60 = 140 < 150.
        lan.eventAt("A", VrrpEvent.ChecksChanged.of(
                EffectivePriority.compute(200, List.of(new EffectivePriority.TrackedCheck(-60, false)))),
                10 * SECOND);
        lan.runUntil(20 * SECOND);

        // A advertises 140 at once; B (preempting) discards it (470), so B times out 3.4140625 s after the
        // last advert it accepted (A's at 9.21875 s), and A yields to B's first advert (725).
        assertThat(lan.adverts()).contains(new Advert(10 * SECOND, "A", 140));
        assertThat(lan.masters()).containsExactly("B");
        assertThat(lan.transitionsOf("B")).last()
                .isEqualTo(new Transition(12_632_812_500L, "B", NotifyState.MASTER, 150));
        assertThat(lan.transitionsOf("A")).last()
                .isEqualTo(new Transition(12_632_812_500L, "A", NotifyState.BACKUP, 140));
    }
}
