package io.vipkeeper.agent.it;

import static io.vipkeeper.agent.it.CheckYaml.exec;
import static io.vipkeeper.agent.it.CheckYaml.file;
import static io.vipkeeper.agent.it.InstanceYaml.instance;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Checks and hooks that misbehave — a check that hangs forever (and ignores SIGTERM), a notify script that hangs
 * forever, a webhook whose endpoint is down, scripts outside the script directory (an absolute path, a symbolic
 * link out), a missing script and one the script user may not execute — are each reported, and none delays a failover: the agent keeps running.
 *
 * <p>Measured side by side on one LAN of four hosts, under the same load: a plain pair (h1 Master at 150, h2 Backup
 * at 100, no checks or hooks) and a pair with every misbehaving check and hook (h3 Master, h4 Backup at 114 whose
 * failing checks weigh -14, so it too advertises 100 and has the same Master_Down_Interval, RFC 9568 §6.1). Both
 * Masters get SIGKILL at the same moment; the Backups' takeover (kill → their transition to MASTER, and on the
 * wire the gap between the old Master's last advert and the new one's first) is printed per round. The only bound
 * asserted is a generous sanity one (3 × Master_Down_Interval + 2 s), since the machine is loaded.
 */
class MisbehavingChecksAndHooksIT extends ChecksItSupport {
    private static final int ROUNDS = 3;
    /** VRRPv3 at 100 ms; priority 100: 3 × 100 ms + (256 − 100) × 100 ms / 256 (RFC 9568 §6.1). */
    private static final Duration MASTER_DOWN = Duration.ofMillis(300 + (256 - 100) * 100 / 256);
    private static final Duration SANITY_BOUND = MASTER_DOWN.multipliedBy(3).plusSeconds(2);
    /** A port nothing listens on in the namespaces: the webhook's endpoint is down. */
    private static final String DOWN_WEBHOOK = "http://127.0.0.1:9/vrrp";
    private static final String HANG_CHECK_SLEEP = "99991";
    private static final String HANG_HOOK_SLEEP = "99992";

    @Override
    int hostCount() {
        return 4;
    }

    /** Takeover of one pair in one round. */
    record Takeover(Duration killToMaster, Duration wireGap) {}

    @Test
    void hungChecksHooksDownWebhooksAndRefusedScriptsAreReportedAndDelayNoFailover() throws IOException {
        Prerequisites.requireCommand("tshark");
        String plainVip = vip4(100);
        String badVip = vip4(101);
        AgentProcess plainMaster = agent(1, InstanceYaml.file(instance("VI_1").vrid(51).priority(150)
                .address(plainVip + "/24")));
        AgentProcess plainBackup = agent(2, InstanceYaml.file(instance("VI_1").vrid(51).priority(100)
                .address(plainVip + "/24")));
        AgentProcess badMaster = agentWithScripts(3, scriptHost(3), misbehavingConfig(scriptHost(3), 150));
        AgentProcess badBackup = agentWithScripts(4, scriptHost(4), misbehavingConfig(scriptHost(4), 114));
        awaitMasterAndBackup(plainMaster, plainBackup, "VI_1", plainVip);
        awaitMasterAndBackup(badMaster, badBackup, "VI_1", badVip);
        eventually("h4's bad checks are KO", () -> {
            JsonNode i = badBackup.instance("VI_1");
            assertThat(i.path("checks").toString()).isEqualTo("{\"chk_hang\":false,\"chk_missing\":false,"
                    + "\"chk_outside\":false,\"chk_private\":false,\"chk_symlink\":false}");
            assertThat(i.path("effectivePriority").asInt()).isEqualTo(100);
        });

        // the bridge floods multicast to every port: p2 sees both pairs' adverts, in one clock order
        TsharkCapture wire = closeLater(TsharkCapture.start(lan, lan.bridgeNamespace(), "ip proto 112", "p2"));
        List<Instant> kills = new ArrayList<>();
        List<Takeover> plain = new ArrayList<>();
        List<Takeover> bad = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            awaitMasterAndBackup(plainMaster, plainBackup, "VI_1", plainVip);
            awaitMasterAndBackup(badMaster, badBackup, "VI_1", badVip);
            Instant kill = Instant.now();
            // SIGKILL from this JVM (no kill(1) to spawn): both Masters die within microseconds of each other
            ProcessHandle.of(plainMaster.pid()).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(badMaster.pid()).ifPresent(ProcessHandle::destroyForcibly);
            kills.add(kill);
            plainMaster.waitForExit(10);
            badMaster.waitForExit(10);

            awaitState(plainBackup, "VI_1", "MASTER");
            awaitState(badBackup, "VI_1", "MASTER");
            plain.add(new Takeover(Duration.between(kill, lastTransition(plainBackup)), null));
            bad.add(new Takeover(Duration.between(kill, lastTransition(badBackup)), null));
            assertThat(badBackup.isAlive()).isTrue();
            assertThat(sleepsRunning(lan.host(4), HANG_CHECK_SLEEP)).as("hung checks left running").isLessThanOrEqualTo(1);
            assertThat(sleepsRunning(lan.host(4), HANG_HOOK_SLEEP)).as("hung hooks left running").isLessThanOrEqualTo(1);

            plainMaster.start();
            badMaster.start(List.of("--script-dir", scriptHost(3).scripts().toString()));
        }
        awaitMasterAndBackup(plainMaster, plainBackup, "VI_1", plainVip);
        awaitMasterAndBackup(badMaster, badBackup, "VI_1", badVip);
        wire.stop();
        List<Map<String, String>> adverts = wire.fields("vrrp", List.of(), "frame.time_epoch", "ip.src", "vrrp.virt_rtr_id");

        StringBuilder report = new StringBuilder("takeover after kill -9 of the Master (Master_Down_Interval "
                + MASTER_DOWN.toMillis() + " ms; kill -> Backup's MASTER transition / wire: old Master's last advert"
                + " -> new Master's first):\n");
        for (int r = 0; r < ROUNDS; r++) {
            Instant kill = kills.get(r);
            Duration plainGap = wireGap(adverts, "51", lan.host(1).ipv4(), lan.host(2).ipv4(), kill);
            Duration badGap = wireGap(adverts, "52", lan.host(3).ipv4(), lan.host(4).ipv4(), kill);
            report.append(String.format("  round %d: plain pair %4d ms / wire %4d ms;  with hung check + hung hook +"
                    + " down webhook + refused scripts %4d ms / wire %4d ms%n", r + 1,
                    plain.get(r).killToMaster().toMillis(), plainGap.toMillis(),
                    bad.get(r).killToMaster().toMillis(), badGap.toMillis()));
            assertThat(plain.get(r).killToMaster()).as(report::toString).isLessThan(SANITY_BOUND);
            assertThat(bad.get(r).killToMaster()).as(report::toString).isLessThan(SANITY_BOUND);
            assertThat(badGap).as(report::toString).isLessThan(SANITY_BOUND);
        }
        // a hung check never delays an advert: the Masters' advert spacing while up (gaps over 2 s are the kills)
        report.append(String.format("  Master's adverts while up (100 ms interval): plain h1 %s; misbehaving h3 %s%n",
                spacing(adverts, "51", lan.host(1).ipv4()), spacing(adverts, "52", lan.host(3).ipv4())));
        System.out.print(report);

        // each misbehaviour is reported, in the log and the state file, and the agent is still running
        String log = badBackup.stdout();
        String scripts = scriptHost(4).scripts().toRealPath().toString();
        assertThat(log).as(badBackup::describe)
                .contains("script hang-check.sh ran past its PT1S timeout; terminating process group")
                .contains("script hang-check.sh ignored SIGTERM; killing process group")
                .contains("check chk_hang is now KO (was UNKNOWN): timed out after PT1S; process group killed")
                .contains("check chk_outside is now KO (was UNKNOWN): absolute path outside the script directory "
                        + scripts + " [OUTSIDE_SCRIPT_DIRECTORY: /usr/bin/true]")
                .contains("check chk_symlink is now KO (was UNKNOWN): resolves to /usr/bin/true, outside the script"
                        + " directory " + scripts + " [SYMLINK_ESCAPES: true-link.sh]")
                .contains("check chk_missing is now KO (was UNKNOWN): script not found [NOT_FOUND: missing.sh]")
                // a root-only script (0700) cannot be run by nobody: refused with the reason, before it is started
                .containsPattern("check chk_private is now KO \\(was UNKNOWN\\): the script user nobody \\(uid 65534,"
                        + " gid 65534\\) may not read and execute \\S*private.sh \\(owner 0:0, mode 700\\)"
                        + " \\[NOT_EXECUTABLE: \\S*private.sh\\]\n")
                .contains("notify hook for VI_1 (BACKUP): killed after PT1S with its process group")
                .contains("webhook " + DOWN_WEBHOOK);
        System.out.println("what h4 reported (distinct warnings):");
        badBackup.stdout().lines().filter(l -> l.contains(" WARN "))
                .map(l -> l.substring(l.indexOf(" WARN ")).replaceAll("group \\d+", "group N")).distinct()
                .forEach(l -> System.out.println("  " + l));
        // the hung notify script was killed and the hook went on: each transition reached it, in order
        eventually("h4's notifications in order", () -> assertThat(scriptHost(4).notifyLines()).containsSubsequence(
                "INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 100", "INSTANCE VI_1 BACKUP 100",
                "INSTANCE VI_1 MASTER 100", "INSTANCE VI_1 BACKUP 100"));
        Instant before = Instant.parse(badBackup.snapshot().path("time").asText());
        eventually("h4 still publishes its state", () -> {
            assertThat(badBackup.isAlive()).isTrue();
            assertThat(Instant.parse(badBackup.snapshot().path("time").asText())).isAfter(before);
        });
        assertThat(badBackup.state("VI_1")).isEqualTo("BACKUP");
    }

    /**
     * Every misbehaving check and hook: a check that hangs (ignoring SIGTERM) with a 1 s timeout, weight -10; checks
     * whose scripts are outside the directory (an absolute path, a symbolic link out), missing, or not executable by
     * nobody (0700, root's), weight -1 each; a notify
     * script that logs its argv then hangs (1 s timeout; the check already covers a script that ignores SIGTERM); a
     * webhook to a port nothing listens on.
     */
    private String misbehavingConfig(ChecksItSupport.ScriptHost s, int priority) throws IOException {
        s.write("hang-check.sh", "trap '' TERM\nsleep " + HANG_CHECK_SLEEP + "\n");
        s.write("hang-notify.sh", "echo \"$*\" >> " + s.output("notify.log") + "\nsleep " + HANG_HOOK_SLEEP + "\n");
        Path unrunnable = s.write("private.sh", "exit 0\n");
        Files.setPosixFilePermissions(unrunnable, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path link = s.scripts().resolve("true-link.sh");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, Path.of("/usr/bin/true"));
        }
        return file(instance("VI_1").vrid(52).priority(priority).address(vip4(101) + "/24"),
                Notify.none().execTimeout("hang-notify.sh", "1s").webhook(DOWN_WEBHOOK),
                exec("chk_hang", "hang-check.sh").interval("2s").timeout("1s").weight(-10),
                exec("chk_outside", "/usr/bin/true").interval("1s").weight(-1),
                exec("chk_symlink", "true-link.sh").interval("1s").weight(-1),
                exec("chk_missing", "missing.sh").interval("1s").weight(-1),
                exec("chk_private", "private.sh").interval("1s").weight(-1));
    }

    /** "n adverts, mean gap m ms, max gap x ms" over the gaps below 2 s between one source's adverts. */
    private static String spacing(List<Map<String, String>> adverts, String vrid, String source) {
        double[] times = adverts.stream().filter(p -> vrid.equals(p.get("vrrp.virt_rtr_id"))
                && source.equals(p.get("ip.src"))).mapToDouble(p -> Double.parseDouble(p.get("frame.time_epoch")))
                .sorted().toArray();
        double max = 0;
        double sum = 0;
        int gaps = 0;
        for (int i = 1; i < times.length; i++) {
            double gap = times[i] - times[i - 1];
            if (gap < 2.0) {
                max = Math.max(max, gap);
                sum += gap;
                gaps++;
            }
        }
        return String.format("%d adverts, mean gap %.0f ms, max gap %.0f ms", times.length,
                gaps == 0 ? 0 : sum / gaps * 1000, max * 1000);
    }

    private static Instant lastTransition(AgentProcess agent) {
        return Instant.parse(agent.instance("VI_1").path("lastTransition").asText());
    }

    /**
     * On the wire: the first advert of VRID {@code vrid} from {@code newMaster} after {@code kill}, minus the last
     * one from {@code oldMaster} before it.
     */
    private static Duration wireGap(List<Map<String, String>> adverts, String vrid, String oldMaster, String newMaster,
            Instant kill) {
        double killAt = kill.getEpochSecond() + kill.getNano() / 1e9;
        double first = adverts.stream().filter(p -> vrid.equals(p.get("vrrp.virt_rtr_id"))
                        && newMaster.equals(p.get("ip.src")))
                .mapToDouble(p -> Double.parseDouble(p.get("frame.time_epoch"))).filter(t -> t > killAt).min()
                .orElseThrow(() -> new AssertionError("no advert from " + newMaster + " after the kill"));
        double last = adverts.stream().filter(p -> vrid.equals(p.get("vrrp.virt_rtr_id"))
                        && oldMaster.equals(p.get("ip.src")))
                .mapToDouble(p -> Double.parseDouble(p.get("frame.time_epoch"))).filter(t -> t < first).max()
                .orElseThrow(() -> new AssertionError("no advert from " + oldMaster + " before the takeover"));
        return Duration.ofNanos(Math.round((first - last) * 1e9));
    }

}
