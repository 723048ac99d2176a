package io.vipkeeper.agent.vrrp.engine;

import static io.vipkeeper.agent.vrrp.engine.Fixtures.ADDR_1;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.ADDR_2;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.ADDR_3;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.ADDR_HIGH_BYTE;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.SECOND;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.T0;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.advert;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.masterByTimeout;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.started;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.step;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.v2;
import static io.vipkeeper.agent.vrrp.engine.Fixtures.v3;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.vrrp.engine.VrrpAction.ArmTimer;
import io.vipkeeper.agent.vrrp.engine.VrrpAction.CancelTimer;
import io.vipkeeper.agent.vrrp.engine.VrrpAction.Notify;
import io.vipkeeper.agent.vrrp.engine.VrrpAction.SendAdvert;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One case per line of RFC 9568 §6.4.1–§6.4.3 (the labels in parentheses), plus the checklist of
 * VRRP-RULES.md §2 and keepalived's FAULT / preempt_delay / startAsBackup. Each case starts from an instance
 * reached by real steps, applies one event, and compares the exact action list and state.
 */
class VrrpStateMachineTest {

    // Priority 100 at 100 cs: Master_Down_Interval = 3 s + 156 × 100 cs / 256 = 3 s + 609.375 ms.
    static final long MDI_100_AT_1S = 3_609_375_000L;
    static final long SKEW_100_AT_1S = 609_375_000L;

    static final InstanceConfig OWNER = v3(255, 100, ADDR_1);
    static final InstanceConfig P100 = v3(100, 100, ADDR_2);
    static final InstanceConfig P100_NOPREEMPT = P100.withPreempt(false, 0L);
    static final InstanceConfig P100_DELAY_5S = P100.withPreempt(true, 5 * SECOND);

    /** Master through its Master_Down_Timer at T0 + MDI. */
    static final long T_MASTER = T0 + MDI_100_AT_1S;

    record Case(
            String name,
            InstanceState given,
            VrrpEvent event,
            long now,
            List<VrrpAction> expectedActions,
            VrrpState expectedState,
            Consumer<InstanceState> more) {}

    static Case rfc(String name, InstanceState given, VrrpEvent event, long now, List<VrrpAction> actions,
            VrrpState state) {
        return new Case(name, given, event, now, actions, state, after -> {});
    }

    static Case rfc(String name, InstanceState given, VrrpEvent event, long now, List<VrrpAction> actions,
            VrrpState state, Consumer<InstanceState> more) {
        return new Case(name, given, event, now, actions, state, more);
    }

    static ArmTimer arm(TimerKind kind, long deadline) {
        return new ArmTimer(kind, deadline);
    }

    static CancelTimer cancel(TimerKind kind) {
        return new CancelTimer(kind);
    }

    @TestFactory
    Stream<DynamicTest> initialize_6_4_1() {
        return run(Stream.of(
                rfc("(105)(110)(120)(140)(145) Startup, owner: InstallVips, advert, GARP, Adver_Timer, Master",
                        InstanceState.initial(OWNER), VrrpEvent.STARTUP, T0,
                        List.of(VrrpAction.INSTALL_VIPS, new SendAdvert(255, 100), VrrpAction.SEND_ANNOUNCEMENTS,
                                arm(TimerKind.ADVER, T0 + SECOND), new Notify(NotifyState.MASTER, 255)),
                        VrrpState.MASTER,
                        after -> assertThat(after.transitions()).isEqualTo(1)),
                rfc("(150)(155)(160)(165) Startup, priority 100: Master_Down_Timer = 3 s + 156/256 s, Backup",
                        InstanceState.initial(P100), VrrpEvent.STARTUP, T0,
                        List.of(arm(TimerKind.MASTER_DOWN, T0 + MDI_100_AT_1S), new Notify(NotifyState.BACKUP, 100)),
                        VrrpState.BACKUP,
                        after -> {
                            assertThat(after.masterAdverIntervalCentiseconds()).isEqualTo(100); // (155)
                            assertThat(after.masterDownDeadline()).isEqualTo(T0 + MDI_100_AT_1S);
                        }),
                rfc("(150)-(165) Startup, priority 100 at 10 ms: Master_Down_Timer = 30 ms + 156 × 1 cs / 256",
                        InstanceState.initial(v3(100, 1, ADDR_2)), VrrpEvent.STARTUP, T0,
                        List.of(arm(TimerKind.MASTER_DOWN, T0 + 30_000_000L + 6_093_750L),
                                new Notify(NotifyState.BACKUP, 100)),
                        VrrpState.BACKUP),
                rfc("keepalived state BACKUP: owner with startAsBackup → Backup, timer 3 s + 1/256 s",
                        InstanceState.initial(OWNER.withStartAsBackup(true)), VrrpEvent.STARTUP, T0,
                        List.of(arm(TimerKind.MASTER_DOWN, T0 + 3_003_906_250L), new Notify(NotifyState.BACKUP, 255)),
                        VrrpState.BACKUP),
                rfc("keepalived: Startup with a fault present → FAULT, no packets, no timers",
                        step(InstanceState.initial(P100), new VrrpEvent.FaultRaised(FaultReason.linkDown("eth0")),
                                T0).instance(),
                        VrrpEvent.STARTUP, T0,
                        List.of(new Notify(NotifyState.FAULT, 100)), VrrpState.FAULT,
                        after -> assertThat(after.nextDeadline()).isEmpty()),
                rfc("(100) Startup in Backup is not an event of that state: ignored",
                        started(P100), VrrpEvent.STARTUP, T0 + SECOND, List.of(), VrrpState.BACKUP),
                rfc("Initialize ignores adverts and timers",
                        InstanceState.initial(P100), advert(200, 100, ADDR_3), T0, List.of(), VrrpState.INITIALIZE),
                rfc("Initialize: Shutdown of an instance never started changes nothing, no STOP notify",
                        InstanceState.initial(P100), VrrpEvent.SHUTDOWN, T0, List.of(), VrrpState.INITIALIZE)));
    }

    @TestFactory
    Stream<DynamicTest> backup_6_4_2() {
        InstanceState backup = started(P100);
        long t = T0 + SECOND;
        return run(Stream.of(
                rfc("(345)(350)(355) Backup: Shutdown → cancel Master_Down_Timer, Initialize, STOP, no packets",
                        backup, VrrpEvent.SHUTDOWN, t,
                        List.of(cancel(TimerKind.MASTER_DOWN), new Notify(NotifyState.STOP, 100)),
                        VrrpState.INITIALIZE,
                        after -> assertThat(after.nextDeadline()).isEmpty()),
                rfc("(365)(370)(380)(405)(410) Backup: Master_Down_Timer fires → send advert, GARP, Adver_Timer,"
                                + " Master",
                        backup, VrrpEvent.MASTER_DOWN_TIMER_FIRED, T0 + MDI_100_AT_1S,
                        List.of(VrrpAction.INSTALL_VIPS, new SendAdvert(100, 100), VrrpAction.SEND_ANNOUNCEMENTS,
                                arm(TimerKind.ADVER, T0 + MDI_100_AT_1S + SECOND),
                                new Notify(NotifyState.MASTER, 100)),
                        VrrpState.MASTER,
                        after -> assertThat(after.isArmed(TimerKind.MASTER_DOWN)).isFalse()),
                rfc("(405) Adver_Timer uses the router's OWN Advertisement_Interval, not the learned one",
                        step(backup, advert(200, 50, ADDR_3), t).instance(), VrrpEvent.MASTER_DOWN_TIMER_FIRED,
                        t + 1_500_000_000L + 304_687_500L, // 3 × 50 cs + 156 × 50 cs / 256
                        List.of(VrrpAction.INSTALL_VIPS, new SendAdvert(100, 100), VrrpAction.SEND_ANNOUNCEMENTS,
                                arm(TimerKind.ADVER, t + 1_804_687_500L + SECOND),
                                new Notify(NotifyState.MASTER, 100)),
                        VrrpState.MASTER),
                rfc("(365) a Master_Down_Timer event before its deadline is stale: ignored",
                        backup, VrrpEvent.MASTER_DOWN_TIMER_FIRED, T0 + MDI_100_AT_1S - 1, List.of(),
                        VrrpState.BACKUP),
                rfc("(425)(430) Backup: priority-0 advert → Master_Down_Timer = Skew_Time (156/256 s)",
                        backup, advert(0, 100, ADDR_3), t,
                        List.of(arm(TimerKind.MASTER_DOWN, t + SKEW_100_AT_1S)), VrrpState.BACKUP),
                rfc("(445)(450)(455)(460) Backup: higher priority, 50 cs → learn 50 cs, MDT = 1.5 s + 156×50cs/256",
                        backup, advert(200, 50, ADDR_3), t,
                        List.of(arm(TimerKind.MASTER_DOWN, t + 1_500_000_000L + 304_687_500L)), VrrpState.BACKUP,
                        after -> assertThat(after.masterAdverIntervalCentiseconds()).isEqualTo(50)),
                rfc("(445) Backup: equal priority from a LOWER address → reset, no tie-break in Backup",
                        backup, advert(100, 100, ADDR_1), t,
                        List.of(arm(TimerKind.MASTER_DOWN, t + MDI_100_AT_1S)), VrrpState.BACKUP),
                rfc("(445) Backup: equal priority from a HIGHER address → reset, no tie-break in Backup",
                        backup, advert(100, 100, ADDR_3), t,
                        List.of(arm(TimerKind.MASTER_DOWN, t + MDI_100_AT_1S)), VrrpState.BACKUP),
                rfc("(465)(470) Backup, preempt: lower-priority advert → discarded, timer NOT reset",
                        backup, advert(50, 100, ADDR_3), t, List.of(), VrrpState.BACKUP,
                        after -> assertThat(after.masterDownDeadline()).isEqualTo(T0 + MDI_100_AT_1S)),
                rfc("(445) Backup, Preempt_Mode false: lower-priority advert → accepted, timer reset",
                        started(P100_NOPREEMPT), advert(50, 100, ADDR_3), t,
                        List.of(arm(TimerKind.MASTER_DOWN, t + MDI_100_AT_1S)), VrrpState.BACKUP),
                rfc("§6.1 the owner always preempts: owner started as Backup with preempt off still discards",
                        started(OWNER.withStartAsBackup(true).withPreempt(false, 0L)), advert(254, 100, ADDR_3), t,
                        List.of(), VrrpState.BACKUP),
                rfc("RFC 3768 §6.4.2 v2 Backup keeps its configured interval (2 s): MDT = 6 s + 156/256 s",
                        started(v2(100, 200, ADDR_2)), advert(200, 300, ADDR_3), t,
                        List.of(arm(TimerKind.MASTER_DOWN, t + 6_609_375_000L)), VrrpState.BACKUP,
                        after -> assertThat(after.masterAdverIntervalCentiseconds()).isEqualTo(200)),
                rfc("(450) v3 Backup adopts the Master's interval (3 s): MDT = 9 s + 156 × 300 cs / 256",
                        started(v3(100, 200, ADDR_2)), advert(200, 300, ADDR_3), t,
                        List.of(arm(TimerKind.MASTER_DOWN, t + 9_000_000_000L + 1_828_125_000L)), VrrpState.BACKUP,
                        after -> assertThat(after.masterAdverIntervalCentiseconds()).isEqualTo(300)),
                rfc("our own advert looped back is never an election input",
                        backup, advert(200, 100, ADDR_2), t, List.of(), VrrpState.BACKUP),
                rfc("(680) an Adver_Timer event in Backup is stale: ignored",
                        backup, VrrpEvent.ADVER_TIMER_FIRED, t, List.of(), VrrpState.BACKUP)));
    }

    @TestFactory
    Stream<DynamicTest> master_6_4_3() {
        InstanceState master = masterByTimeout(P100); // Master at T_MASTER, Adver_Timer at T_MASTER + 1 s
        long t = T_MASTER + 300_000_000L;
        return run(Stream.of(
                rfc("(655)(660)(665)(670) Master: Shutdown → cancel Adver_Timer, priority-0 advert, remove VIPs,"
                                + " Initialize, STOP",
                        master, VrrpEvent.SHUTDOWN, t,
                        List.of(cancel(TimerKind.ADVER), new SendAdvert(0, 100), VrrpAction.REMOVE_VIPS,
                                new Notify(NotifyState.STOP, 100)),
                        VrrpState.INITIALIZE,
                        after -> assertThat(after.transitions()).isEqualTo(3)),
                rfc("(680)(685)(690) Master: Adver_Timer fires → send advert, reset Adver_Timer",
                        master, VrrpEvent.ADVER_TIMER_FIRED, T_MASTER + SECOND,
                        List.of(new SendAdvert(100, 100), arm(TimerKind.ADVER, T_MASTER + 2 * SECOND)),
                        VrrpState.MASTER),
                rfc("(680) an Adver_Timer event before its deadline is stale: ignored",
                        master, VrrpEvent.ADVER_TIMER_FIRED, T_MASTER + SECOND - 1, List.of(), VrrpState.MASTER),
                rfc("(705)(710)(715) Master: priority-0 advert → send advert, reset Adver_Timer",
                        master, advert(0, 100, ADDR_3), t,
                        List.of(new SendAdvert(100, 100), arm(TimerKind.ADVER, t + SECOND)), VrrpState.MASTER),
                rfc("(725)(740)(745)(750)(755)(760)(765) Master: higher priority (2 s) → cancel Adver_Timer,"
                                + " learn 2 s, MDT = 6 s + 156 × 200 cs / 256, Backup",
                        master, advert(200, 200, ADDR_1), t,
                        List.of(cancel(TimerKind.ADVER), VrrpAction.REMOVE_VIPS,
                                arm(TimerKind.MASTER_DOWN, t + 6_000_000_000L + 1_218_750_000L),
                                new Notify(NotifyState.BACKUP, 100)),
                        VrrpState.BACKUP,
                        after -> assertThat(after.masterAdverIntervalCentiseconds()).isEqualTo(200)),
                rfc("(735) Master: equal priority from a higher primary address → Backup",
                        master, advert(100, 100, ADDR_3), t,
                        List.of(cancel(TimerKind.ADVER), VrrpAction.REMOVE_VIPS,
                                arm(TimerKind.MASTER_DOWN, t + MDI_100_AT_1S), new Notify(NotifyState.BACKUP, 100)),
                        VrrpState.BACKUP),
                rfc("(735) unsigned compare: 192.168.0.1 (0xC0 first byte) beats 10.199.0.2 → Backup",
                        master, advert(100, 100, ADDR_HIGH_BYTE), t,
                        List.of(cancel(TimerKind.ADVER), VrrpAction.REMOVE_VIPS,
                                arm(TimerKind.MASTER_DOWN, t + MDI_100_AT_1S), new Notify(NotifyState.BACKUP, 100)),
                        VrrpState.BACKUP),
                rfc("(735) unsigned compare: local 192.168.0.1 stays Master against 10.199.0.3, reasserts (775)",
                        masterByTimeout(v3(100, 100, ADDR_HIGH_BYTE)), advert(100, 100, ADDR_3), t,
                        List.of(new SendAdvert(100, 100), arm(TimerKind.ADVER, t + SECOND)), VrrpState.MASTER),
                rfc("(735) IPv6: fe80::ff00 beats fe80::2 (unsigned, network byte order) → Backup",
                        masterByTimeout(v3(100, 100, ipv6(0x00, 0x02))), advert(100, 100, ipv6(0xff, 0x00)), t,
                        List.of(cancel(TimerKind.ADVER), VrrpAction.REMOVE_VIPS,
                                arm(TimerKind.MASTER_DOWN, t + MDI_100_AT_1S), new Notify(NotifyState.BACKUP, 100)),
                        VrrpState.BACKUP),
                rfc("(770)(775) Master: equal priority from a lower address → discard, reassert at once (9568)",
                        master, advert(100, 100, ADDR_1), t,
                        List.of(new SendAdvert(100, 100), arm(TimerKind.ADVER, t + SECOND)), VrrpState.MASTER),
                rfc("(770)(775) Master: lower priority → discard, reassert at once (9568, keepalived default)",
                        master, advert(99, 100, ADDR_3), t,
                        List.of(new SendAdvert(100, 100), arm(TimerKind.ADVER, t + SECOND)), VrrpState.MASTER,
                        after -> assertThat(after.masterAdverIntervalCentiseconds()).isEqualTo(100)),
                rfc("§6.1 owner vs owner: the higher address wins the tie at 255",
                        started(OWNER), advert(255, 100, ADDR_2), T0 + SECOND / 2,
                        List.of(cancel(TimerKind.ADVER), VrrpAction.REMOVE_VIPS,
                                arm(TimerKind.MASTER_DOWN, T0 + SECOND / 2 + 3_003_906_250L),
                                new Notify(NotifyState.BACKUP, 255)),
                        VrrpState.BACKUP),
                rfc("our own advert looped back in Master is ignored (no reassert storm)",
                        master, advert(100, 100, ADDR_2), t, List.of(), VrrpState.MASTER),
                rfc("(365) a Master_Down_Timer event in Master is stale: ignored",
                        master, VrrpEvent.MASTER_DOWN_TIMER_FIRED, t, List.of(), VrrpState.MASTER)));
    }

    @TestFactory
    Stream<DynamicTest> keepalivedFaultState() {
        FaultReason link = FaultReason.linkDown("eth0");
        InstanceState backup = started(P100);
        InstanceState master = masterByTimeout(P100);
        long t = T_MASTER + 100_000_000L;
        InstanceState faultTwice = step(step(backup, new VrrpEvent.FaultRaised(link), t).instance(),
                new VrrpEvent.FaultRaised(FaultReason.CHECKS), t).instance();
        InstanceState ownerFault = step(started(OWNER), new VrrpEvent.FaultRaised(link), T0 + 1).instance();
        return run(Stream.of(
                rfc("FAULT from Backup: cancel Master_Down_Timer, FAULT notify, no packets",
                        backup, new VrrpEvent.FaultRaised(link), t,
                        List.of(cancel(TimerKind.MASTER_DOWN), new Notify(NotifyState.FAULT, 100)), VrrpState.FAULT),
                rfc("FAULT from Master: cancel Adver_Timer, priority-0 advert (as 665), remove VIPs, FAULT notify",
                        master, new VrrpEvent.FaultRaised(link), t,
                        List.of(cancel(TimerKind.ADVER), new SendAdvert(0, 100), VrrpAction.REMOVE_VIPS,
                                new Notify(NotifyState.FAULT, 100)),
                        VrrpState.FAULT),
                rfc("stacked faults: link and checks; clearing the link leaves FAULT in place",
                        faultTwice, new VrrpEvent.FaultCleared(link), t + SECOND, List.of(), VrrpState.FAULT,
                        after -> assertThat(after.faults()).containsExactly(FaultReason.CHECKS)),
                rfc("stacked faults: clearing the last reason → Backup with a fresh Master_Down_Timer (160)",
                        step(faultTwice, new VrrpEvent.FaultCleared(link), t + SECOND).instance(),
                        new VrrpEvent.FaultCleared(FaultReason.CHECKS), t + 2 * SECOND,
                        List.of(arm(TimerKind.MASTER_DOWN, t + 2 * SECOND + MDI_100_AT_1S),
                                new Notify(NotifyState.BACKUP, 100)),
                        VrrpState.BACKUP),
                rfc("the owner leaves FAULT straight to Master (105)-(145)",
                        ownerFault, new VrrpEvent.FaultCleared(link), T0 + SECOND,
                        List.of(VrrpAction.INSTALL_VIPS, new SendAdvert(255, 100), VrrpAction.SEND_ANNOUNCEMENTS,
                                arm(TimerKind.ADVER, T0 + 2 * SECOND), new Notify(NotifyState.MASTER, 255)),
                        VrrpState.MASTER),
                rfc("FAULT ignores adverts", faultTwice, advert(0, 100, ADDR_3), t, List.of(), VrrpState.FAULT),
                rfc("FAULT ignores stale timers", faultTwice, VrrpEvent.MASTER_DOWN_TIMER_FIRED,
                        T0 + MDI_100_AT_1S, List.of(), VrrpState.FAULT),
                rfc("FAULT: Shutdown → Initialize with a STOP notify",
                        faultTwice, VrrpEvent.SHUTDOWN, t, List.of(new Notify(NotifyState.STOP, 100)),
                        VrrpState.INITIALIZE),
                rfc("raising a reason already present changes nothing",
                        faultTwice, new VrrpEvent.FaultRaised(link), t, List.of(), VrrpState.FAULT)));
    }

    @TestFactory
    Stream<DynamicTest> priorityChanges() {
        InstanceState master = masterByTimeout(P100);
        long t = T_MASTER + 400_000_000L;
        return run(Stream.of(
                rfc("Master whose priority drops advertises the new priority at once and resets Adver_Timer",
                        master, new VrrpEvent.PriorityChanged(80), t,
                        List.of(new SendAdvert(80, 100), arm(TimerKind.ADVER, t + SECOND)), VrrpState.MASTER,
                        after -> assertThat(after.priority()).isEqualTo(80)),
                rfc("Backup whose priority rises: no packets; a once-equal Master's advert is now discarded (470)",
                        step(started(P100), new VrrpEvent.PriorityChanged(120), T0 + 1).instance(),
                        advert(100, 100, ADDR_3), T0 + SECOND, List.of(), VrrpState.BACKUP),
                rfc("Backup with a lowered priority follows the new Skew_Time on the next advert (455)",
                        step(started(P100), new VrrpEvent.PriorityChanged(1), T0 + 1).instance(),
                        advert(200, 100, ADDR_3), T0 + SECOND,
                        List.of(arm(TimerKind.MASTER_DOWN, T0 + SECOND + 3_996_093_750L)), VrrpState.BACKUP),
                rfc("the owner keeps 255 whatever PriorityChanged says (keepalived.conf(5) priority)",
                        started(OWNER), new VrrpEvent.PriorityChanged(10), T0 + 1, List.of(), VrrpState.MASTER,
                        after -> assertThat(after.priority()).isEqualTo(255)),
                rfc("tracking never lifts a non-owner to 255: clamped to 254",
                        started(P100), new VrrpEvent.PriorityChanged(255), T0 + 1, List.of(), VrrpState.BACKUP,
                        after -> assertThat(after.priority()).isEqualTo(254)),
                rfc("ChecksChanged with a KO weight-0 check, from Master: FAULT carrying the new priority",
                        master, new VrrpEvent.ChecksChanged(90, true), t,
                        List.of(cancel(TimerKind.ADVER), new SendAdvert(0, 100), VrrpAction.REMOVE_VIPS,
                                new Notify(NotifyState.FAULT, 90)),
                        VrrpState.FAULT,
                        after -> assertThat(after.faults()).containsExactly(FaultReason.CHECKS)),
                rfc("ChecksChanged clearing the check fault: Backup with the new priority's Master_Down_Interval",
                        step(started(P100), new VrrpEvent.ChecksChanged(100, true), T0 + 1).instance(),
                        new VrrpEvent.ChecksChanged(1, false), T0 + SECOND,
                        List.of(arm(TimerKind.MASTER_DOWN, T0 + SECOND + 3_996_093_750L),
                                new Notify(NotifyState.BACKUP, 1)),
                        VrrpState.BACKUP),
                rfc("ChecksChanged without a fault change is a PriorityChanged",
                        master, new VrrpEvent.ChecksChanged(110, false), t,
                        List.of(new SendAdvert(110, 100), arm(TimerKind.ADVER, t + SECOND)), VrrpState.MASTER)));
    }

    @TestFactory
    Stream<DynamicTest> keepalivedPreemptDelay() {
        InstanceState backup = started(P100_DELAY_5S);
        long t1 = T0 + SECOND;
        InstanceState waiting = step(backup, advert(50, 100, ADDR_3), t1).instance();
        long t2 = t1 + SECOND;
        return run(Stream.of(
                rfc("preempt_delay: first lower-priority advert → follow it (460); take over 5 s after the"
                                + " instant (470) would have (the old Master_Down_Timer deadline)",
                        backup, advert(50, 100, ADDR_3), t1,
                        List.of(arm(TimerKind.MASTER_DOWN, t1 + MDI_100_AT_1S),
                                arm(TimerKind.PREEMPT_DELAY, T0 + MDI_100_AT_1S + 5 * SECOND)),
                        VrrpState.BACKUP),
                rfc("preempt_delay: later lower-priority adverts reset the Master_Down_Timer, not the delay",
                        waiting, advert(50, 100, ADDR_3), t2,
                        List.of(arm(TimerKind.MASTER_DOWN, t2 + MDI_100_AT_1S)), VrrpState.BACKUP,
                        after -> assertThat(after.preemptDeadline()).isEqualTo(T0 + MDI_100_AT_1S + 5 * SECOND)),
                rfc("preempt_delay fires → cancel Master_Down_Timer, then (370)-(410) as on a timeout",
                        waiting, VrrpEvent.PREEMPT_DELAY_TIMER_FIRED, T0 + MDI_100_AT_1S + 5 * SECOND,
                        List.of(cancel(TimerKind.MASTER_DOWN), VrrpAction.INSTALL_VIPS, new SendAdvert(100, 100),
                                VrrpAction.SEND_ANNOUNCEMENTS,
                                arm(TimerKind.ADVER, T0 + MDI_100_AT_1S + 6 * SECOND),
                                new Notify(NotifyState.MASTER, 100)),
                        VrrpState.MASTER),
                rfc("preempt_delay: a higher-priority advert cancels the pending preemption",
                        waiting, advert(150, 100, ADDR_3), t2,
                        List.of(cancel(TimerKind.PREEMPT_DELAY), arm(TimerKind.MASTER_DOWN, t2 + MDI_100_AT_1S)),
                        VrrpState.BACKUP),
                rfc("preempt_delay: Master silent → the Master_Down_Timer still applies and cancels the delay",
                        waiting, VrrpEvent.MASTER_DOWN_TIMER_FIRED, t1 + MDI_100_AT_1S,
                        List.of(cancel(TimerKind.PREEMPT_DELAY), VrrpAction.INSTALL_VIPS, new SendAdvert(100, 100),
                                VrrpAction.SEND_ANNOUNCEMENTS, arm(TimerKind.ADVER, t1 + MDI_100_AT_1S + SECOND),
                                new Notify(NotifyState.MASTER, 100)),
                        VrrpState.MASTER),
                rfc("preempt_delay with nopreempt: never armed",
                        started(P100.withPreempt(false, 5 * SECOND)), advert(50, 100, ADDR_3), t1,
                        List.of(arm(TimerKind.MASTER_DOWN, t1 + MDI_100_AT_1S)), VrrpState.BACKUP),
                rfc("preempt_delay: Shutdown cancels both timers",
                        waiting, VrrpEvent.SHUTDOWN, t2,
                        List.of(cancel(TimerKind.MASTER_DOWN), cancel(TimerKind.PREEMPT_DELAY),
                                new Notify(NotifyState.STOP, 100)),
                        VrrpState.INITIALIZE)));
    }

    @TestFactory
    Stream<DynamicTest> syncGroupRequests() {
        return run(Stream.of(
                rfc("sync group: Backup asked to be MASTER → cancel Master_Down_Timer, then (370)-(410)",
                        started(P100), new VrrpEvent.SyncGroupRequest(VrrpState.MASTER), T0 + SECOND,
                        List.of(cancel(TimerKind.MASTER_DOWN), VrrpAction.INSTALL_VIPS, new SendAdvert(100, 100),
                                VrrpAction.SEND_ANNOUNCEMENTS, arm(TimerKind.ADVER, T0 + 2 * SECOND),
                                new Notify(NotifyState.MASTER, 100)),
                        VrrpState.MASTER),
                rfc("sync group: Master asked to be BACKUP → cancel Adver_Timer, remove VIPs, own-interval MDT",
                        masterByTimeout(P100), new VrrpEvent.SyncGroupRequest(VrrpState.BACKUP), T_MASTER + 1,
                        List.of(cancel(TimerKind.ADVER), VrrpAction.REMOVE_VIPS,
                                arm(TimerKind.MASTER_DOWN, T_MASTER + 1 + MDI_100_AT_1S),
                                new Notify(NotifyState.BACKUP, 100)),
                        VrrpState.BACKUP),
                rfc("sync group: FAULT is not overridden by a MASTER request",
                        step(started(P100), new VrrpEvent.FaultRaised(FaultReason.CHECKS), T0).instance(),
                        new VrrpEvent.SyncGroupRequest(VrrpState.MASTER), T0 + 1, List.of(), VrrpState.FAULT)));
    }

    private static byte[] ipv6(int secondToLast, int last) {
        byte[] address = new byte[16];
        address[0] = (byte) 0xfe;
        address[1] = (byte) 0x80;
        address[14] = (byte) secondToLast;
        address[15] = (byte) last;
        return address;
    }

    private static Stream<DynamicTest> run(Stream<Case> cases) {
        return cases.map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            StepResult result = step(c.given(), c.event(), c.now());
            assertThat(result.actions()).as("actions, in order").containsExactlyElementsOf(c.expectedActions());
            assertThat(result.instance().state()).as("state").isEqualTo(c.expectedState());
            // (310)-(340) / (610)-(645): only a Master holds and answers for the VIPs.
            assertThat(result.instance().holdsVips()).isEqualTo(c.expectedState() == VrrpState.MASTER);
            assertThat(result.instance().transitions() - c.given().transitions())
                    .as("transition counted when the state changed")
                    .isEqualTo(c.given().state() == c.expectedState() ? 0 : 1);
            for (TimerKind kind : TimerKind.values()) {
                // Every ArmTimer in the actions is the deadline the instance now holds, unless cancelled later.
                result.actions().stream()
                        .filter(a -> a instanceof ArmTimer arm && arm.kind() == kind)
                        .reduce((first, second) -> second)
                        .ifPresent(a -> assertThat(result.instance().deadline(kind))
                                .as("deadline of " + kind)
                                .isEqualTo(((ArmTimer) a).deadlineNanos()));
            }
            c.more().accept(result.instance());
        }));
    }
}
