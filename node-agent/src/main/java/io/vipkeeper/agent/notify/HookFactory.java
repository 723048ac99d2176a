package io.vipkeeper.agent.notify;

import io.vipkeeper.agent.check.exec.ScriptRunner;
import io.vipkeeper.agent.check.exec.TaskScheduler;
import java.net.http.HttpClient;
import java.util.List;

/** Builds {@link Hook}s from definitions, sharing one script runner, one HTTP client and one timer. */
public final class HookFactory {
    private final ScriptRunner scripts;
    private final HttpClient http;
    private final TaskScheduler timer;
    private final NotifyCounters counters;

    public HookFactory(ScriptRunner scripts, HttpClient http, TaskScheduler timer, NotifyCounters counters) {
        this.scripts = scripts;
        this.http = http;
        this.timer = timer;
        this.counters = counters;
    }

    public Hook create(HookDefinition definition) {
        return switch (definition) {
            case HookDefinition.ExecHook exec -> new ExecNotifyHook(exec, scripts);
            case HookDefinition.Webhook webhook -> new WebhookHook(webhook, http, timer, counters);
        };
    }

    public List<Hook> createAll(List<HookDefinition> definitions) {
        return definitions.stream().map(this::create).toList();
    }
}
