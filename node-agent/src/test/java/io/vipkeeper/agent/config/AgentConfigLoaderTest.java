package io.vipkeeper.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vipkeeper.agent.check.CheckDefinition;
import io.vipkeeper.agent.notify.HookDefinition;
import io.vipkeeper.agent.vrrp.VrrpVersion;
import io.vipkeeper.agent.vrrp.wire.AddressFamily;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Good files load into the values they say; pure (only the test's own files are read). */
class AgentConfigLoaderTest {

    /** The example of the brief, verbatim. */
    static final String BRIEF_EXAMPLE = """
            instances:
              - name: VI_1
                interface: eth0
                virtualRouterId: 51
                priority: 150              # 1..254; 255 = address owner
                version: 3                 # 2 | 3 (default 3)
                advertisementInterval: 100ms   # v3: 10ms..40.95s, a multiple of 10ms; v2: whole seconds 1..255 (default 1s)
                preempt: true              # default true
                preemptDelay: 0s           # default 0s
                startAsBackup: false       # keepalived's `state BACKUP`; default false
                addresses: [10.99.0.100/24]    # CIDR; one address family per instance; 1..N
                unicastPeers: []           # empty: multicast; peers of the same family as addresses
                checksumWithPseudoHeader: true   # v3 IPv4 only (keepalived's v3_checksum_as_v2 is the inverse); default true
                announcements:             # keepalived's garp_master_repeat / garp_master_delay / garp_master_refresh
                  repeat: 5                # frames per burst (default 5)
                  secondBurstDelay: 5s     # delay before a second burst after becoming MASTER (default 5s; 0s = none)
                  refreshInterval: 0s      # periodic refresh while MASTER (default 0s = none)
                checks: []                 # as VirtualIP.spec.checks
                notify:                    # as VirtualIP.spec.notify
                  exec: {command: [notify.sh]}
            syncGroups:                    # optional, keepalived's vrrp_sync_group
              - name: G1
                members: [VI_1, VI_2]
              """;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(AgentConfigLoaderTest.class.getResource("/config/" + name).toURI());
    }

    @Test
    void theBriefExampleLoadsIntoItsValuesOnceVI2Exists() throws Exception {
        String yaml = BRIEF_EXAMPLE.replace("syncGroups:", """
                  - name: VI_2
                    interface: eth0
                    virtualRouterId: 52
                    priority: 100
                    addresses: [10.99.0.101/24]
                syncGroups:""");

        AgentConfig config = AgentConfigLoader.parse(yaml, "brief.yaml");

        assertThat(config.source()).isEqualTo("brief.yaml");
        assertThat(config.instances()).hasSize(2);
        InstanceSettings vi1 = config.instances().getFirst();
        assertThat(vi1).isEqualTo(new InstanceSettings("VI_1", "eth0", 51, 150, VrrpVersion.V3, 10, true,
                Duration.ZERO, false, List.of(VipAddress.parse("10.99.0.100/24")), List.of(), true,
                new AnnouncementSettings(5, Duration.ofSeconds(5), Duration.ZERO), List.of(),
                List.of(new HookDefinition.ExecHook(List.of("notify.sh"), Duration.ofSeconds(10)))));
        assertThat(vi1.family()).isEqualTo(AddressFamily.IPV4);
        assertThat(vi1.isOwner()).isFalse();
        assertThat(vi1.advertisementInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.syncGroups()).containsExactly(new SyncGroupSettings("G1", List.of("VI_1", "VI_2")));
        assertThat(config.instance("VI_2")).get().extracting(InstanceSettings::virtualRouterId).isEqualTo(52);
        assertThat(config.instance("VI_3")).isEmpty();
        assertThat(config.syncGroupOf("VI_2")).get().extracting(SyncGroupSettings::name).isEqualTo("G1");
    }

    @Test
    void theBriefExampleAloneIsRefusedBecauseItsGroupNamesAMissingInstance() {
        assertThatThrownBy(() -> AgentConfigLoader.parse(BRIEF_EXAMPLE, "brief.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .isEqualTo(new ConfigProblem("brief.yaml", 23, 21, "syncGroups[0].members[1]",
                                "no instance is named 'VI_2'")));
    }

    @Test
    void absentFieldsTakeTheDocumentedDefaults() throws Exception {
        AgentConfig config = AgentConfigLoader.parse("""
                instances:
                  - name: a
                    interface: eth1
                    virtualRouterId: 1
                    priority: 255
                    addresses: [192.0.2.1/32]
                """, "min.yaml");

        InstanceSettings a = config.instances().getFirst();
        assertThat(a.version()).isEqualTo(VrrpVersion.V3);
        assertThat(a.advertisementIntervalCentiseconds()).isEqualTo(100);
        assertThat(a.preempt()).isTrue();
        assertThat(a.preemptDelay()).isZero();
        assertThat(a.startAsBackup()).isFalse();
        assertThat(a.unicastPeers()).isEmpty();
        assertThat(a.isUnicast()).isFalse();
        assertThat(a.checksumWithPseudoHeader()).isTrue();
        assertThat(a.announcements()).isEqualTo(AnnouncementSettings.DEFAULTS);
        assertThat(a.checks()).isEmpty();
        assertThat(a.hooks()).isEmpty();
        assertThat(a.isOwner()).isTrue();
        assertThat(config.syncGroups()).isEmpty();
    }

    @Test
    void theClassicKeepalivedExampleLoads() throws Exception {
        AgentConfig config = AgentConfigLoader.load(resource("keepalived-classic.yaml"));

        InstanceSettings vi1 = config.instances().getFirst();
        assertThat(vi1.name()).isEqualTo("VI_1");
        assertThat(vi1.interfaceName()).isEqualTo("eth0");
        assertThat(vi1.virtualRouterId()).isEqualTo(5);
        assertThat(vi1.priority()).isEqualTo(200);
        assertThat(vi1.version()).isEqualTo(VrrpVersion.V2);
        assertThat(vi1.advertisementIntervalCentiseconds()).isEqualTo(100);
        assertThat(vi1.addresses()).containsExactly(new VipAddress(InetAddress.ofLiteral("192.168.1.1"), 32));
        assertThat(vi1.checks()).containsExactly(new CheckDefinition("chk_myscript",
                new CheckDefinition.ExecProbe(List.of("mycheckscript.sh")), Duration.ofSeconds(2),
                Duration.ofSeconds(2), 2, 2, 0, false));
        assertThat(vi1.hooks()).containsExactly(
                new HookDefinition.ExecHook(List.of("keepalivednotify.sh"), Duration.ofSeconds(10)));
        assertThat(config.source()).endsWith("keepalived-classic.yaml");
    }

    @Test
    void theDocumentedExampleWithEveryFieldLoads() throws Exception {
        AgentConfig config = AgentConfigLoader.load(resource("example-agent.yaml"));

        assertThat(config.instances()).extracting(InstanceSettings::name).containsExactly("VI_1", "VI_2");
        InstanceSettings vi1 = config.instances().get(0);
        assertThat(vi1.addresses()).extracting(VipAddress::toString).containsExactly("10.99.0.100/24", "10.99.0.101/24");
        assertThat(vi1.advertisementIntervalCentiseconds()).isEqualTo(10);
        assertThat(vi1.checks()).containsExactly(
                new CheckDefinition("chk_haproxy", new CheckDefinition.ExecProbe(List.of("check_haproxy.sh", "--quiet")),
                        Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 2, -20, false),
                new CheckDefinition("web", new CheckDefinition.HttpProbe("127.0.0.1", 8443, "/healthz",
                        List.of(200, 204), true, true), Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1, 10, false),
                new CheckDefinition("db", new CheckDefinition.TcpProbe("127.0.0.1", 5432), Duration.ofSeconds(1),
                        Duration.ofSeconds(1), 1, 1, 0, false));
        assertThat(vi1.hooks()).containsExactly(
                new HookDefinition.ExecHook(List.of("notify.sh"), Duration.ofSeconds(10)),
                new HookDefinition.Webhook(URI.create("https://alerts.example.com/vrrp"), Duration.ofSeconds(5),
                        null, null, null));

        InstanceSettings vi2 = config.instances().get(1);
        assertThat(vi2.family()).isEqualTo(AddressFamily.IPV6);
        assertThat(vi2.virtualRouterId()).isEqualTo(vi1.virtualRouterId());
        assertThat(vi2.addresses()).extracting(VipAddress::toString).containsExactly("fd00:99::100/64");
        assertThat(vi2.unicastPeers()).containsExactly(InetAddress.ofLiteral("fd00:99::2"),
                InetAddress.ofLiteral("fd00:99::3"));
        assertThat(config.syncGroups()).containsExactly(new SyncGroupSettings("G1", List.of("VI_1", "VI_2")));
    }

    @Test
    void intervalsAreConvertedToTheWireUnitsOfEachVersion() throws Exception {
        String template = """
                instances:
                  - {name: a, interface: eth0, virtualRouterId: 1, priority: 100, version: %d,
                     advertisementInterval: %s, addresses: [192.0.2.1/32]}
                """;
        assertThat(interval(template.formatted(3, "10ms"))).isEqualTo(1);
        assertThat(interval(template.formatted(3, "1.25s"))).isEqualTo(125);
        assertThat(interval(template.formatted(3, "40.95s"))).isEqualTo(4095);
        assertThat(interval(template.formatted(2, "1s"))).isEqualTo(100);
        assertThat(interval(template.formatted(2, "255s"))).isEqualTo(25500);
        assertThat(interval(template.formatted(2, "2m"))).isEqualTo(12000);
    }

    private static int interval(String yaml) throws ConfigException {
        return AgentConfigLoader.parse(yaml, "t.yaml").instances().getFirst().advertisementIntervalCentiseconds();
    }

    @Test
    void anIpv6HttpCheckWithoutAHostProbesIpv6Loopback() throws Exception {
        AgentConfig config = AgentConfigLoader.parse("""
                instances:
                  - name: v6
                    interface: eth0
                    virtualRouterId: 9
                    priority: 100
                    addresses: ["fd00:199:0:0:0:0:0:10/128"]
                    checks:
                      - {name: h, http: {port: 80}}
                """, "v6.yaml");

        InstanceSettings v6 = config.instances().getFirst();
        assertThat(v6.addresses().getFirst()).hasToString("fd00:199::10/128");
        assertThat(v6.checks().getFirst().probe())
                .isEqualTo(new CheckDefinition.HttpProbe("::1", 80, "/", List.of(), false, false));
    }

    @Test
    void aFileThatCannotBeReadIsAProblemNotACrash(@TempDir Path dir) {
        Path missing = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> AgentConfigLoader.load(missing))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.source()).isEqualTo(missing.toString());
                        assertThat(p.line()).isZero();
                        assertThat(p.message()).startsWith("cannot read the file");
                    });
                    assertThat(e.getMessage()).startsWith(missing + ": cannot read the file");
                });
    }

    @Test
    void loadReportsProblemsUnderTheFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agent.yaml");
        Files.writeString(file, "instances:\n  - name: a\n    colour: blue\n");
        assertThatThrownBy(() -> AgentConfigLoader.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage())
                        .contains(file + ":3:5: instances[0].colour: unknown key 'colour'"));
    }

    @Test
    void emptyValuesCountAsAbsentAndUnicastPeersAreKeptInOrder() throws Exception {
        AgentConfig config = AgentConfigLoader.parse("""
                instances:
                  - name: u
                    interface: ens3
                    virtualRouterId: 7
                    priority: 90
                    addresses: [10.199.0.10/24]
                    unicastPeers: [10.199.0.3, 10.199.0.2]
                    checks:
                    notify:
                    announcements: {repeat: 2, secondBurstDelay: 0s, refreshInterval: 60s}
                syncGroups:
                """, "u.yaml");

        InstanceSettings u = config.instances().getFirst();
        assertThat(u.unicastPeers()).containsExactly(InetAddress.ofLiteral("10.199.0.3"),
                InetAddress.ofLiteral("10.199.0.2"));
        assertThat(u.isUnicast()).isTrue();
        assertThat(u.checks()).isEmpty();
        assertThat(u.hooks()).isEmpty();
        assertThat(u.announcements()).isEqualTo(new AnnouncementSettings(2, Duration.ZERO, Duration.ofMinutes(1)));
        assertThat(u.announcements().hasSecondBurst()).isFalse();
        assertThat(u.announcements().refreshes()).isTrue();
        assertThat(config.syncGroups()).isEmpty();
    }
}
