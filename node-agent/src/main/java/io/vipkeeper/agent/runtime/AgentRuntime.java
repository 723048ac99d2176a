package io.vipkeeper.agent.runtime;

import io.vipkeeper.agent.config.AgentConfig;
import io.vipkeeper.agent.config.InstanceSettings;
import io.vipkeeper.agent.config.SyncGroupSettings;
import io.vipkeeper.agent.config.VipAddress;
import io.vipkeeper.agent.linux.LinkInfo;
import io.vipkeeper.agent.linux.LinuxException;
import io.vipkeeper.agent.linux.Poller;
import io.vipkeeper.agent.linux.ReceivedPacket;
import io.vipkeeper.agent.linux.Rtnetlink;
import io.vipkeeper.agent.linux.RtnetlinkEvent;
import io.vipkeeper.agent.linux.SourceAddress;
import io.vipkeeper.agent.linux.VrrpSocket;
import io.vipkeeper.agent.vrrp.engine.EffectivePriority;
import io.vipkeeper.agent.vrrp.engine.FaultReason;
import io.vipkeeper.agent.vrrp.engine.InstanceState;
import io.vipkeeper.agent.vrrp.engine.StepResult;
import io.vipkeeper.agent.vrrp.engine.SyncGroup;
import io.vipkeeper.agent.vrrp.engine.TimerKind;
import io.vipkeeper.agent.vrrp.engine.VrrpAction;
import io.vipkeeper.agent.vrrp.engine.VrrpEvent;
import io.vipkeeper.agent.vrrp.engine.VrrpState;
import io.vipkeeper.agent.vrrp.engine.VrrpStateMachine;
import io.vipkeeper.agent.vrrp.wire.AddressFamily;
import io.vipkeeper.agent.vrrp.wire.IpHeaderFacts;
import io.vipkeeper.agent.vrrp.wire.ReceiveValidator;
import io.vipkeeper.agent.vrrp.wire.ValidationResult;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's VRRP loop: ONE platform thread owns every VRRP socket, the rtnetlink sockets and every timer.
 * It sleeps in {@code ppoll} until the earliest deadline of any instance (earliest deadline first) or until a
 * packet, a link event or a command from another thread (a check result, a reload, shutdown) arrives, feeds
 * the pure state machine ({@link VrrpStateMachine#step}) and performs the actions it returns: send an advert,
 * install or remove the VIPs with rtnetlink, send gratuitous ARP / unsolicited NA, tell the
 * {@link TransitionListener}.
 *
 * <p>Checks, notify hooks, the state file and logging run elsewhere; nothing on this thread waits for them.
 * The steady-state send and receive paths reuse their buffers (adverts are encoded once per priority).
 */
public final class AgentRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);
    /** Publish a snapshot at least this often, so the counters in the state file move. */
    private static final long SNAPSHOT_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_PACKETS_PER_WAKEUP = 256;
    /** A snapshot is built only when no timer is due within this time (see publishSnapshotIfDue). */
    private static final long SNAPSHOT_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SNAPSHOT_MAX_DEFERRAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final TransitionListener listener;
    private final Consumer<AgentSnapshot> snapshotSink;
    private final Clock wallClock;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Map<String, InterfaceChannel> channels = new LinkedHashMap<>();
    private final Map<String, InstanceRuntime> instances = new LinkedHashMap<>();
    private final Map<String, SyncGroup> groupOf = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);

    private Poller poller;
    private Rtnetlink rtnetlink;
    private Rtnetlink.Monitor monitor;
    private int monitorToken = -1;
    private Thread thread;
    private volatile boolean running;
    private volatile boolean shutdownRequested;
    private volatile AgentSnapshot snapshot = new AgentSnapshot(java.time.Instant.EPOCH, List.of(), List.of());
    private volatile Throwable startFailure;
    private long nextSnapshotAt;
    private long lastSnapshotAt = System.nanoTime();
    private boolean snapshotDirty = true;

    public AgentRuntime(TransitionListener listener, Consumer<AgentSnapshot> snapshotSink, Clock wallClock) {
        this.listener = listener;
        this.snapshotSink = snapshotSink;
        this.wallClock = wallClock;
    }

    /**
     * Opens the netlink sockets, starts every configured instance and the loop thread. Returns once all
     * instances have taken their Startup step.
     *
     * @throws LinuxException when an interface is missing or has no usable source address, or a socket cannot
     *                        be opened; nothing is left open then
     */
    public void start(AgentConfig config) throws LinuxException, InterruptedException {
        poller = new Poller();
        rtnetlink = Rtnetlink.open();
        monitor = Rtnetlink.openMonitor();
        monitorToken = poller.register(monitor);
        running = true;
        thread = Thread.ofPlatform().name("vrrp-loop").priority(Thread.MAX_PRIORITY).unstarted(() -> run(config));
        thread.start();
        started.await();
        if (startFailure != null) {
            stopped.await(5, TimeUnit.SECONDS);
            if (startFailure instanceof LinuxException e) {
                throw e;
            }
            throw new IllegalStateException("agent failed to start", startFailure);
        }
    }

    /** Applies a new configuration: unchanged instances keep their state and VIPs without a blip. */
    public void reload(AgentConfig config) {
        post(() -> applyConfig(config, System.nanoTime()));
    }

    /** A tracked check went OK or KO (from the check scheduler's threads). */
    public void checkStatusChanged(String instance, String check, int weight, boolean ok) {
        post(() -> {
            InstanceRuntime inst = instances.get(instance);
            if (inst == null || !inst.checks.containsKey(check)) {
                return;
            }
            inst.checks.put(check, new EffectivePriority.TrackedCheck(weight, ok));
            EffectivePriority.Result result = inst.checkResult();
            long now = System.nanoTime();
            step(inst, VrrpEvent.ChecksChanged.of(result), now);
            if (inst.awaitingFirstResult.remove(check) && inst.awaitingFirstResult.isEmpty()) {
                // keepalived leaves INIT once its scripts have a result: BACKUP if they passed, FAULT if not
                step(inst, new VrrpEvent.Startup(), now);
            }
        });
    }

    /** The latest snapshot (published at least once a second and after every transition). */
    public AgentSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Graceful stop: a Master sends a priority-0 advert and removes its VIPs, every instance notifies STOP
     * (RFC 9568 (655)–(670)); then the sockets are closed. Waits for the loop to finish.
     */
    public void shutdown() throws InterruptedException {
        shutdownRequested = true;
        if (poller != null) {
            poller.wakeup();
        }
        if (thread != null && thread != Thread.currentThread()) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    @Override
    public void close() throws InterruptedException {
        shutdown();
    }

    /** True until the loop has stopped. */
    public boolean isRunning() {
        return running;
    }

    private void post(Runnable command) {
        inbox.add(command);
        Poller p = poller;
        if (p != null) {
            p.wakeup();
        }
    }

    // ------------------------------------------------------------------------------------------ the loop

    private void run(AgentConfig config) {
        try {
            try {
                applyConfig(config, System.nanoTime());
            } catch (RuntimeException e) {
                startFailure = e.getCause() instanceof LinuxException le ? le : e;
                shutdownAll(System.nanoTime());
                return;
            } finally {
                started.countDown();
            }
            while (!shutdownRequested) {
                long now = System.nanoTime();
                fireDueTimers(now);
                drainInbox();
                publishSnapshotIfDue(System.nanoTime());
                long wait = nanosUntilNextDeadline(System.nanoTime());
                if (shutdownRequested) {
                    break;
                }
                if (poller.await(wait)) {
                    readSockets();
                }
            }
            shutdownAll(System.nanoTime());
        } catch (Throwable t) {
            LOG.error("VRRP loop failed; stopping the agent", t);
            try {
                shutdownAll(System.nanoTime());
            } catch (Throwable ignored) {
                // best effort: the VIPs are removed instance by instance above where possible
            }
        } finally {
            running = false;
            started.countDown();
            stopped.countDown();
        }
    }

    private void drainInbox() {
        Runnable command;
        while ((command = inbox.poll()) != null) {
            try {
                command.run();
            } catch (RuntimeException e) {
                LOG.error("command on the VRRP loop failed", e);
            }
        }
    }

    /** How long the loop may sleep: until the earliest timer of any instance, or the next snapshot. */
    private long nanosUntilNextDeadline(long now) {
        long untilSnapshot = Math.min(SNAPSHOT_PERIOD_NANOS, nextSnapshotAt - now);
        return Math.max(0, Math.min(untilSnapshot, nanosUntilNextTimer(now)));
    }

    private void fireDueTimers(long now) {
        for (InstanceRuntime inst : instances.values()) {
            // A step can arm a new timer that is already due (never in practice, but loop boundedly).
            for (int guard = 0; guard < 8; guard++) {
                OptionalLong d = inst.state.nextDeadline();
                if (d.isEmpty() || now - d.getAsLong() < 0) {
                    break;
                }
                TimerKind kind = inst.state.nextTimer();
                VrrpEvent event = switch (kind) {
                    case ADVER -> new VrrpEvent.AdverTimerFired();
                    case MASTER_DOWN -> new VrrpEvent.MasterDownTimerFired();
                    case PREEMPT_DELAY -> new VrrpEvent.PreemptDelayTimerFired();
                };
                step(inst, event, now);
            }
            if (inst.secondBurstDeadline != InstanceRuntime.NONE && now - inst.secondBurstDeadline >= 0) {
                inst.secondBurstDeadline = InstanceRuntime.NONE;
                sendAnnouncementBurst(inst);
            }
            if (inst.refreshDeadline != InstanceRuntime.NONE && now - inst.refreshDeadline >= 0) {
                inst.refreshDeadline = now + inst.settings.announcements().refreshInterval().toNanos();
                sendAnnouncementBurst(inst);
            }
        }
    }

    private void readSockets() throws LinuxException {
        for (InterfaceChannel ch : channels.values()) {
            if (!poller.isReadable(ch.pollToken)) {
                continue;
            }
            for (int i = 0; i < MAX_PACKETS_PER_WAKEUP; i++) {
                ReceivedPacket packet = ch.socket.receive(ch.receiveBuffer, 0);
                if (packet == null) {
                    break;
                }
                handlePacket(ch, packet, System.nanoTime());
            }
        }
        if (poller.isReadable(monitorToken)) {
            for (RtnetlinkEvent event : monitor.next(0)) {
                handleNetlink(event);
            }
        }
    }

    private void handlePacket(InterfaceChannel ch, ReceivedPacket packet, long now) {
        ByteBuffer payload = packet.payload();
        IpHeaderFacts facts = ch.family == AddressFamily.IPV4
                ? IpHeaderFacts.ipv4(packet.source(), packet.destination(), packet.ttl())
                : IpHeaderFacts.ipv6(packet.source(), packet.destination(), packet.ttl());
        ValidationResult result = ReceiveValidator.validate(facts, payload.array(),
                payload.arrayOffset() + payload.position(), payload.remaining(), ch.lookup);
        ch.counters.record(result);
        switch (result) {
            case ValidationResult.Accepted accepted -> {
                InstanceRuntime inst = instanceByVrid(ch, accepted.advertisement().virtualRouterId());
                if (inst == null) {
                    return;
                }
                inst.advertsReceived++;
                int priority = accepted.advertisement().priority();
                if (LOG.isTraceEnabled()) {
                    LOG.trace("{}: advert from {} priority {} interval {} cs", inst.name(),
                            packet.source().getHostAddress(), priority,
                            accepted.advertisement().intervalCentiseconds());
                }
                if (priority > 0) {
                    inst.masterAddress = packet.source();
                    inst.masterPriority = priority;
                }
                step(inst, new VrrpEvent.AdvertReceived(priority, accepted.advertisement().intervalCentiseconds(),
                        packet.source().getAddress()), now);
            }
            case ValidationResult.Dropped dropped -> {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{}: dropped a VRRP packet from {}: {} ({})", ch.key(),
                            packet.source().getHostAddress(), dropped.reason(), dropped.detail());
                }
            }
        }
    }

    private static InstanceRuntime instanceByVrid(InterfaceChannel ch, int vrid) {
        for (InstanceRuntime inst : ch.instances) {
            if (inst.settings.virtualRouterId() == vrid) {
                return inst;
            }
        }
        return null;
    }

    private void handleNetlink(RtnetlinkEvent event) throws LinuxException {
        switch (event) {
            case RtnetlinkEvent.LinkChanged changed -> linkState(changed.index(), changed.name(), changed.up());
            case RtnetlinkEvent.LinkRemoved removed -> linkState(removed.index(), removed.name(), false);
            case RtnetlinkEvent.EventsLost lost -> {
                LOG.warn("rtnetlink events were lost; re-reading the links");
                for (LinkInfo link : rtnetlink.dumpLinks()) {
                    linkState(link.index(), link.name(), link.up());
                }
            }
            default -> {
                // address changes: nothing to do yet (a VIP removed by hand stays removed until a transition)
            }
        }
    }

    private void linkState(int index, String name, boolean up) {
        long now = System.nanoTime();
        for (InterfaceChannel ch : channels.values()) {
            if (ch.interfaceIndex != index) {
                continue;
            }
            FaultReason reason = FaultReason.linkDown(ch.interfaceName);
            for (InstanceRuntime inst : List.copyOf(ch.instances)) {
                boolean faulted = inst.state.faults().contains(reason);
                if (!up && !faulted) {
                    LOG.warn("{}: link {} is down", inst.name(), name);
                    step(inst, new VrrpEvent.FaultRaised(reason), now);
                } else if (up && faulted) {
                    LOG.info("{}: link {} is up again", inst.name(), name);
                    step(inst, new VrrpEvent.FaultCleared(reason), now);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ stepping

    private void step(InstanceRuntime inst, VrrpEvent event, long now) {
        step(inst, event, now, 0);
    }

    private void step(InstanceRuntime inst, VrrpEvent event, long now, int depth) {
        InstanceState before = inst.state;
        StepResult result = VrrpStateMachine.step(before, event, now);
        inst.state = result.instance();
        if (inst.syncProfilePriority()) {
            inst.channel.rebuildLookup();
        }
        perform(inst, result.actions(), now);
        if (before.state() == VrrpState.MASTER && inst.state.state() != VrrpState.MASTER) {
            inst.secondBurstDeadline = InstanceRuntime.NONE;
            inst.refreshDeadline = InstanceRuntime.NONE;
        }
        SyncGroup group = groupOf.get(inst.name());
        if (group != null && depth < 4 && before.state() != inst.state.state()) {
            Map<String, InstanceState> current = new HashMap<>();
            for (String member : group.members()) {
                InstanceRuntime m = instances.get(member);
                if (m != null) {
                    current.put(member, m.state);
                }
            }
            for (SyncGroup.Routed routed : group.propagate(inst.name(), event, before, inst.state, current)) {
                InstanceRuntime target = instances.get(routed.member());
                if (target != null) {
                    step(target, routed.event(), now, depth + 1);
                }
            }
        }
    }

    private void perform(InstanceRuntime inst, List<VrrpAction> actions, long now) {
        for (VrrpAction action : actions) {
            switch (action) {
                case VrrpAction.SendAdvert send -> sendAdvert(inst, send.priority());
                case VrrpAction.SendAnnouncements ignored -> {
                    sendAnnouncementBurst(inst);
                    var settings = inst.settings.announcements();
                    if (!settings.secondBurstDelay().isZero()) {
                        inst.secondBurstDeadline = now + settings.secondBurstDelay().toNanos();
                    }
                    if (!settings.refreshInterval().isZero()) {
                        inst.refreshDeadline = now + settings.refreshInterval().toNanos();
                    }
                }
                case VrrpAction.InstallVips ignored -> installVips(inst);
                case VrrpAction.RemoveVips ignored -> removeVips(inst);
                case VrrpAction.ArmTimer ignored -> {
                    // the deadline lives in the instance state; the loop reads it from there
                }
                case VrrpAction.CancelTimer ignored -> {
                    // likewise
                }
                case VrrpAction.Notify notify -> {
                    var from = inst.lastNotified;
                    inst.lastNotified = notify.state();
                    inst.lastTransition = wallClock.instant();
                    snapshotDirty = true;
                    nextSnapshotAt = now; // publish the transition at once
                    LOG.info("{}: {} -> {} (priority {})", inst.name(), from == null ? "INIT" : from, notify.state(),
                            notify.priority());
                    try {
                        listener.onTransition(inst.settings, from, notify.state(), notify.priority());
                    } catch (RuntimeException e) {
                        LOG.error("{}: transition listener failed", inst.name(), e);
                    }
                }
            }
        }
    }

    private void sendAdvert(InstanceRuntime inst, int priority) {
        ByteBuffer[] adverts = inst.adverts(priority);
        for (int i = 0; i < adverts.length; i++) {
            ByteBuffer advert = adverts[i];
            try {
                inst.channel.socket.send(inst.destinations.get(i), advert);
                inst.advertsSent++;
            } catch (LinuxException e) {
                inst.sendErrors++;
                LOG.warn("{}: advert to {} not sent: {}", inst.name(), inst.destinations.get(i).getHostAddress(),
                        e.getMessage());
            }
        }
    }

    private void sendAnnouncementBurst(InstanceRuntime inst) {
        InterfaceChannel ch = inst.channel;
        int repeat = inst.settings.announcements().repeat();
        ByteBuffer[] frames = inst.announcementFrames;
        for (int f = 0; f < frames.length; f++) {
            for (int i = 0; i < repeat; i++) {
                try {
                    ch.packetSocket.send(frames[f].duplicate());
                    inst.announcementsSent++;
                } catch (LinuxException e) {
                    inst.sendErrors++;
                    LOG.warn("{}: announcement for {} not sent: {}", inst.name(), inst.settings.addresses().get(f),
                            e.getMessage());
                    break;
                }
            }
        }
    }

    private void installVips(InstanceRuntime inst) {
        for (VipAddress vip : inst.settings.addresses()) {
            try {
                rtnetlink.addAddress(inst.channel.interfaceIndex, vip.address(), vip.prefixLength());
            } catch (LinuxException e) {
                LOG.error("{}: could not add {} to {}: {}", inst.name(), vip, inst.channel.interfaceName,
                        e.getMessage());
            }
        }
    }

    private void removeVips(InstanceRuntime inst) {
        for (VipAddress vip : inst.settings.addresses()) {
            try {
                rtnetlink.removeAddress(inst.channel.interfaceIndex, vip.address(), vip.prefixLength());
            } catch (LinuxException e) {
                LOG.error("{}: could not remove {} from {}: {}", inst.name(), vip, inst.channel.interfaceName,
                        e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------------------------------ configuration

    private void applyConfig(AgentConfig config, long now) {
        Map<String, InstanceSettings> wanted = new LinkedHashMap<>();
        for (InstanceSettings s : config.instances()) {
            wanted.put(s.name(), s);
        }
        // Stop what is gone or changed (a changed instance restarts; an unchanged one is not touched).
        for (InstanceRuntime inst : List.copyOf(instances.values())) {
            InstanceSettings next = wanted.get(inst.name());
            if (next == null || !next.equals(inst.settings)) {
                stopInstance(inst, now);
            }
        }
        groupOf.clear();
        for (SyncGroupSettings g : config.syncGroups()) {
            SyncGroup group = new SyncGroup(g.name(), g.members());
            for (String member : g.members()) {
                groupOf.put(member, group);
            }
        }
        for (InstanceSettings s : wanted.values()) {
            if (!instances.containsKey(s.name())) {
                try {
                    startInstance(s, now);
                } catch (LinuxException e) {
                    throw new IllegalStateException(new LinuxException(s.name() + ": " + e.getMessage()));
                }
            }
        }
        snapshotDirty = true;
    }

    private void startInstance(InstanceSettings s, long now) throws LinuxException {
        LinkInfo link = rtnetlink.link(s.interfaceName())
                .orElseThrow(() -> new LinuxException("interface " + s.interfaceName() + " does not exist"));
        String key = InterfaceChannel.key(link.name(), s.family());
        InterfaceChannel ch = channels.get(key);
        if (ch == null) {
            InetAddress primary = primaryAddress(link, s.family());
            ch = InterfaceChannel.open(link, s.family(), primary);
            channels.put(key, ch);
        }
        InstanceRuntime inst = new InstanceRuntime(s, ch);
        for (var check : s.checks()) {
            inst.checks.put(check.name(), initialStatus(check));
            if (holdsStartup(check)) {
                inst.awaitingFirstResult.add(check.name());
            }
        }
        ch.instances.add(inst);
        ch.refresh(poller);
        instances.put(s.name(), inst);
        if (!inst.checks.isEmpty()) {
            step(inst, VrrpEvent.ChecksChanged.of(inst.checkResult()), now);
        }
        if (!link.up()) {
            step(inst, new VrrpEvent.FaultRaised(FaultReason.linkDown(link.name())), now);
        }
        if (inst.awaitingFirstResult.isEmpty()) {
            step(inst, new VrrpEvent.Startup(), now);
        } else {
            LOG.info("{}: waiting in INITIALIZE for the first result of {}", s.name(), inst.awaitingFirstResult);
        }
        if (inst.state.state() != VrrpState.MASTER) {
            // VIPs left on the interface by a crash go unless this node is MASTER (it re-adds them then).
            removeVips(inst);
        }
        LOG.info("{}: started on {} (VRID {}, priority {}, {}, {})", s.name(), link.name(), s.virtualRouterId(),
                s.priority(), s.version(), s.unicastPeers().isEmpty() ? "multicast" : "unicast " + s.unicastPeers());
    }

    /**
     * A check before its first result, as keepalived counts it: with {@code initFail} it is KO; otherwise it is
     * in keepalived's INIT state, where its weight is neither added nor subtracted, and a weight-0 check holds
     * the instance back until its first result ({@link #holdsStartup}).
     */
    static EffectivePriority.TrackedCheck initialStatus(io.vipkeeper.agent.check.CheckDefinition check) {
        if (check.initFail()) {
            return new EffectivePriority.TrackedCheck(check.weight(), false);
        }
        return new EffectivePriority.TrackedCheck(check.weight(), check.weight() < 0);
    }

    /**
     * A weight-0 check in keepalived's INIT state keeps the instance in INITIALIZE — no state entered, nothing
     * notified — until its first result; then the instance starts, in FAULT if that result was a failure.
     * keepalived 2.2 does the same: with such a script it logs no state until the script has run, then enters
     * BACKUP (notifying BACKUP, not a FAULT first). Starting in FAULT instead sent every notify script and webhook
     * a FAULT at each start of the agent.
     */
    static boolean holdsStartup(io.vipkeeper.agent.check.CheckDefinition check) {
        return check.weight() == 0 && !check.initFail();
    }

    private void stopInstance(InstanceRuntime inst, long now) {
        step(inst, new VrrpEvent.Shutdown(), now);
        // Whatever state it ended in, its VIPs must not stay behind (idempotent remove).
        removeVips(inst);
        instances.remove(inst.name());
        InterfaceChannel ch = inst.channel;
        ch.instances.remove(inst);
        if (ch.instances.isEmpty()) {
            if (ch.pollToken >= 0) {
                poller.unregister(ch.pollToken);
            }
            ch.close();
            channels.remove(ch.key());
        } else {
            try {
                ch.refresh(poller);
            } catch (LinuxException e) {
                LOG.warn("{}: {}", ch.key(), e.getMessage());
            }
        }
    }

    private void shutdownAll(long now) {
        for (InstanceRuntime inst : List.copyOf(instances.values())) {
            try {
                stopInstance(inst, now);
            } catch (RuntimeException e) {
                LOG.error("{}: shutdown step failed", inst.name(), e);
            }
        }
        publishSnapshot();
        for (InterfaceChannel ch : channels.values()) {
            ch.close();
        }
        channels.clear();
        if (monitor != null) {
            monitor.close();
        }
        if (rtnetlink != null) {
            rtnetlink.close();
        }
        if (poller != null) {
            poller.close();
        }
    }

    /**
     * The source address of our adverts: the interface's primary (first, not secondary) IPv4 address that is
     * not a VIP of ours, or its IPv6 link-local address (RFC 9568 §5.1.1.1 / §5.1.2.1).
     */
    private InetAddress primaryAddress(LinkInfo link, AddressFamily family) throws LinuxException {
        List<InetAddress> vips = new ArrayList<>();
        for (InstanceRuntime inst : instances.values()) {
            inst.settings.addresses().forEach(v -> vips.add(v.address()));
        }
        Optional<InetAddress> found = SourceAddress.choose(rtnetlink.addressesOf(link.index()), link.index(),
                family == AddressFamily.IPV6, vips);
        return found.orElseThrow(() -> new LinuxException("interface " + link.name() + " has no "
                + (family == AddressFamily.IPV4 ? "IPv4 address" : "usable IPv6 link-local address")
                + " to send VRRP adverts from"));
    }

    // ------------------------------------------------------------------------------------------ snapshots

    private void publishSnapshotIfDue(long now) {
        if (!snapshotDirty && now - nextSnapshotAt < 0) {
            return;
        }
        // Building a snapshot takes a few milliseconds while the JVM is cold: never let it delay a timer that
        // is about to fire (an advert or a takeover). It runs in the next gap instead, and at the latest after
        // SNAPSHOT_MAX_DEFERRAL, so that even 10 ms adverts cannot starve the state file.
        if (nanosUntilNextTimer(now) < SNAPSHOT_SLACK_NANOS && now - lastSnapshotAt < SNAPSHOT_MAX_DEFERRAL_NANOS) {
            return;
        }
        publishSnapshot();
        snapshotDirty = false;
        lastSnapshotAt = now;
        nextSnapshotAt = now + SNAPSHOT_PERIOD_NANOS;
    }

    /** Nanoseconds until the earliest VRRP or announcement timer of any instance (Long.MAX_VALUE: none). */
    private long nanosUntilNextTimer(long now) {
        long earliest = Long.MAX_VALUE;
        for (InstanceRuntime inst : instances.values()) {
            OptionalLong d = inst.state.nextDeadline();
            if (d.isPresent()) {
                earliest = Math.min(earliest, d.getAsLong() - now);
            }
            if (inst.secondBurstDeadline != InstanceRuntime.NONE) {
                earliest = Math.min(earliest, inst.secondBurstDeadline - now);
            }
            if (inst.refreshDeadline != InstanceRuntime.NONE) {
                earliest = Math.min(earliest, inst.refreshDeadline - now);
            }
        }
        return earliest;
    }

    private void publishSnapshot() {
        List<AgentSnapshot.InstanceSnapshot> list = new ArrayList<>(instances.size());
        for (InstanceRuntime inst : instances.values()) {
            InstanceState st = inst.state;
            boolean master = st.state() == VrrpState.MASTER;
            Map<String, Boolean> checks = new TreeMap<>();
            inst.checks.forEach((name, c) -> checks.put(name, c.ok()));
            InetAddress masterAddress = master ? inst.channel.primaryAddress : inst.masterAddress;
            list.add(new AgentSnapshot.InstanceSnapshot(
                    inst.name(),
                    inst.channel.interfaceName,
                    inst.settings.family().name(),
                    inst.settings.version().wireValue(),
                    inst.settings.virtualRouterId(),
                    st.state().name(),
                    inst.settings.priority(),
                    st.priority(),
                    st.faults().stream().map(FaultReason::key).sorted().toList(),
                    inst.settings.addresses().stream().map(VipAddress::toString).toList(),
                    masterAddress == null ? null : masterAddress.getHostAddress(),
                    master ? st.priority() : inst.masterPriority,
                    inst.lastTransition,
                    st.transitions(),
                    inst.advertsSent,
                    inst.advertsReceived,
                    inst.announcementsSent,
                    inst.sendErrors,
                    checks));
        }
        List<AgentSnapshot.ReceiveSnapshot> receive = new ArrayList<>(channels.size());
        for (InterfaceChannel ch : channels.values()) {
            Map<String, Long> dropped = new TreeMap<>();
            ch.counters.dropSnapshot().forEach((reason, n) -> {
                if (n > 0) {
                    dropped.put(reason.name(), n);
                }
            });
            Map<String, Long> notes = new TreeMap<>();
            ch.counters.noteSnapshot().forEach((note, n) -> {
                if (n > 0) {
                    notes.put(note.name(), n);
                }
            });
            VrrpSocket.Counters sc = ch.socket.counters();
            receive.add(new AgentSnapshot.ReceiveSnapshot(ch.interfaceName, ch.family.name(), ch.counters.accepted(),
                    dropped, notes, sc.ignoredFromUnknownSource(), sc.malformed()));
        }
        AgentSnapshot next = new AgentSnapshot(wallClock.instant(), List.copyOf(list), List.copyOf(receive));
        snapshot = next;
        try {
            snapshotSink.accept(next);
        } catch (RuntimeException e) {
            LOG.warn("snapshot sink failed: {}", e.getMessage());
        }
    }
}
