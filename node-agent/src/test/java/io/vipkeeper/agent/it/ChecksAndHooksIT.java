package io.vipkeeper.agent.it;

import static io.vipkeeper.agent.it.CheckYaml.exec;
import static io.vipkeeper.agent.it.CheckYaml.file;
import static io.vipkeeper.agent.it.InstanceYaml.instance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vipkeeper.agent.it.CheckYaml.Notify;
import io.vipkeeper.agent.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * keepalived's {@code vrrp_script} + {@code notify} semantics with two real agents (VRRPv3, 100 ms adverts) and
 * real scripts run as {@code nobody}: the classic {@code chk_myscript} example (weight 0: FAULT, VIP removed,
 * adverts stop, the Backup takes over, keepalived's notify argv; recovery preempts back), a notify script that
 * moves a service with the mastership, and a negative weight that moves mastership without a FAULT.
 */
class ChecksAndHooksIT extends ChecksItSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTANCE = "MyVRRPInstance";
    private static final String CHECK = "chk_myscript";
    /** The command line of the "service" the notify script starts on MASTER (a sleep nobody else runs). */
    private static final String SERVICE_ARG = "4242424";

    private static final int WEBHOOK_PORT = 8089;

    private String classicConfig(ChecksItSupport.ScriptHost scripts, int priority) {
        return file(instance(INSTANCE).priority(priority).address(vip4(100) + "/32"),
                Notify.exec(scripts.notifyScript()).webhook("http://127.0.0.1:" + WEBHOOK_PORT + "/vrrp"),
                exec(CHECK, scripts.checkScript(CHECK)).interval("2s").fall(2).rise(2).weight(0));
    }

    /**
     * The classic example: {@code chk_myscript} (interval 2 s, fall 2, rise 2, weight 0) on a Master at
     * priority 200 and a Backup at 100. After two failures the Master is in FAULT, its VIP is gone and it sends no
     * advert; the Backup is Master; the notify scripts were called with {@code INSTANCE MyVRRPInstance FAULT 200}
     * and {@code INSTANCE MyVRRPInstance MASTER 100}. After two successes the first host leaves FAULT and, preempting,
     * takes the VIP back.
     */
    @Test
    void classicChkMyscriptPutsTheMasterInFaultAndItsRecoveryPreemptsBack() {
        Prerequisites.requireCommand("tshark");
        String vip = vip4(100);
        ScriptHost s1 = scriptHost(1);
        ScriptHost s2 = scriptHost(2);
        webhookReceiver(1, WEBHOOK_PORT);
        Path h2Webhooks = webhookReceiver(2, WEBHOOK_PORT);
        AgentProcess a = agentWithScripts(1, s1, classicConfig(s1, 200));
        AgentProcess b = agentWithScripts(2, s2, classicConfig(s2, 100));
        awaitMasterAndBackup(a, b, INSTANCE, vip);
        assertThat(a.instance(INSTANCE).path("checks").path(CHECK).asBoolean()).as(a::describe).isTrue();
        // keepalived's INIT: before the check's first result the instance waits, notifying nothing (no FAULT)
        eventually("h1's first notifications", () -> assertThat(s1.notifyLines())
                .containsExactly("INSTANCE " + INSTANCE + " BACKUP 200", "INSTANCE " + INSTANCE + " MASTER 200"));
        eventually("h2's first notification", () -> assertThat(s2.notifyLines()).first()
                .isEqualTo("INSTANCE " + INSTANCE + " BACKUP 100"));
        String h1 = lan.host(1).ipv4();
        String h2 = lan.host(2).ipv4();

        // control: while MASTER, h1's adverts (priority 200) are on its bridge port
        List<Map<String, String>> whileMaster = vrrpOnPort(1, Duration.ofSeconds(1));
        assertThat(whileMaster).as("h1's adverts while MASTER")
                .anyMatch(p -> h1.equals(p.get("ip.src")) && "200".equals(p.get("vrrp.prio")));

        s1.fail(CHECK);

        awaitState(a, INSTANCE, "FAULT");
        awaitState(b, INSTANCE, "MASTER");
        awaitVipOnlyOn(vip, lan.host(2));
        assertThat(lan.hasAddress(lan.host(1), vip)).as("VIP removed from h1").isFalse();
        eventually("h1 notified FAULT 200", () -> assertThat(s1.notifyLines())
                .containsSubsequence("INSTANCE " + INSTANCE + " MASTER 200", "INSTANCE " + INSTANCE + " FAULT 200"));
        eventually("h2 notified MASTER 100", () -> assertThat(s2.notifyLines())
                .containsSubsequence("INSTANCE " + INSTANCE + " BACKUP 100", "INSTANCE " + INSTANCE + " MASTER 100"));
        assertThat(a.instance(INSTANCE).path("checks").path(CHECK).asBoolean()).as(a::describe).isFalse();
        // the same facts in the environment; scripts run as nobody (uid 65534), not root
        eventually("h1's notify environment", () -> assertThat(ScriptHost.lines(s1.output("notify-env.log")))
                .contains("65534 INSTANCE " + INSTANCE + " MASTER FAULT 200 h1 eth0 " + vip + "/32"));
        // and the webhook: h2's receiver got the JSON of its BACKUP -> MASTER transition
        eventually("h2's webhook", () -> assertThat(ScriptHost.lines(h2Webhooks)).anySatisfy(line -> {
            JsonNode t = JSON.readTree(line);
            assertThat(t.path("newState").asText()).isEqualTo("MASTER");
            assertThat(t.path("oldState").asText()).isEqualTo("BACKUP");
            assertThat(t.path("scope").asText()).isEqualTo("INSTANCE");
            assertThat(t.path("instance").asText()).isEqualTo(INSTANCE);
            assertThat(t.path("node").asText()).isEqualTo("h2");
            assertThat(t.path("priority").asInt()).isEqualTo(100);
            assertThat(t.path("addresses").toString()).isEqualTo("[\"" + vip + "/32\"]");
            assertThat(t.path("interface").asText()).isEqualTo("eth0");
            assertThat(Instant.parse(t.path("time").asText())).isBefore(Instant.now());
        }));

        // "after two failures": the check runs that failed before the FAULT transition (the script logs each run's
        // start; the notify script logs the transition's time, VIPKEEPER_TIME)
        Instant faultAt = lastTransition(s1, "FAULT 200");
        List<ChecksItSupport.TimedLine> runs = s1.checkRuns(CHECK);
        long failuresBeforeFault = runs.stream().filter(r -> r.text().equals("fail") && r.at().isBefore(faultAt)).count();
        assertThat(failuresBeforeFault).as("failed runs before FAULT at %s: %s", faultAt, runs).isEqualTo(2);

        // in FAULT h1 is silent; h2's adverts (priority 100) reach h1's port
        List<Map<String, String>> whileFault = vrrpOnPort(1, Duration.ofMillis(1500));
        assertThat(a.state(INSTANCE)).isEqualTo("FAULT");
        assertThat(whileFault).as("nothing from h1 in FAULT").noneMatch(p -> h1.equals(p.get("ip.src")));
        assertThat(whileFault).as("h2's adverts as Master")
                .anyMatch(p -> h2.equals(p.get("ip.src")) && "100".equals(p.get("vrrp.prio")));

        s1.recover(CHECK);

        awaitMasterAndBackup(a, b, INSTANCE, vip);
        eventually("h1 notified MASTER 200 again", () -> assertThat(s1.notifyLines()).containsExactly(
                "INSTANCE " + INSTANCE + " BACKUP 200", "INSTANCE " + INSTANCE + " MASTER 200",
                "INSTANCE " + INSTANCE + " FAULT 200", "INSTANCE " + INSTANCE + " BACKUP 200",
                "INSTANCE " + INSTANCE + " MASTER 200"));
        eventually("h2 notified BACKUP 100", () -> assertThat(s2.notifyLines()).containsSubsequence(
                "INSTANCE " + INSTANCE + " MASTER 100", "INSTANCE " + INSTANCE + " BACKUP 100"));
        List<String> states = a.states(INSTANCE);
        List<String> sinceFault = states.subList(states.lastIndexOf("FAULT"), states.size());
        assertThat(sinceFault).as(a::describe).startsWith("FAULT").endsWith("MASTER").doesNotContain("STOP");

        // "after two successes": the runs that succeeded after the last failure and before h1 left FAULT
        Instant leftFaultAt = firstTransitionAfter(s1, faultAt);
        runs = s1.checkRuns(CHECK);
        Instant lastFailure = runs.stream().filter(r -> r.text().equals("fail")).map(ChecksItSupport.TimedLine::at)
                .max(Instant::compareTo).orElseThrow();
        long successesBeforeLeaving = runs.stream().filter(r -> r.text().equals("ok") && r.at().isAfter(lastFailure)
                && r.at().isBefore(leftFaultAt)).count();
        assertThat(successesBeforeLeaving).as("successful runs before leaving FAULT at %s: %s", leftFaultAt, runs)
                .isEqualTo(2);
        System.out.println("classic example: h1 notified " + s1.notifyLines() + "; h2 notified " + s2.notifyLines()
                + "\n  h1's check runs " + runs + "\n  FAULT at " + faultAt + ", left FAULT at " + leftFaultAt);
    }

    /**
     * A notify script that starts a "service" on MASTER and stops it on BACKUP, FAULT and STOP: after every
     * transition (check failure, recovery, a graceful stop of the Master, its restart) the service runs on exactly
     * one host, the Master's.
     */
    @Test
    void aNotifyScriptMovesAServiceWithTheMastership() {
        String vip = vip4(101);
        ScriptHost s1 = scriptHost(1);
        ScriptHost s2 = scriptHost(2);
        AgentProcess a = agentWithScripts(1, s1, serviceConfig(s1, 150));
        AgentProcess b = agentWithScripts(2, s2, serviceConfig(s2, 100));

        awaitMasterAndBackup(a, b, "VI_1", vip);
        awaitServiceOnlyOn(1, a, b);

        s1.fail("chk_svc");
        awaitState(a, "VI_1", "FAULT");
        awaitState(b, "VI_1", "MASTER");
        awaitServiceOnlyOn(2, a, b);

        s1.recover("chk_svc");
        awaitMasterAndBackup(a, b, "VI_1", vip);
        awaitServiceOnlyOn(1, a, b);

        a.signal("TERM");
        assertThat(a.waitForExit(30)).as(a::describe).isZero();
        awaitState(b, "VI_1", "MASTER");
        eventually("h1 notified STOP", () -> assertThat(s1.notifyLines()).last().asString().contains(" STOP "));
        awaitServiceOnlyOn(2, a, b);

        a.start(List.of("--script-dir", s1.scripts().toString()));
        awaitMasterAndBackup(a, b, "VI_1", vip);
        awaitServiceOnlyOn(1, a, b);
        assertThat(s2.notifyLines()).as("h2's notifications").containsSubsequence("INSTANCE VI_1 MASTER 100",
                "INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 100", "INSTANCE VI_1 BACKUP 100");
    }

    private String serviceConfig(ChecksItSupport.ScriptHost scripts, int priority) {
        Path pidFile = scripts.output("service.pid");
        scripts.write("service.sh", "case \"$3\" in\n"
                + "MASTER)\n"
                + "  if [ -s " + pidFile + " ] && kill -0 \"$(cat " + pidFile + ")\" 2>/dev/null; then :; else\n"
                + "    sleep " + SERVICE_ARG + " &\n"
                + "    echo $! > " + pidFile + "\n"
                + "  fi ;;\n"
                + "*)\n"
                + "  if [ -s " + pidFile + " ]; then kill \"$(cat " + pidFile + ")\" 2>/dev/null; rm -f " + pidFile
                + "; fi ;;\n"
                + "esac\n"
                + "echo \"$*\" >> " + scripts.output("notify.log") + "\n");
        return file(instance("VI_1").priority(priority).address(vip4(101) + "/24"), Notify.exec("service.sh"),
                exec("chk_svc", scripts.checkScript("chk_svc")).interval("1s").weight(0));
    }

    /**
     * Waits until both agents' notify scripts have run for their current state (the last logged line names it) and
     * the service then runs on host {@code number} only.
     */
    private void awaitServiceOnlyOn(int number, AgentProcess a, AgentProcess b) {
        eventually("service only on h" + number, () -> {
            for (AgentProcess agent : List.of(a, b)) {
                if (agent.isAlive()) {
                    String state = agent.state("VI_1");
                    List<String> lines = scriptHost(agent.host().number()).notifyLines();
                    assertThat(lines).as(agent.host() + " notified " + state).last().asString()
                            .contains(" " + state + " ");
                }
            }
            List<Integer> running = new ArrayList<>();
            for (int h = 1; h <= 2; h++) {
                int count = sleepsRunning(lan.host(h), SERVICE_ARG);
                assertThat(count).as("services on h" + h).isLessThanOrEqualTo(1);
                if (count == 1) {
                    running.add(h);
                }
            }
            assertThat(running).as("hosts running the service").containsExactly(number);
        });
    }

    /**
     * keepalived's weight: a failing check with weight -60 takes the Master from 150 to 90, below the Backup's 100,
     * which takes over (preempting); no FAULT. On recovery 150 preempts back. The notify argv carries the effective
     * priority, as keepalived's does.
     */
    @Test
    void aNegativeWeightMovesMastershipAndBackWithoutFault() {
        String vip = vip4(102);
        ScriptHost s1 = scriptHost(1);
        ScriptHost s2 = scriptHost(2);
        AgentProcess a = agentWithScripts(1, s1, weightConfig(s1, 150));
        AgentProcess b = agentWithScripts(2, s2, weightConfig(s2, 100));
        awaitMasterAndBackup(a, b, "VI_1", vip);
        assertThat(a.instance("VI_1").path("effectivePriority").asInt()).as(a::describe).isEqualTo(150);

        s1.fail("chk_weight");

        awaitMasterAndBackup(b, a, "VI_1", vip);
        assertThat(a.instance("VI_1").path("effectivePriority").asInt()).as(a::describe).isEqualTo(90);
        assertThat(a.instance("VI_1").path("basePriority").asInt()).isEqualTo(150);
        assertThat(a.instance("VI_1").path("masterPriority").asInt()).isEqualTo(100);
        assertThat(a.instance("VI_1").path("checks").path("chk_weight").asBoolean()).isFalse();

        s1.recover("chk_weight");

        eventually("h1 back at 150", () -> assertThat(a.instance("VI_1").path("effectivePriority").asInt())
                .isEqualTo(150));
        awaitMasterAndBackup(a, b, "VI_1", vip);
        assertThat(a.states("VI_1")).as(a::describe).endsWith("MASTER", "BACKUP", "MASTER").doesNotContain("FAULT");
        assertThat(b.states("VI_1")).as(b::describe).endsWith("BACKUP", "MASTER", "BACKUP").doesNotContain("FAULT");
        eventually("notify argv", () -> {
            assertThat(s1.notifyLines()).containsSubsequence("INSTANCE VI_1 MASTER 150", "INSTANCE VI_1 BACKUP 90",
                    "INSTANCE VI_1 MASTER 150");
            assertThat(s2.notifyLines()).containsSubsequence("INSTANCE VI_1 MASTER 100", "INSTANCE VI_1 BACKUP 100");
        });
    }

    /**
     * A positive weight is added while the check is OK, and {@code initFail} starts it KO until it has risen: h2
     * (100, check +60 with initFail) joins a Master h1 (150) as Backup at 100, takes over at 160 once its check has
     * risen, and falls back to 100 — h1 preempting — when the check fails.
     */
    @Test
    void aPositiveWeightIsAddedOnlyOnceTheInitFailCheckHasRisen() {
        String vip = vip4(103);
        ScriptHost s2 = scriptHost(2);
        AgentProcess a = agent(1, InstanceYaml.file(instance("VI_1").priority(150).address(vip + "/24")));
        awaitState(a, "VI_1", "MASTER");
        AgentProcess b = agentWithScripts(2, s2, file(instance("VI_1").priority(100).address(vip + "/24"),
                Notify.exec(s2.notifyScript()),
                exec("chk_bonus", s2.checkScript("chk_bonus")).interval("1s").fall(2).rise(2).weight(60)
                        .initFail(true)));

        awaitMasterAndBackup(b, a, "VI_1", vip);
        assertThat(b.instance("VI_1").path("effectivePriority").asInt()).as(b::describe).isEqualTo(160);

        s2.fail("chk_bonus");

        awaitMasterAndBackup(a, b, "VI_1", vip);
        assertThat(b.instance("VI_1").path("effectivePriority").asInt()).as(b::describe).isEqualTo(100);
        eventually("h2's notifications", () -> assertThat(s2.notifyLines()).containsExactly(
                "INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 160", "INSTANCE VI_1 BACKUP 100"));
        List<ChecksItSupport.TimedLine> runs = s2.checkRuns("chk_bonus");
        Instant masterAt = lastTransition(s2, "MASTER 160");
        assertThat(runs.stream().filter(r -> r.at().isBefore(masterAt)).map(ChecksItSupport.TimedLine::text))
                .as("runs before the bonus counted (initFail: rise 2 successes)").containsExactly("ok", "ok");
    }

    private String weightConfig(ChecksItSupport.ScriptHost scripts, int priority) {
        return file(instance("VI_1").priority(priority).address(vip4(102) + "/24"), Notify.exec(scripts.notifyScript()),
                exec("chk_weight", scripts.checkScript("chk_weight")).interval("1s").fall(2).rise(2).weight(-60));
    }

    /** Captures VRRP on bridge port p{@code number} for a while; ip.src and vrrp.prio of each advert. */
    private List<Map<String, String>> vrrpOnPort(int number, Duration howLong) {
        TsharkCapture capture = closeLater(TsharkCapture.start(lan, lan.bridgeNamespace(), "ip proto 112",
                "p" + number));
        ItLan.pause(howLong);
        capture.stop();
        return capture.fields("vrrp", List.of(), "ip.src", "vrrp.prio");
    }

    /** The time of the newest notify line ending in {@code suffix} (e.g. "FAULT 200"). */
    private static Instant lastTransition(ChecksItSupport.ScriptHost s, String suffix) {
        return s.notifyTimes().stream().filter(l -> l.text().endsWith(suffix)).map(ChecksItSupport.TimedLine::at)
                .max(Instant::compareTo).orElseThrow(() -> new AssertionError("no " + suffix + " in " + s.notifyTimes()));
    }

    private static Instant firstTransitionAfter(ChecksItSupport.ScriptHost s, Instant after) {
        return s.notifyTimes().stream().map(ChecksItSupport.TimedLine::at).filter(t -> t.isAfter(after))
                .min(Instant::compareTo).orElseThrow(() -> new AssertionError("nothing after " + after));
    }
}
