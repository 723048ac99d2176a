package io.vipkeeper.agent.notify;

import io.vipkeeper.agent.vrrp.engine.NotifyState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipkeeper.agent.check.exec.ExecutorTaskScheduler;
import io.vipkeeper.agent.check.exec.ScriptResolver;
import io.vipkeeper.agent.check.exec.ScriptRunner;
import io.vipkeeper.agent.check.exec.ScriptUser;
import io.vipkeeper.agent.check.exec.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real notify scripts. */
class ExecNotifyHookTest {
    @TempDir
    Path scripts;

    ExecutorTaskScheduler timer;
    ExecutorService launcher;
    ScriptRunner runner;

    @BeforeEach
    void setUp() throws Exception {
        timer = new ExecutorTaskScheduler("test-timer");
        launcher = Executors.newFixedThreadPool(2);
        runner = new ScriptRunner(new ScriptResolver(scripts), ScriptUser.ROOT, timer, launcher);
    }

    @AfterEach
    void tearDown() {
        timer.close();
        launcher.shutdownNow();
    }

    @Test
    void aKeepalivedStyleScriptGetsTheExactArgvAndEnvironment() throws Exception {
        Path out = scripts.resolve("out.txt");
        // The classic keepalived notify script reads $1..$4.
        TestScripts.write(scripts, "notify.sh", String.join("\n",
                "{",
                "  echo \"argc=$#\"",
                "  echo \"1=$1 2=$2 3=$3 4=$4\"",
                "  env | grep '^VIPKEEPER_' | sort",
                "} > " + out));
        HookOutcome outcome = new ExecNotifyHook(new HookDefinition.ExecHook(List.of("notify.sh"), null), runner)
                .deliver(Transitions.of("shop-web", NotifyState.BACKUP, NotifyState.MASTER, 200))
                .get(60, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(HookOutcome.Delivered.class);
        assertThat(Files.readAllLines(out)).containsExactly(
                "argc=4",
                "1=INSTANCE 2=shop-web 3=MASTER 4=200",
                "VIPKEEPER_ADDRESSES=192.168.1.1/32 fd00:199::1/128",
                "VIPKEEPER_INTERFACE=eth0",
                "VIPKEEPER_NAME=shop-web",
                "VIPKEEPER_NODE=node-1",
                "VIPKEEPER_OLD_STATE=BACKUP",
                "VIPKEEPER_PRIORITY=200",
                "VIPKEEPER_SCOPE=INSTANCE",
                "VIPKEEPER_STATE=MASTER",
                "VIPKEEPER_TIME=2026-11-25T18:00:00.250Z");
    }

    @Test
    void aHungHookIsKilledAtItsTimeoutAndTheNextTransitionStillRuns() throws Exception {
        Path log = scripts.resolve("log.txt");
        Path childPid = scripts.resolve("child.pid");
        // On MASTER the script hangs with a child; on BACKUP it just logs.
        TestScripts.write(scripts, "notify.sh", String.join("\n",
                "echo \"start $3\" >> " + log,
                "if [ \"$3\" = MASTER ]; then sleep 300 & echo $! > " + childPid + "; wait; fi",
                "echo \"end $3\" >> " + log));
        NotifyCounters counters = new NotifyCounters();
        TransitionNotifier notifier = new TransitionNotifier(TransitionNotifier.DEFAULT_CAPACITY, counters, launcher);
        notifier.setHooks("vip", List.of(new ExecNotifyHook(
                new HookDefinition.ExecHook(List.of("notify.sh"), Duration.ofSeconds(2)), runner)));

        notifier.notify(Transitions.of("vip", NotifyState.BACKUP, NotifyState.MASTER, 200));
        notifier.notify(Transitions.of("vip", NotifyState.MASTER, NotifyState.BACKUP, 100));

        await().atMost(Duration.ofSeconds(60)).until(() -> counters.delivered() == 1 && counters.timedOut() == 1);
        assertThat(Files.readAllLines(log)).containsExactly("start MASTER", "start BACKUP", "end BACKUP");
        long child = TestScripts.readPid(childPid);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestScripts.isDead(child));
    }
}
