package io.vipkeeper.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.vipkeeper.agent.check.CheckDefinition;
import io.vipkeeper.agent.notify.HookDefinition;
import io.vipkeeper.agent.vrrp.wire.AddressFamily;
import io.vipkeeper.api.v1alpha1.CheckSpec;
import io.vipkeeper.api.v1alpha1.Durations;
import io.vipkeeper.api.v1alpha1.ExecHook;
import io.vipkeeper.api.v1alpha1.ExecProbe;
import io.vipkeeper.api.v1alpha1.Formats;
import io.vipkeeper.api.v1alpha1.HttpProbe;
import io.vipkeeper.api.v1alpha1.HttpScheme;
import io.vipkeeper.api.v1alpha1.NotifySpec;
import io.vipkeeper.api.v1alpha1.TcpProbe;
import io.vipkeeper.api.v1alpha1.WebhookHook;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an instance's {@code checks} (the CRD's {@link CheckSpec}) into {@link CheckDefinition}s and its
 * {@code notify} (the CRD's {@link NotifySpec}) into {@link HookDefinition}s, with the same rules as the CRD's
 * schema and keepalived's defaults. Commands are kept as written: the runtime resolves them in the script directory.
 */
final class CheckAndNotifyReader {

    /** The CRD's documented default for an exec notify hook ({@code ExecHook.timeout}: "Absent: 10s"). */
    static final Duration NOTIFY_EXEC_DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The CRD's documented default for a webhook request ({@code WebhookHook.timeout}: "Absent: 5s"). */
    static final Duration WEBHOOK_DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Problems problems;
    private final SpecBinder binder;

    CheckAndNotifyReader(Problems problems, SpecBinder binder) {
        this.problems = problems;
        this.binder = binder;
    }

    /** The checks of one instance; wrong ones are reported and left out. */
    List<CheckDefinition> checks(MappingReader instance, AddressFamily family) {
        List<MappingReader.Element> elements = instance.list("checks");
        if (elements == null) {
            return List.of();
        }
        List<CheckDefinition> checks = new ArrayList<>();
        Map<String, Integer> lineOfName = new HashMap<>();
        for (MappingReader.Element element : elements) {
            if (!element.node().isObject()) {
                problems.at(element.pointer(), "a check must be a mapping (name:, exec:/http:/tcp:, ...), not "
                        + MappingReader.describe(element.node()));
                continue;
            }
            CheckSpec spec = binder.bind(problems, element.node(), element.pointer(), CheckSpec.class);
            if (spec != null) {
                CheckDefinition check = check(spec, element.pointer(), family, lineOfName, element.index());
                if (check != null) {
                    checks.add(check);
                }
            }
        }
        return checks;
    }

    private CheckDefinition check(CheckSpec spec, String at, AddressFamily family, Map<String, Integer> seen,
            int index) {
        int before = problems.count();
        String name = spec.getName();
        if (name == null || name.isBlank()) {
            problems.at(at, "a check needs a 'name'");
        } else if (!name.matches(Formats.CHECK_NAME)) {
            problems.at(at + "/name", "check name '" + name + "' must start with a letter or digit and hold only "
                    + "letters, digits, '_', '.', '-' (at most 63 characters)");
        } else if (seen.putIfAbsent(name, index) != null) {
            problems.at(at + "/name", "check name '" + name + "' is already used by checks[" + seen.get(name)
                    + "] of this instance; names are unique per instance");
        }
        List<String> kinds = new ArrayList<>();
        if (spec.getExec() != null) {
            kinds.add("exec");
        }
        if (spec.getHttp() != null) {
            kinds.add("http");
        }
        if (spec.getTcp() != null) {
            kinds.add("tcp");
        }
        CheckDefinition.Probe probe = null;
        if (kinds.size() != 1) {
            problems.at(at, "a check has exactly one of exec, http, tcp; this one has "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
        } else {
            probe = switch (kinds.getFirst()) {
                case "exec" -> execProbe(spec.getExec(), at + "/exec");
                case "http" -> httpProbe(spec.getHttp(), at + "/http", family);
                default -> tcpProbe(spec.getTcp(), at + "/tcp", family);
            };
        }
        Duration interval = positiveDuration(spec.getInterval(), at + "/interval", "interval");
        Duration timeout = positiveDuration(spec.getTimeout(), at + "/timeout", "timeout");
        Integer fall = inRange(spec.getFall(), at + "/fall", "fall", 1, 255);
        Integer rise = inRange(spec.getRise(), at + "/rise", "rise", 1, 255);
        Integer weight = inRange(spec.getWeight(), at + "/weight", "weight", -CheckDefinition.MAX_WEIGHT,
                CheckDefinition.MAX_WEIGHT);
        if (problems.count() != before || probe == null) {
            return null;
        }
        return CheckDefinition.withDefaults(name, probe, interval, timeout, fall, rise, weight,
                Boolean.TRUE.equals(spec.getInitFail()));
    }

    private CheckDefinition.Probe execProbe(ExecProbe exec, String at) {
        List<String> command = command(exec.getCommand(), at + "/command");
        return command == null ? null : new CheckDefinition.ExecProbe(command);
    }

    /** A command as written, refusing what the runtime's script resolver would always refuse. */
    private List<String> command(List<String> command, String at) {
        if (command == null || command.isEmpty()) {
            problems.at(at, "'command' needs at least the program, for example [check.sh]");
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i) == null || command.get(i).isEmpty()) {
                problems.at(at + "/" + i, "a command entry is empty");
                ok = false;
            }
        }
        if (ok && command.getFirst().matches("(^|.*/)[.][.](/.*|$)")) {
            problems.at(at + "/0", "the program '" + command.getFirst() + "' has a '..' segment; scripts are taken "
                    + "from the script directory only");
            ok = false;
        }
        return ok ? command : null;
    }

    private CheckDefinition.Probe httpProbe(HttpProbe http, String at, AddressFamily family) {
        int before = problems.count();
        Integer port = port(http.getPort(), at);
        String host = host(http.getHost(), at, family);
        String path = http.getPath();
        if (path != null && (!path.startsWith("/") || path.length() > 2048)) {
            problems.at(at + "/path", "'path' must start with '/' (at most 2048 characters), not '" + path + "'");
        }
        List<Integer> expect = http.getExpectStatus();
        if (expect != null) {
            for (int i = 0; i < expect.size(); i++) {
                Integer status = expect.get(i);
                if (status == null || status < 100 || status > 599) {
                    problems.at(at + "/expectStatus/" + i, "an expected HTTP status must be in 100..599, not "
                            + status);
                }
            }
        }
        if (problems.count() != before) {
            return null;
        }
        return new CheckDefinition.HttpProbe(host, port, path, expect, http.getScheme() == HttpScheme.HTTPS,
                Boolean.TRUE.equals(http.getInsecureSkipVerify()));
    }

    private CheckDefinition.Probe tcpProbe(TcpProbe tcp, String at, AddressFamily family) {
        int before = problems.count();
        Integer port = port(tcp.getPort(), at);
        String host = host(tcp.getHost(), at, family);
        return problems.count() != before ? null : new CheckDefinition.TcpProbe(host, port);
    }

    private Integer port(Integer port, String at) {
        if (port == null) {
            problems.at(at, "'port' is missing");
            return null;
        }
        return inRange(port, at + "/port", "port", 1, 65535);
    }

    /** The host as written; absent means the loopback address of the instance's family (the CRD's rule). */
    private String host(String host, String at, AddressFamily family) {
        if (host == null) {
            return family == AddressFamily.IPV6 ? "::1" : "127.0.0.1";
        }
        if (host.isBlank() || host.length() > 253 || host.chars().anyMatch(Character::isWhitespace)) {
            problems.at(at + "/host", "'host' must be a host name or address (1..253 characters, no spaces), not '"
                    + host + "'");
            return null;
        }
        return host;
    }

    private Integer inRange(Integer value, String at, String what, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.at(at, "'" + what + "' must be in " + min + ".." + max + ", not " + value);
            return null;
        }
        return value;
    }

    private Duration positiveDuration(String text, String at, String what) {
        if (text == null) {
            return null;
        }
        try {
            Duration duration = Durations.parse(text);
            if (duration.isZero()) {
                problems.at(at, "'" + what + "' must be longer than 0s");
                return null;
            }
            return duration;
        } catch (Durations.InvalidDurationException e) {
            problems.at(at, "'" + what + "': " + e.getMessage());
            return null;
        }
    }

    /** The notify hooks of one instance: the exec hook first, then the webhook. */
    List<HookDefinition> hooks(MappingReader instance) {
        JsonNode node = instance.raw("notify");
        if (node == null) {
            return List.of();
        }
        String at = instance.pointer("notify");
        if (!node.isObject()) {
            problems.at(at, "'notify' must be a mapping with exec: and/or webhook:, not " + MappingReader.describe(node));
            return List.of();
        }
        NotifySpec spec = binder.bind(problems, node, at, NotifySpec.class);
        if (spec == null) {
            return List.of();
        }
        List<HookDefinition> hooks = new ArrayList<>();
        if (spec.getExec() != null) {
            HookDefinition hook = execHook(spec.getExec(), at + "/exec");
            if (hook != null) {
                hooks.add(hook);
            }
        }
        if (spec.getWebhook() != null) {
            HookDefinition hook = webhook(spec.getWebhook(), at + "/webhook");
            if (hook != null) {
                hooks.add(hook);
            }
        }
        return hooks;
    }

    private HookDefinition execHook(ExecHook exec, String at) {
        int before = problems.count();
        List<String> command = command(exec.getCommand(), at + "/command");
        Duration timeout = positiveDuration(exec.getTimeout(), at + "/timeout", "timeout");
        if (problems.count() != before) {
            return null;
        }
        return new HookDefinition.ExecHook(command, timeout == null ? NOTIFY_EXEC_DEFAULT_TIMEOUT : timeout);
    }

    private HookDefinition webhook(WebhookHook webhook, String at) {
        int before = problems.count();
        URI url = url(webhook.getUrl(), at);
        Duration timeout = positiveDuration(webhook.getTimeout(), at + "/timeout", "timeout");
        if (problems.count() != before) {
            return null;
        }
        return new HookDefinition.Webhook(url, timeout == null ? WEBHOOK_DEFAULT_TIMEOUT : timeout, null, null, null);
    }

    private URI url(String text, String at) {
        if (text == null || text.isBlank()) {
            problems.at(at, "a webhook needs a 'url'");
            return null;
        }
        try {
            URI url = new URI(text);
            String scheme = url.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
                problems.at(at + "/url", "the webhook URL must start with http:// or https://, not '" + text + "'");
                return null;
            }
            if (url.getHost() == null || url.getHost().isEmpty()) {
                problems.at(at + "/url", "the webhook URL '" + text + "' has no host");
                return null;
            }
            if (text.length() > 2048) {
                problems.at(at + "/url", "the webhook URL is longer than 2048 characters");
                return null;
            }
            return url;
        } catch (URISyntaxException e) {
            problems.at(at + "/url", "'" + text + "' is not a URL: " + e.getReason());
            return null;
        }
    }
}
