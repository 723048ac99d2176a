package io.vipkeeper.agent.check.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a script from the script directory with a timeout, in its own process group, as the configured user. Used by
 * {@code exec} checks and {@code exec} notify hooks alike. {@link #run} never blocks the caller.
 *
 * <p>How a script is started (when the agent runs as root and the script user is not root):
 * <pre>  /usr/bin/setsid /usr/bin/setpriv --reuid=UID --regid=GID --clear-groups -- /real/path/script ARGS…</pre>
 * {@code setsid} makes the process a session and group leader (pid == pgid) and execs in place; {@code setpriv}
 * drops to the user's uid and gid with no supplementary groups and execs in place. The pid Java sees is therefore
 * the script's pid and its process group id. On timeout the group gets SIGTERM, and SIGKILL {@link #TERM_GRACE}
 * later if the script is still alive — keepalived's sequence; as soon as the script itself has died the group
 * gets SIGKILL, so children that ignored the SIGTERM go too. Only a child that deliberately starts its own
 * session (setsid) escapes the group. When the agent is not root it cannot switch users, so {@code setpriv} is
 * left out and the script runs as the agent's own (non-root) user.
 *
 * <p>The environment is not inherited from the agent: scripts get {@code PATH} (a fixed system path) plus the
 * variables the caller passes. Standard input, output and error are discarded.
 */
public final class ScriptRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunner.class);
    /** The only variable scripts get besides the caller's. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** Time between SIGTERM and SIGKILL for a script past its timeout (keepalived uses 2 s). */
    public static final Duration TERM_GRACE = Duration.ofSeconds(2);

    private final ScriptResolver resolver;
    private final ScriptUser user;
    private final TaskScheduler timer;
    private final Executor launcher;
    private final Path setsid;
    private final Path setpriv;
    private final int agentUid;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param resolver where scripts may live
     * @param user who scripts run as ({@link ScriptUser#NOBODY} by default)
     * @param timer fires timeouts
     * @param launcher a small pool on which files are checked and processes started (fork/exec blocks briefly)
     */
    public ScriptRunner(ScriptResolver resolver, ScriptUser user, TaskScheduler timer, Executor launcher) {
        this(resolver, user, timer, launcher, locate("setsid"), locate("setpriv"), currentUid());
    }

    ScriptRunner(ScriptResolver resolver, ScriptUser user, TaskScheduler timer, Executor launcher,
            Path setsid, Path setpriv, int agentUid) {
        this.resolver = Objects.requireNonNull(resolver);
        this.user = Objects.requireNonNull(user);
        this.timer = Objects.requireNonNull(timer);
        this.launcher = Objects.requireNonNull(launcher);
        this.setsid = setsid;
        this.setpriv = setpriv;
        this.agentUid = agentUid;
    }

    /**
     * Starts {@code command} (its first element resolved in the script directory, the rest passed as arguments).
     *
     * @return completes once the script has exited, been killed at {@code timeout}, or been refused
     */
    public CompletableFuture<ScriptOutcome> run(List<String> command, Map<String, String> environment,
            Duration timeout) {
        CompletableFuture<ScriptOutcome> result = new CompletableFuture<>();
        try {
            launcher.execute(() -> launch(List.copyOf(command), Map.copyOf(environment), timeout, result));
        } catch (RuntimeException e) {
            result.complete(new ScriptOutcome.NotStarted("launcher rejected the run: " + e));
        }
        return result;
    }

    private void launch(List<String> command, Map<String, String> environment, Duration timeout,
            CompletableFuture<ScriptOutcome> result) {
        List<String> argv;
        try {
            argv = buildArgv(command);
        } catch (ScriptRefusedException e) {
            LOG.warn("refusing script: {}", e.getMessage());
            result.complete(new ScriptOutcome.Refused(e));
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(resolver.scriptDirectory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", DEFAULT_PATH);
        env.putAll(environment);
        Process process;
        try {
            if (closed) {
                throw new IllegalStateException("the script runner is closed");
            }
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            result.complete(new ScriptOutcome.NotStarted("cannot start " + argv + ": " + e.getMessage()));
            return;
        }
        running.add(process);
        if (closed) {
            killGroupOrDescendants(process, process.pid());
        }
        long pgid = process.pid();
        AtomicBoolean timedOut = new AtomicBoolean();
        AtomicReference<TaskScheduler.Cancellable> forceKill = new AtomicReference<>();
        TaskScheduler.Cancellable terminate = timer.schedule(timeout, () -> {
            if (process.isAlive() && timedOut.compareAndSet(false, true)) {
                // keepalived's sequence: SIGTERM to the group, SIGKILL to the group TERM_GRACE later.
                LOG.warn("script {} ran past its {} timeout; terminating process group {}", command.getFirst(),
                        timeout, pgid);
                if (!ProcessGroups.signalGroup(pgid, ProcessGroups.SIGTERM)) {
                    process.destroy();
                }
                forceKill.set(timer.schedule(TERM_GRACE, () -> {
                    if (process.isAlive()) {
                        LOG.warn("script {} ignored SIGTERM; killing process group {}", command.getFirst(), pgid);
                        killGroupOrDescendants(process, pgid);
                    }
                }));
            }
        });
        process.onExit().whenComplete((p, error) -> {
            running.remove(process);
            terminate.cancel();
            if (timedOut.get()) {
                TaskScheduler.Cancellable pending = forceKill.get();
                if (pending != null) {
                    pending.cancel();
                }
                // The leader is gone; children that outlived the SIGTERM die now (keepalived does the same).
                ProcessGroups.killGroup(pgid);
                result.complete(new ScriptOutcome.TimedOut(timeout));
            } else {
                result.complete(new ScriptOutcome.Exited(process.exitValue()));
            }
        });
    }

    /** Kills the process group of every script still running; later runs complete as not started. */
    @Override
    public void close() {
        closed = true;
        for (Process process : running) {
            killGroupOrDescendants(process, process.pid());
        }
    }

    private static void killGroupOrDescendants(Process process, long pgid) {
        if (!ProcessGroups.killGroup(pgid)) {
            // Fallback if the group could not be signalled: the leader and the descendants Java can see.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Resolves and vets the script, then builds the full argv including {@code setsid}/{@code setpriv}. */
    List<String> buildArgv(List<String> command) throws ScriptRefusedException {
        if (command.isEmpty()) {
            throw new ScriptRefusedException(ScriptRefusal.EMPTY_COMMAND, "", "no command given");
        }
        Path script = resolver.resolve(command.getFirst());
        List<String> argv = new ArrayList<>();
        argv.add(setsid.toString());
        if (agentUid == 0) {
            Optional<ScriptUser.Ids> ids = user.resolve();
            if (ids.isEmpty()) {
                throw new ScriptRefusedException(ScriptRefusal.UNKNOWN_USER, user.name(),
                        "the script user does not exist on this node");
            }
            if (ids.get().isRoot()) {
                ScriptSecurity.requireSafeForRoot(script);
            } else {
                ScriptSecurity.requireRunnableBy(script, ids.get(), user.name());
                argv.add(setpriv.toString());
                argv.add("--reuid=" + ids.get().uid());
                argv.add("--regid=" + ids.get().gid());
                argv.add("--clear-groups");
            }
        }
        argv.add("--");
        argv.add(script.toString());
        argv.addAll(command.subList(1, command.size()));
        return argv;
    }

    private static Path locate(String tool) {
        for (String dir : new String[] {"/usr/bin", "/bin", "/usr/sbin", "/sbin"}) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Path.of("/usr/bin", tool);
    }

    /** The agent's real uid, from {@code /proc/self}. */
    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
