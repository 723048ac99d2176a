package io.vipkeeper.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vipkeeper.agent.testing.Prerequisites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What every agent IT shares: the prerequisites (root, ip, the agent jar), a fresh {@link ItLan} per test, the
 * agents and captures it starts (stopped after the test even when it fails), and on failure every agent's state
 * file and log on stdout.
 *
 * <p>Waits are Awaitility polls with generous limits (the machine is loaded); assertions are about states, the
 * order of events and packets on the wire, never about how long something took.
 */
abstract class AgentItSupport {
    static final Duration PATIENCE = Duration.ofSeconds(45);
    static final Duration POLL = Duration.ofMillis(100);

    protected ItLan lan;
    private final List<AgentProcess> agents = new ArrayList<>();
    private final List<AutoCloseable> others = new ArrayList<>();
    private String diagnostics = "";

    @RegisterExtension
    final TestWatcher dumpOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.out.println("==== " + context.getDisplayName() + " failed; what the agents said:\n" + diagnostics);
        }
    };

    /** The LAN's host count; 3 by default (two routers and an observer). */
    int hostCount() {
        return 3;
    }

    @BeforeEach
    void prerequisitesAndLan() {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        // each test class gets its own third octet, so a leftover of one never meets another
        lan = ItLan.create(hostCount(), 10 + ThreadLocalRandom.current().nextInt(200));
    }

    @AfterEach
    void stopEverything() {
        StringBuilder d = new StringBuilder();
        for (AgentProcess a : agents) {
            d.append(a.describe()).append('\n');
        }
        diagnostics = d.toString();
        for (AgentProcess a : agents) {
            a.close();
        }
        for (AutoCloseable c : others) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort; the LAN's close kills whatever is left
            }
        }
        if (lan != null) {
            lan.close();
        }
    }

    /** Starts an agent on host {@code number} with this configuration; it is stopped after the test. */
    AgentProcess agent(int number, String yaml) {
        AgentProcess a = AgentProcess.start(lan, lan.host(number), yaml);
        agents.add(a);
        return a;
    }

    /** Writes an agent's configuration without starting it (start it with {@link AgentProcess#start}). */
    AgentProcess preparedAgent(int number, String yaml) {
        AgentProcess a = AgentProcess.prepare(lan, lan.host(number), yaml);
        agents.add(a);
        return a;
    }

    /** Closed after the test. */
    <T extends AutoCloseable> T closeLater(T resource) {
        others.add(resource);
        return resource;
    }

    /** The LAN's VIP {@code .100} (or another last octet). */
    String vip4(int lastOctet) {
        String h1 = lan.host(1).ipv4();
        return h1.substring(0, h1.lastIndexOf('.') + 1) + lastOctet;
    }

    String vip6(int last) {
        String h1 = lan.host(1).ipv6();
        return h1.substring(0, h1.lastIndexOf(':') + 1) + Integer.toHexString(last);
    }

    /** Polls until the assertion holds, printing the agents' state if it never does. */
    void eventually(String what, ThrowingRunnable assertion) {
        await(what).atMost(PATIENCE).pollInterval(POLL).ignoreExceptions().untilAsserted(assertion);
    }

    /** Waits until the agent reports the instance in this state. */
    void awaitState(AgentProcess agent, String instance, String state) {
        eventually(agent.host() + " " + instance + " " + state,
                () -> assertThat(agent.state(instance)).as(agent::describe).isEqualTo(state));
    }

    /** The VIP is on exactly these hosts (and no other host of the LAN). */
    void assertVipOnlyOn(String vip, ItLan.Host... holders) {
        List<Integer> expected = new ArrayList<>();
        for (ItLan.Host h : holders) {
            expected.add(h.number());
        }
        List<Integer> actual = new ArrayList<>();
        for (int i = 1; i <= hostCount(); i++) {
            if (lan.hasAddress(lan.host(i), vip)) {
                actual.add(i);
            }
        }
        assertThat(actual).as("hosts holding " + vip).isEqualTo(expected);
    }

    /** Waits until the VIP is on exactly these hosts. */
    void awaitVipOnlyOn(String vip, ItLan.Host... holders) {
        eventually(vip + " on " + List.of(holders), () -> assertVipOnlyOn(vip, holders));
    }

    /** Waits until {@code a} is MASTER holding the VIP and {@code b} is BACKUP following it, without the VIP. */
    void awaitMasterAndBackup(AgentProcess master, AgentProcess backup, String instance, String vip) {
        awaitState(master, instance, "MASTER");
        awaitState(backup, instance, "BACKUP");
        eventually(backup.host() + " follows " + master.host(), () -> assertThat(
                backup.instance(instance).path("masterAddress").asText()).isEqualTo(master.host().ipv4()));
        awaitVipOnlyOn(vip, master.host());
    }
}
