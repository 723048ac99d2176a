package io.vipkeeper.agent.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.vipkeeper.agent.check.exec.ExecutorTaskScheduler;
import io.vipkeeper.agent.check.exec.ScriptResolver;
import io.vipkeeper.agent.check.exec.ScriptRunner;
import io.vipkeeper.agent.check.exec.ScriptUser;
import io.vipkeeper.agent.check.exec.TestScripts;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production pieces wired together: real timer, real scripts, the shared Netty loop. */
class CheckSchedulerIntegrationTest {
    @TempDir
    Path scripts;

    private final ExecutorTaskScheduler timer = new ExecutorTaskScheduler("check-timer");
    private final ExecutorService launcher = Executors.newFixedThreadPool(2);
    private final CheckEventLoop loop = new CheckEventLoop();
    private final List<CheckStatusChange> changes = new CopyOnWriteArrayList<>();
    private CheckScheduler scheduler;
    private ScriptRunner runner;
    private HttpServer server;

    @BeforeEach
    void setUp() throws Exception {
        runner = new ScriptRunner(new ScriptResolver(scripts), ScriptUser.ROOT, timer, launcher);
        scheduler = new CheckScheduler(timer, new DefaultCheckFactory(runner, loop), changes::add);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        runner.close();
        server.stop(0);
        loop.close();
        timer.close();
        launcher.shutdownNow();
    }

    private List<CheckStatus> statusesOf(String name) {
        return changes.stream().filter(c -> c.checkName().equals(name)).map(CheckStatusChange::current).toList();
    }

    @Test
    void anExecCheckFollowsItsScriptThroughFallAndRise() throws Exception {
        Path flag = scripts.resolve("healthy");
        Files.writeString(flag, "");
        TestScripts.write(scripts, "chk.sh", "test -e " + flag);
        scheduler.start(new CheckDefinition("chk", new CheckDefinition.ExecProbe(List.of("chk.sh")),
                Duration.ofMillis(100), Duration.ofSeconds(5), 2, 2, 0, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusesOf("chk").equals(List.of(CheckStatus.OK)));

        Files.delete(flag);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> statusesOf("chk").equals(List.of(CheckStatus.OK, CheckStatus.KO)));
        assertThat(changes.get(1).lastResult().detail()).isEqualTo("exit code 1");

        Files.writeString(flag, "");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> statusesOf("chk").equals(List.of(CheckStatus.OK, CheckStatus.KO, CheckStatus.OK)));
    }

    @Test
    void aHungCheckNeverDelaysAnotherCheck() throws Exception {
        Path pid = scripts.resolve("hang.pid");
        TestScripts.write(scripts, "hang.sh", "echo $$ > " + pid + "\nsleep 300");
        AtomicInteger hits = new AtomicInteger();
        server.createContext("/healthz", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        scheduler.start(new CheckDefinition("hang", new CheckDefinition.ExecProbe(List.of("hang.sh")),
                Duration.ofMillis(100), Duration.ofSeconds(60), 1, 1, 0, false));
        scheduler.start(new CheckDefinition("web", new CheckDefinition.HttpProbe("127.0.0.1",
                server.getAddress().getPort(), "/healthz", List.of(), false, false),
                Duration.ofMillis(100), Duration.ofSeconds(5), 1, 1, 10, false));

        // While the exec check hangs (its ticks skipped), the HTTP check keeps running and reports.
        await().atMost(Duration.ofSeconds(30)).until(() -> hits.get() >= 5 && scheduler.skippedRuns("hang") >= 5);
        assertThat(statusesOf("web")).containsExactly(CheckStatus.OK);
        assertThat(statusesOf("hang")).isEmpty();
        assertThat(scheduler.status("hang")).contains(CheckStatus.UNKNOWN);
        assertThat(changes.getFirst().weight()).isEqualTo(10);

        // Closing the runner kills what still runs (the agent's shutdown path).
        long hung = TestScripts.readPid(pid);
        runner.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> TestScripts.isDead(hung));
    }
}
