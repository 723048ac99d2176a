package io.vipkeeper.agent.vrrp.engine;

import static io.vipkeeper.agent.vrrp.engine.Fixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.vrrp.VrrpVersion;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the election on the simulated LAN ({@link LanSimulator}), for any priorities, intervals and
 * start times.
 */
class ElectionPropertiesTest {

    /** One router: priority, own interval, start time. Address 10.199.0.(index + 1). */
    record Router(int priority, int intervalCentis, long startNanos) {}

    static byte[] address(int index) {
        return new byte[] {10, (byte) 199, 0, (byte) (index + 1)};
    }

    static String name(int index) {
        return "r" + index;
    }

    static long masterDownInterval(Router router) {
        return VrrpTimers.masterDownIntervalNanos(VrrpVersion.V3, router.priority(), router.intervalCentis());
    }

    static LanSimulator lan(List<Router> routers) {
        LanSimulator lan = new LanSimulator();
        for (int i = 0; i < routers.size(); i++) {
            Router r = routers.get(i);
            lan.add(name(i), InstanceConfig.v3(r.priority(), r.intervalCentis(), address(i)));
            lan.startAt(name(i), r.startNanos());
        }
        return lan;
    }

    @Provide
    Arbitrary<List<Router>> distinctPriorities() {
        Arbitrary<Integer> intervals = Arbitraries.integers().between(1, 300);
        Arbitrary<Long> starts = Arbitraries.longs().between(0, 5 * SECOND);
        return Arbitraries.integers().between(1, 254).list().ofMinSize(2).ofMaxSize(5).uniqueElements()
                .flatMap(priorities -> Combinators.combine(
                                intervals.list().ofSize(priorities.size()), starts.list().ofSize(priorities.size()))
                        .as((is, ss) -> IntStream.range(0, priorities.size())
                                .mapToObj(i -> new Router(priorities.get(i), is.get(i), ss.get(i)))
                                .toList()));
    }

    /**
     * Whatever the start order and intervals, the highest priority ends as the only Master. It takes over
     * exactly its own Master_Down_Interval after it started: it discards every lower advert (470), so only its
     * own timer runs, and nothing ever makes it yield.
     */
    @Property(tries = 300)
    void convergesToTheHighestPriorityAlone(@ForAll("distinctPriorities") List<Router> routers) {
        LanSimulator lan = lan(routers);
        int highest = IntStream.range(0, routers.size()).boxed()
                .max(Comparator.comparingInt(i -> routers.get(i).priority())).orElseThrow();
        Router top = routers.get(highest);
        long latestStart = routers.stream().mapToLong(Router::startNanos).max().orElseThrow();
        long topTakesOver = top.startNanos() + masterDownInterval(top);

        lan.runUntil(Math.max(latestStart, topTakesOver) + 20 * SECOND);

        assertThat(lan.masters()).containsExactly(name(highest));
        assertThat(lan.transitionsOf(name(highest))).containsExactly(
                new LanSimulator.Transition(top.startNanos(), name(highest), NotifyState.BACKUP, top.priority()),
                new LanSimulator.Transition(topTakesOver, name(highest), NotifyState.MASTER, top.priority()));
    }

    /**
     * With one interval everywhere, nobody becomes Master after the highest priority takes over: a Backup's
     * Master_Down_Interval (3 × interval + skew) always outlasts the gap between two adverts. (With mixed v3
     * intervals a late-starting Backup whose own interval is shorter can time out once before it learns the
     * Master's interval (450) — RFC behaviour, and why intervals should match.)
     */
    @Property(tries = 300)
    void withOneIntervalNoMasterAppearsAfterTheHighestTakesOver(
            @ForAll("distinctPriorities") List<Router> mixed, @ForAll("interval") int intervalCentis) {
        List<Router> routers = mixed.stream()
                .map(r -> new Router(r.priority(), intervalCentis, r.startNanos())).toList();
        LanSimulator lan = lan(routers);
        int highest = IntStream.range(0, routers.size()).boxed()
                .max(Comparator.comparingInt(i -> routers.get(i).priority())).orElseThrow();
        Router top = routers.get(highest);
        long topTakesOver = top.startNanos() + masterDownInterval(top);

        lan.runUntil(Math.max(topTakesOver, 5 * SECOND) + 20 * SECOND);

        assertThat(lan.masters()).containsExactly(name(highest));
        long lastMasterTransition = lan.transitions().stream()
                .filter(t -> t.state() == NotifyState.MASTER)
                .mapToLong(LanSimulator.Transition::time)
                .max()
                .orElseThrow();
        assertThat(lastMasterTransition).isEqualTo(topTakesOver);
    }

    @Provide
    Arbitrary<List<Integer>> tiedPriorities() {
        // Few distinct values so that the top priority is often shared.
        return Arbitraries.of(50, 100, 200).list().ofMinSize(2).ofMaxSize(6);
    }

    /**
     * Started together with one interval: every top-priority router times out at the same instant, all become
     * Master, and (735) the highest primary address among them is the one left.
     */
    @Property(tries = 200)
    void tiesAreBrokenByTheHighestAddress(
            @ForAll("tiedPriorities") List<Integer> priorities,
            @ForAll("interval") int intervalCentis) {
        List<Router> routers = priorities.stream().map(p -> new Router(p, intervalCentis, 0L)).toList();
        LanSimulator lan = lan(routers);
        int top = priorities.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int winner = IntStream.range(0, priorities.size()).filter(i -> priorities.get(i) == top).max().orElseThrow();

        lan.runUntil(masterDownInterval(routers.get(winner)) + 10L * intervalCentis * 10_000_000L);

        assertThat(lan.masters()).containsExactly(name(winner));
    }

    @Provide
    Arbitrary<Integer> interval() {
        return Arbitraries.integers().between(1, 300);
    }

    /**
     * Split brain: cut the links between one router and all the others for a while. After the heal, within
     * one Master_Down_Interval, exactly one Master is left: the highest priority.
     */
    @Property(tries = 200)
    void afterAHealExactlyOneMasterWithinOneMasterDownInterval(
            @ForAll("distinctPriorities") List<Router> routers,
            @ForAll("isolatedIndex") int isolatedSeed,
            @ForAll("cutLength") long cutNanos) {
        LanSimulator lan = lan(routers);
        int isolated = isolatedSeed % routers.size();
        int highest = IntStream.range(0, routers.size()).boxed()
                .max(Comparator.comparingInt(i -> routers.get(i).priority())).orElseThrow();
        long maxDown = routers.stream().mapToLong(ElectionPropertiesTest::masterDownInterval).max().orElseThrow();
        long cutAt = 30 * SECOND;
        long healAt = cutAt + cutNanos;
        for (int other = 0; other < routers.size(); other++) {
            if (other != isolated) {
                lan.cutAt(name(isolated), name(other), cutAt);
                lan.healAt(name(isolated), name(other), healAt);
            }
        }

        lan.runUntil(cutAt);
        assertThat(lan.masters()).containsExactly(name(highest));
        lan.runUntil(healAt - 1);
        if (cutNanos > 2 * maxDown) {
            // Both sides of the cut elect their own Master: the isolated router and the best of the rest.
            assertThat(lan.masters()).hasSize(2).contains(name(isolated));
        }
        lan.runUntil(healAt + maxDown);

        assertThat(lan.masters()).containsExactly(name(highest));
    }

    @Provide
    Arbitrary<Integer> isolatedIndex() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<Long> cutLength() {
        return Arbitraries.longs().between(1, 60 * SECOND);
    }
}
