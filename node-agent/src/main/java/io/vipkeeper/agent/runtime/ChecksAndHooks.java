package io.vipkeeper.agent.runtime;

import io.vipkeeper.agent.check.CheckDefinition;
import io.vipkeeper.agent.check.CheckEventLoop;
import io.vipkeeper.agent.check.CheckScheduler;
import io.vipkeeper.agent.check.CheckStatus;
import io.vipkeeper.agent.check.DefaultCheckFactory;
import io.vipkeeper.agent.check.exec.ExecutorTaskScheduler;
import io.vipkeeper.agent.check.exec.ScriptResolver;
import io.vipkeeper.agent.check.exec.ScriptRunner;
import io.vipkeeper.agent.check.exec.ScriptUser;
import io.vipkeeper.agent.config.AgentConfig;
import io.vipkeeper.agent.config.InstanceSettings;
import io.vipkeeper.agent.config.VipAddress;
import io.vipkeeper.agent.notify.ExecNotifyHook;
import io.vipkeeper.agent.notify.Hook;
import io.vipkeeper.agent.notify.HookDefinition;
import io.vipkeeper.agent.notify.NotifyCounters;
import io.vipkeeper.agent.notify.NotifyScope;
import io.vipkeeper.agent.notify.NotifyState;
import io.vipkeeper.agent.notify.Transition;
import io.vipkeeper.agent.notify.TransitionNotifier;
import io.vipkeeper.agent.notify.WebhookHook;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's work off the VRRP thread, per instance: its tracked checks (each result goes to
 * {@link AgentRuntime#checkStatusChanged}) and its notify hooks (keepalived's argv, webhooks), which the
 * runtime's {@link TransitionListener} feeds. Instances whose settings did not change on a reload keep their
 * check schedulers, so a reload causes no blip.
 */
public final class ChecksAndHooks implements TransitionListener, AutoCloseable {
    private final String nodeName;
    private final Clock clock;
    private final ScriptRunner scripts;
    private final ExecutorTaskScheduler timer = new ExecutorTaskScheduler("checks-timer");
    private final ExecutorService launcher = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "script-launcher");
        t.setDaemon(true);
        return t;
    });
    /** Netty's loop for HTTP and TCP checks: started only when a configuration has such a check. */
    private CheckEventLoop checkLoop;
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notify-dispatch");
        t.setDaemon(true);
        return t;
    });
    private final NotifyCounters notifyCounters = new NotifyCounters();
    private final TransitionNotifier notifier = new TransitionNotifier(TransitionNotifier.DEFAULT_CAPACITY,
            notifyCounters, dispatcher);
    private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, CheckScheduler> schedulers = new HashMap<>();
    private final Map<String, InstanceSettings> current = new HashMap<>();
    /** Hooks per instance, and how many hook deliveries were asked for: close() waits for them to end. */
    private final Map<String, Integer> hookCount = new ConcurrentHashMap<>();
    private final AtomicLong deliveriesRequested = new AtomicLong();
    private AgentRuntime runtime;

    /**
     * @param scriptDirectory where exec checks and hooks must live; null when the configuration has none
     * @param scriptUser      who scripts run as
     */
    public ChecksAndHooks(String nodeName, Path scriptDirectory, ScriptUser scriptUser, Clock clock)
            throws IOException {
        this.nodeName = nodeName;
        this.clock = clock;
        this.scripts = scriptDirectory == null ? null
                : new ScriptRunner(new ScriptResolver(scriptDirectory), scriptUser, timer, launcher);
    }

    /** True when the configuration runs scripts (exec checks or exec notify hooks). */
    public static boolean needsScripts(AgentConfig config) {
        for (InstanceSettings s : config.instances()) {
            for (CheckDefinition c : s.checks()) {
                if (c.probe() instanceof CheckDefinition.ExecProbe) {
                    return true;
                }
            }
            for (HookDefinition h : s.hooks()) {
                if (h instanceof HookDefinition.ExecHook) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Sets up hooks for a configuration; call before the runtime applies it, so its transitions are heard. */
    public void prepare(AgentConfig config) {
        for (InstanceSettings s : config.instances()) {
            List<Hook> hooks = new ArrayList<>();
            for (HookDefinition h : s.hooks()) {
                switch (h) {
                    case HookDefinition.ExecHook exec -> hooks.add(new ExecNotifyHook(exec, requireScripts()));
                    case HookDefinition.Webhook web -> hooks.add(
                            new WebhookHook(web, webhookClient, timer, notifyCounters));
                }
            }
            notifier.setHooks(s.name(), hooks);
            hookCount.put(s.name(), hooks.size());
        }
    }

    /** Starts (or restarts, for changed instances) the checks of a configuration the runtime now runs. */
    public synchronized void startChecks(AgentRuntime agent, AgentConfig config) {
        this.runtime = agent;
        Map<String, InstanceSettings> wanted = new HashMap<>();
        config.instances().forEach(s -> wanted.put(s.name(), s));
        for (String name : List.copyOf(current.keySet())) {
            InstanceSettings next = wanted.get(name);
            if (next == null || !next.equals(current.get(name))) {
                CheckScheduler old = schedulers.remove(name);
                if (old != null) {
                    old.close();
                }
                current.remove(name);
            }
        }
        for (InstanceSettings s : config.instances()) {
            if (current.containsKey(s.name()) || s.checks().isEmpty()) {
                current.putIfAbsent(s.name(), s);
                continue;
            }
            String instance = s.name();
            if (checkLoop == null && s.checks().stream().anyMatch(c -> !(c.probe() instanceof CheckDefinition.ExecProbe))) {
                checkLoop = new CheckEventLoop();
            }
            CheckScheduler scheduler = new CheckScheduler(timer, new DefaultCheckFactory(scripts, checkLoop),
                    change -> {
                        if (change.current() != CheckStatus.UNKNOWN) {
                            runtime.checkStatusChanged(instance, change.checkName(), change.weight(),
                                    change.current() == CheckStatus.OK);
                        }
                    });
            for (CheckDefinition c : s.checks()) {
                scheduler.start(c);
            }
            schedulers.put(instance, scheduler);
            current.put(instance, s);
        }
    }

    private ScriptRunner requireScripts() {
        if (scripts == null) {
            throw new IllegalStateException("exec hooks need a script directory (--script-dir)");
        }
        return scripts;
    }

    @Override
    public void onTransition(InstanceSettings instance, io.vipkeeper.agent.vrrp.engine.NotifyState from,
            io.vipkeeper.agent.vrrp.engine.NotifyState to, int priority) {
        deliveriesRequested.addAndGet(hookCount.getOrDefault(instance.name(), 0));
        notifier.notify(new Transition(NotifyScope.INSTANCE, instance.name(), nodeName,
                NotifyState.valueOf(from.name()), NotifyState.valueOf(to.name()), priority,
                instance.addresses().stream().map(VipAddress::toString).toList(), instance.interfaceName(),
                clock.instant()));
    }

    public NotifyCounters notifyCounters() {
        return notifier.counters();
    }

    /** Stops the checks (first step of a shutdown: no priority changes while the instances stop). */
    public synchronized void stopChecks() {
        schedulers.values().forEach(CheckScheduler::close);
        schedulers.clear();
        current.clear();
        if (checkLoop != null) {
            checkLoop.close();
            checkLoop = null;
        }
    }

    /**
     * Stops the checks, then waits (at most {@code patience}) until every notification asked for so far has been
     * delivered, has failed or timed out — so the STOP notifications of a shutdown really run — and only then
     * stops the script launcher and the timers.
     */
    public void close(Duration patience) {
        stopChecks();
        long deadline = System.nanoTime() + patience.toNanos();
        while (finishedDeliveries() < deliveriesRequested.get() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (this) {
            timer.close();
            launcher.shutdown();
        }
    }

    private long finishedDeliveries() {
        NotifyCounters c = notifier.counters();
        return c.delivered() + c.failed() + c.timedOut() + c.dropped();
    }

    /** {@link #close(Duration)} with a patience of a notify hook's default timeout plus a margin. */
    @Override
    public void close() {
        close(Duration.ofSeconds(15));
    }
}
