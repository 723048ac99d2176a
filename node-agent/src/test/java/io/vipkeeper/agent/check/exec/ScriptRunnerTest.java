package io.vipkeeper.agent.check.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import io.vipkeeper.agent.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes in a temporary script directory. */
class ScriptRunnerTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path scripts;

    ExecutorTaskScheduler timer;
    ExecutorService launcher;

    @BeforeEach
    void setUp() {
        timer = new ExecutorTaskScheduler("test-timer");
        launcher = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        timer.close();
        launcher.shutdownNow();
    }

    private ScriptRunner runner(ScriptUser user) throws Exception {
        return new ScriptRunner(new ScriptResolver(scripts), user, timer, launcher);
    }

    private static ScriptOutcome outcome(java.util.concurrent.CompletableFuture<ScriptOutcome> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    @Test
    void reportsTheExitCode() throws Exception {
        TestScripts.write(scripts, "ok.sh", "exit 0");
        TestScripts.write(scripts, "three.sh", "exit 3");
        ScriptRunner r = runner(ScriptUser.ROOT);
        assertThat(outcome(r.run(List.of("ok.sh"), Map.of(), LONG))).isEqualTo(new ScriptOutcome.Exited(0));
        assertThat(outcome(r.run(List.of("three.sh"), Map.of(), LONG))).isEqualTo(new ScriptOutcome.Exited(3));
    }

    @Test
    void passesArgumentsAndOnlyTheGivenEnvironment() throws Exception {
        Path out = scripts.resolve("out.txt");
        TestScripts.write(scripts, "args.sh",
                "printf '%s|' \"$@\" > " + out + "; echo \"FOO=$FOO HOME=${HOME:-unset}\" >> " + out);
        ScriptRunner r = runner(ScriptUser.ROOT);
        assertThat(outcome(r.run(List.of("args.sh", "a b", "c"), Map.of("FOO", "bar"), LONG)).succeeded()).isTrue();
        assertThat(Files.readString(out)).isEqualTo("a b|c|FOO=bar HOME=unset\n");
    }

    @Test
    void refusedScriptsNeverStart() throws Exception {
        ScriptRunner r = runner(ScriptUser.ROOT);
        ScriptOutcome outcome = outcome(r.run(List.of("../etc/passwd"), Map.of(), LONG));
        assertThat(outcome).isInstanceOfSatisfying(ScriptOutcome.Refused.class,
                refused -> assertThat(refused.refusal().reason()).isEqualTo(ScriptRefusal.PARENT_TRAVERSAL));
        assertThat(outcome.succeeded()).isFalse();
    }

    @Test
    void aLauncherThatCannotStartIsNotStartedNotSuccess() throws Exception {
        TestScripts.write(scripts, "ok.sh", "exit 0");
        ScriptRunner r = new ScriptRunner(new ScriptResolver(scripts), ScriptUser.ROOT, timer, launcher,
                Path.of("/nonexistent/setsid"), Path.of("/nonexistent/setpriv"), ScriptRunner.currentUid());
        ScriptOutcome outcome = outcome(r.run(List.of("ok.sh"), Map.of(), LONG));
        assertThat(outcome).isInstanceOf(ScriptOutcome.NotStarted.class);
        assertThat(outcome.succeeded()).isFalse();
    }

    @Test
    void aScriptWhoseInterpreterIsMissingFails() throws Exception {
        Path s = scripts.resolve("badshebang.sh");
        Files.writeString(s, "#!/nonexistent/interpreter\nexit 0\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
        ScriptOutcome outcome = outcome(runner(ScriptUser.ROOT).run(List.of("badshebang.sh"), Map.of(), LONG));
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome).isInstanceOf(ScriptOutcome.Exited.class);
    }

    @Test
    void runsInItsOwnProcessGroupAndATimeoutKillsTheScriptAndItsChild() throws Exception {
        Path childPid = scripts.resolve("child.pid");
        Path selfPid = scripts.resolve("self.pid");
        TestScripts.write(scripts, "hang.sh",
                "sleep 300 &\necho $! > " + childPid + "\necho $$ > " + selfPid + "\nwait");
        var running = runner(ScriptUser.ROOT).run(List.of("hang.sh"), Map.of(), Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(childPid) && Files.size(childPid) > 0
                && Files.exists(selfPid) && Files.size(selfPid) > 0);
        long script = TestScripts.readPid(selfPid);
        long child = TestScripts.readPid(childPid);
        // setsid made the script a group leader: its pid is the group id, and its child is in that group.
        assertThat(TestScripts.pgid(script)).hasValue(script);
        assertThat(TestScripts.pgid(child)).hasValue(script);

        assertThat(outcome(running)).isEqualTo(new ScriptOutcome.TimedOut(Duration.ofSeconds(3)));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestScripts.isDead(script) && TestScripts.isDead(child));
    }

    @Test
    void aScriptThatIgnoresSigtermIsKilledWithItsChildAfterTheGrace() throws Exception {
        Path childPid = scripts.resolve("child.pid");
        // An ignored signal stays ignored across exec, so the sleep child ignores SIGTERM too.
        TestScripts.write(scripts, "stubborn.sh",
                "trap '' TERM\nsleep 300 &\necho $! > " + childPid + "\nwhile :; do wait; done");
        var running = runner(ScriptUser.ROOT).run(List.of("stubborn.sh"), Map.of(), Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(childPid) && Files.size(childPid) > 0);
        long child = TestScripts.readPid(childPid);
        assertThat(outcome(running)).isEqualTo(new ScriptOutcome.TimedOut(Duration.ofSeconds(2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestScripts.isDead(child));
    }

    @Test
    void asRootAWorldWritableScriptIsRefused() throws Exception {
        Prerequisites.requireRoot();
        TestScripts.write(scripts, "open.sh", "exit 0", "rwxrwxrwx");
        ScriptOutcome outcome = outcome(runner(ScriptUser.ROOT).run(List.of("open.sh"), Map.of(), LONG));
        assertThat(outcome).isInstanceOfSatisfying(ScriptOutcome.Refused.class, refused -> {
            assertThat(refused.refusal().reason()).isEqualTo(ScriptRefusal.INSECURE_FOR_ROOT);
            assertThat(refused.refusal().offendingPath()).endsWith("open.sh");
        });
    }

    @Test
    void asRootAScriptInAWorldWritableDirectoryIsRefused() throws Exception {
        Prerequisites.requireRoot();
        Path dir = Files.createDirectories(scripts.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        TestScripts.write(dir, "s.sh", "exit 0");
        String realDir = dir.toRealPath().toString();
        ScriptOutcome outcome = outcome(runner(ScriptUser.ROOT).run(List.of("shared/s.sh"), Map.of(), LONG));
        assertThat(outcome).isInstanceOfSatisfying(ScriptOutcome.Refused.class,
                refused -> assertThat(refused.refusal().offendingPath()).isEqualTo(realDir));
    }

    @Test
    void byDefaultScriptsRunAsNobodyWithoutSupplementaryGroups() throws Exception {
        Prerequisites.requireRoot();
        // nobody must be able to reach the script and write its answer.
        Files.setPosixFilePermissions(scripts, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path outDir = Files.createDirectories(scripts.resolve("out"));
        Files.setPosixFilePermissions(outDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path out = outDir.resolve("id.txt");
        TestScripts.write(scripts, "whoami.sh", "echo \"$(id -u) $(id -g) $(id -G)\" > " + out);
        // A world-writable script is fine when it does not run as root.
        TestScripts.write(scripts, "open.sh", "exit 0", "rwxrwxrwx");
        ScriptRunner r = runner(ScriptUser.NOBODY);
        assertThat(outcome(r.run(List.of("whoami.sh"), Map.of(), LONG))).isEqualTo(new ScriptOutcome.Exited(0));
        assertThat(Files.readString(out).trim()).isEqualTo("65534 65534 65534");
        assertThat(outcome(r.run(List.of("open.sh"), Map.of(), LONG))).isEqualTo(new ScriptOutcome.Exited(0));
    }

    @Test
    void anUnknownUserIsRefused() throws Exception {
        Prerequisites.requireRoot();
        TestScripts.write(scripts, "ok.sh", "exit 0");
        ScriptOutcome outcome = outcome(runner(new ScriptUser("no-such-user-vk")).run(List.of("ok.sh"), Map.of(), LONG));
        assertThat(outcome).isInstanceOfSatisfying(ScriptOutcome.Refused.class,
                refused -> assertThat(refused.refusal().reason()).isEqualTo(ScriptRefusal.UNKNOWN_USER));
    }
}
