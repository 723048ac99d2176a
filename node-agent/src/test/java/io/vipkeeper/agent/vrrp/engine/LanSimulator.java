package io.vipkeeper.agent.vrrp.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tiny discrete-event simulator: VRRP instances on an in-memory LAN with a virtual clock. A
 * {@link VrrpAction.SendAdvert} becomes an {@link VrrpEvent.AdvertReceived} at every other live instance whose
 * link to the sender is not cut, delivered at the same virtual instant; an {@link VrrpAction.ArmTimer} becomes
 * a timer event at its deadline (dropped when the instance re-armed or cancelled that timer meanwhile, as a
 * runtime with one timer per kind does). Events at the same instant run in the order they were scheduled.
 */
final class LanSimulator {

    /** An advert on the wire. */
    record Advert(long time, String from, int priority) {}

    /** A notified state change. */
    record Transition(long time, String node, NotifyState state, int priority) {}

    private record Scheduled(long time, long seq, String node, VrrpEvent event, long timerDeadline, Runnable control) {}

    private static final class Host {
        final String name;
        final InstanceConfig config;
        InstanceState instance;
        boolean alive;

        Host(String name, InstanceConfig config) {
            this.name = name;
            this.config = config;
            this.instance = InstanceState.initial(config);
        }
    }

    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>((a, b) -> a.time() != b.time()
            ? Long.compare(a.time(), b.time())
            : Long.compare(a.seq(), b.seq()));
    private final Set<Set<String>> cutLinks = new HashSet<>();
    private final List<Advert> adverts = new ArrayList<>();
    private final List<Transition> transitions = new ArrayList<>();
    private long seq;
    private long now;
    private long steps;

    void add(String name, InstanceConfig config) {
        hosts.put(name, new Host(name, config));
    }

    /** Startup at {@code time}. */
    void startAt(String name, long time) {
        control(time, () -> {
            Host host = hosts.get(name);
            host.alive = true;
            deliver(host, VrrpEvent.STARTUP);
        });
    }

    /** A crash at {@code time} (kill -9): the instance stops, silently; nothing it had scheduled happens. */
    void killAt(String name, long time) {
        control(time, () -> hosts.get(name).alive = false);
    }

    /** A graceful Shutdown at {@code time} (priority-0 advert from a Master, RFC 9568 (665)). */
    void shutdownAt(String name, long time) {
        control(time, () -> deliver(hosts.get(name), VrrpEvent.SHUTDOWN));
    }

    /** After a crash: a fresh instance that starts up at {@code time}. */
    void restartAt(String name, long time) {
        control(time, () -> {
            Host host = hosts.get(name);
            host.instance = InstanceState.initial(host.config);
            host.alive = true;
            deliver(host, VrrpEvent.STARTUP);
        });
    }

    /** Cut the link between two instances at {@code time}: neither hears the other. */
    void cutAt(String a, String b, long time) {
        control(time, () -> cutLinks.add(Set.of(a, b)));
    }

    /** Heal a cut link at {@code time}. */
    void healAt(String a, String b, long time) {
        control(time, () -> cutLinks.remove(Set.of(a, b)));
    }

    /** Feed an arbitrary event to one instance at {@code time}. */
    void eventAt(String name, VrrpEvent event, long time) {
        control(time, () -> deliver(hosts.get(name), event));
    }

    /** Runs every event scheduled up to and including {@code until}; the clock ends at {@code until}. */
    void runUntil(long until) {
        while (!queue.isEmpty() && queue.peek().time() <= until) {
            Scheduled next = queue.poll();
            now = next.time();
            if (next.control() != null) {
                next.control().run();
                continue;
            }
            Host host = hosts.get(next.node());
            if (!host.alive) {
                continue;
            }
            if (next.timerDeadline() != InstanceState.NOT_ARMED
                    && host.instance.deadline(timerKind(next.event())) != next.timerDeadline()) {
                continue; // re-armed or cancelled since
            }
            deliver(host, next.event());
        }
        now = until;
    }

    InstanceState instance(String name) {
        return hosts.get(name).instance;
    }

    /** The live instances in MASTER. */
    Set<String> masters() {
        Set<String> masters = new TreeSet<>();
        hosts.values().forEach(h -> {
            if (h.alive && h.instance.state() == VrrpState.MASTER) {
                masters.add(h.name);
            }
        });
        return masters;
    }

    List<Advert> adverts() {
        return adverts;
    }

    List<Transition> transitions() {
        return transitions;
    }

    /** The notified transitions of one instance. */
    List<Transition> transitionsOf(String name) {
        return transitions.stream().filter(t -> t.node().equals(name)).toList();
    }

    long now() {
        return now;
    }

    long steps() {
        return steps;
    }

    private void deliver(Host host, VrrpEvent event) {
        StepResult result = VrrpStateMachine.step(host.instance, event, now);
        steps++;
        host.instance = result.instance();
        for (VrrpAction action : result.actions()) {
            switch (action) {
                case VrrpAction.SendAdvert send -> broadcast(host, send);
                case VrrpAction.ArmTimer arm -> schedule(arm.deadlineNanos(), host.name, timerEvent(arm.kind()),
                        arm.deadlineNanos());
                case VrrpAction.Notify notify ->
                        transitions.add(new Transition(now, host.name, notify.state(), notify.priority()));
                case VrrpAction.CancelTimer ignored -> {
                    // The queued firing is dropped when it comes up (deadline no longer held).
                }
                case VrrpAction.InstallVips ignored -> {}
                case VrrpAction.RemoveVips ignored -> {}
                case VrrpAction.SendAnnouncements ignored -> {}
            }
        }
    }

    private void broadcast(Host from, VrrpAction.SendAdvert send) {
        adverts.add(new Advert(now, from.name, send.priority()));
        for (Host to : hosts.values()) {
            if (to != from && to.alive && !cutLinks.contains(Set.of(from.name, to.name))) {
                schedule(now, to.name, new VrrpEvent.AdvertReceived(send.priority(), send.intervalCentiseconds(),
                        from.config.primaryAddress()), InstanceState.NOT_ARMED);
            }
        }
    }

    private void schedule(long time, String node, VrrpEvent event, long timerDeadline) {
        queue.add(new Scheduled(time, seq++, node, event, timerDeadline, null));
    }

    private void control(long time, Runnable action) {
        queue.add(new Scheduled(time, seq++, null, null, InstanceState.NOT_ARMED, action));
    }

    private static VrrpEvent timerEvent(TimerKind kind) {
        return switch (kind) {
            case ADVER -> VrrpEvent.ADVER_TIMER_FIRED;
            case MASTER_DOWN -> VrrpEvent.MASTER_DOWN_TIMER_FIRED;
            case PREEMPT_DELAY -> VrrpEvent.PREEMPT_DELAY_TIMER_FIRED;
        };
    }

    private static TimerKind timerKind(VrrpEvent event) {
        return switch (event) {
            case VrrpEvent.AdverTimerFired ignored -> TimerKind.ADVER;
            case VrrpEvent.MasterDownTimerFired ignored -> TimerKind.MASTER_DOWN;
            case VrrpEvent.PreemptDelayTimerFired ignored -> TimerKind.PREEMPT_DELAY;
            default -> throw new IllegalStateException("not a timer event: " + event);
        };
    }
}
