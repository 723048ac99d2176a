package io.vipkeeper.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.check.CheckDefinition;
import io.vipkeeper.agent.config.AnnouncementSettings;
import io.vipkeeper.agent.config.InstanceSettings;
import io.vipkeeper.agent.config.VipAddress;
import io.vipkeeper.agent.notify.HookDefinition;
import io.vipkeeper.agent.vrrp.VrrpVersion;
import io.vipkeeper.api.v1alpha1.AdvertisementMode;
import io.vipkeeper.api.v1alpha1.CheckSpec;
import io.vipkeeper.api.v1alpha1.ExecHook;
import io.vipkeeper.api.v1alpha1.ExecProbe;
import io.vipkeeper.api.v1alpha1.NodeInstanceSpec;
import io.vipkeeper.api.v1alpha1.NotifySpec;
import io.vipkeeper.api.v1alpha1.VirtualIPNodeSpec;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeSpecMapperTest {

    static final NodeInterfaces INTERFACES = new NodeInterfaces(Map.of(
            "lo", List.of(VipAddress.parse("127.0.0.1/8")),
            "eth0", List.of(VipAddress.parse("10.199.0.11/24"), VipAddress.parse("fd00:199::11/64")),
            "eth1", List.of(VipAddress.parse("10.199.1.11/24"))));

    /** A complete instance as the operator writes it. */
    static NodeInstanceSpec instance(String name) {
        NodeInstanceSpec spec = new NodeInstanceSpec();
        spec.setName(name);
        spec.setVirtualIPNamespace("default");
        spec.setVirtualIPName("web");
        spec.setVirtualIPUid("uid-1");
        spec.setInterfaceName("eth0");
        spec.setVirtualRouterId(51);
        spec.setVersion(3);
        spec.setAdvertisementInterval("1s");
        spec.setPriority(150);
        spec.setPreempt(true);
        spec.setAddresses(List.of("10.199.0.100/24"));
        return spec;
    }

    static VirtualIPNodeSpec spec(NodeInstanceSpec... instances) {
        VirtualIPNodeSpec spec = new VirtualIPNodeSpec();
        spec.setInstances(List.of(instances));
        return spec;
    }

    @Test
    void a_minimal_instance_gets_the_standalone_defaults() throws Exception {
        NodeSpecMapper.Result result = NodeSpecMapper.map(spec(instance("default.web.ipv4")), INTERFACES,
                "VirtualIPNode/node-1");

        assertThat(result.problems()).isEmpty();
        assertThat(result.config().source()).isEqualTo("VirtualIPNode/node-1");
        assertThat(result.config().syncGroups()).isEmpty();
        assertThat(result.config().instances()).containsExactly(new InstanceSettings(
                "default.web.ipv4", "eth0", 51, 150, VrrpVersion.V3, 100, true, Duration.ZERO, true,
                List.of(VipAddress.parse("10.199.0.100/24")), List.of(), true, AnnouncementSettings.DEFAULTS,
                List.of(), List.of()));
        assertThat(result.scriptDirectory()).isEmpty();
        assertThat(result.runScriptsAsRoot()).isFalse();
    }

    @Test
    void every_field_is_carried_over() throws Exception {
        NodeInstanceSpec full = instance("team-a.db.ipv4");
        full.setInterfaceName(null);
        full.setInterfaceCidr("10.199.1.0/24");
        full.setVirtualRouterId(7);
        full.setVersion(2);
        full.setAdvertisementInterval("3s");
        full.setPriority(90);
        full.setPreempt(true);
        full.setPreemptDelay("30s");
        full.setAddresses(List.of("10.199.1.100/32", "10.199.1.101/32"));
        full.setMode(AdvertisementMode.Unicast);
        full.setUnicastPeers(List.of("10.199.1.12", "10.199.1.13"));
        full.setUnicastSource("10.199.1.11");
        CheckSpec check = new CheckSpec();
        check.setName("db-alive");
        ExecProbe probe = new ExecProbe();
        probe.setCommand(List.of("check-db.sh", "--fast"));
        check.setExec(probe);
        check.setInterval("2s");
        check.setFall(3);
        check.setWeight(-20);
        full.setChecks(List.of(check));
        NotifySpec notify = new NotifySpec();
        ExecHook hook = new ExecHook();
        hook.setCommand(List.of("notify.sh"));
        notify.setExec(hook);
        full.setNotify(notify);
        full.setScriptDirectory("/etc/vipkeeper/scripts");
        full.setRunScriptsAsRoot(true);

        NodeSpecMapper.Result result = NodeSpecMapper.map(spec(full), INTERFACES, "n");

        assertThat(result.problems()).isEmpty();
        InstanceSettings s = result.config().instances().getFirst();
        assertThat(s.name()).isEqualTo("team-a.db.ipv4");
        assertThat(s.interfaceName()).isEqualTo("eth1");
        assertThat(s.virtualRouterId()).isEqualTo(7);
        assertThat(s.version()).isEqualTo(VrrpVersion.V2);
        assertThat(s.advertisementIntervalCentiseconds()).isEqualTo(300);
        assertThat(s.priority()).isEqualTo(90);
        assertThat(s.preemptDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.addresses()).containsExactly(VipAddress.parse("10.199.1.100/32"),
                VipAddress.parse("10.199.1.101/32"));
        assertThat(s.unicastPeers()).containsExactly(InetAddress.getByName("10.199.1.12"),
                InetAddress.getByName("10.199.1.13"));
        assertThat(s.checks()).containsExactly(new CheckDefinition("db-alive",
                new CheckDefinition.ExecProbe(List.of("check-db.sh", "--fast")), Duration.ofSeconds(2),
                Duration.ofSeconds(2), 3, 1, -20, false));
        assertThat(s.hooks()).containsExactly(
                new HookDefinition.ExecHook(List.of("notify.sh"), Duration.ofSeconds(10)));
        assertThat(result.scriptDirectory()).contains("/etc/vipkeeper/scripts");
        assertThat(result.runScriptsAsRoot()).isTrue();
    }

    @Test
    void unicast_peers_are_ignored_in_multicast_mode_and_an_ipv6_instance_maps() throws Exception {
        NodeInstanceSpec v6 = instance("default.web.ipv6");
        v6.setInterfaceCidr("fd00:199::/64");
        v6.setInterfaceName(null);
        v6.setAddresses(List.of("fd00:199::100/128"));
        v6.setMode(AdvertisementMode.Multicast);
        v6.setUnicastPeers(List.of("fd00:199::12"));

        NodeSpecMapper.Result result = NodeSpecMapper.map(spec(v6), INTERFACES, "n");

        assertThat(result.problems()).isEmpty();
        InstanceSettings s = result.config().instances().getFirst();
        assertThat(s.interfaceName()).isEqualTo("eth0");
        assertThat(s.isUnicast()).isFalse();
        assertThat(s.family().name()).isEqualTo("IPV6");
    }

    @Test
    void a_null_or_empty_spec_is_no_instance() {
        assertThat(NodeSpecMapper.map(null, INTERFACES, "n").config().instances()).isEmpty();
        assertThat(NodeSpecMapper.map(new VirtualIPNodeSpec(), INTERFACES, "n").config().instances()).isEmpty();
    }

    static Stream<Arguments> badInstances() {
        return Stream.of(
                bad("missing interface", s -> s.setInterfaceName("eth9"), "interface eth9 does not exist"),
                bad("no interface in the CIDR", s -> {
                    s.setInterfaceName(null);
                    s.setInterfaceCidr("192.168.77.0/24");
                }, "no interface on this node holds an address inside 192.168.77.0/24"),
                bad("neither interface nor CIDR", s -> s.setInterfaceName(null), "neither interfaceName"),
                bad("VRID out of range", s -> s.setVirtualRouterId(256), "virtualRouterId"),
                bad("priority out of range", s -> s.setPriority(0), "priority"),
                bad("bad interval", s -> s.setAdvertisementInterval("soon"), "advertisementInterval"),
                bad("v2 with IPv6", s -> {
                    s.setVersion(2);
                    s.setAddresses(List.of("fd00:199::100/128"));
                }, "VRRP version 2 carries IPv4 addresses only"),
                bad("mixed families", s -> s.setAddresses(List.of("10.199.0.100/24", "fd00:199::100/128")),
                        "addresses"),
                bad("no addresses", s -> s.setAddresses(null), "addresses"),
                bad("bad address", s -> s.setAddresses(List.of("10.199.0.300/24")), "addresses"),
                bad("check without a probe", s -> {
                    CheckSpec check = new CheckSpec();
                    check.setName("empty");
                    s.setChecks(List.of(check));
                }, "exactly one of exec, http, tcp"));
    }

    static Arguments bad(String what, Consumer<NodeInstanceSpec> change, String expected) {
        return Arguments.of(what, change, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInstances")
    void a_bad_instance_is_left_out_and_reported_while_the_others_run(String what,
            Consumer<NodeInstanceSpec> change, String expected) {
        NodeInstanceSpec badOne = instance("default.bad.ipv4");
        badOne.setVirtualRouterId(52);
        change.accept(badOne);
        NodeInstanceSpec good = instance("default.web.ipv4");

        NodeSpecMapper.Result result = NodeSpecMapper.map(spec(badOne, good), INTERFACES, "n");

        assertThat(result.config().instances()).extracting(InstanceSettings::name)
                .containsExactly("default.web.ipv4");
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.instance())
                .isEqualTo("default.bad.ipv4"));
        assertThat(String.join("\n", result.problemsOf("default.bad.ipv4"))).contains(expected);
    }

    @Test
    void a_vrid_used_twice_on_one_interface_and_family_keeps_the_first() {
        NodeInstanceSpec first = instance("default.a.ipv4");
        NodeInstanceSpec second = instance("default.b.ipv4");
        NodeInstanceSpec otherInterface = instance("default.c.ipv4");
        otherInterface.setInterfaceName("eth1");

        NodeSpecMapper.Result result = NodeSpecMapper.map(spec(first, second, otherInterface), INTERFACES, "n");

        assertThat(result.config().instances()).extracting(InstanceSettings::name)
                .containsExactly("default.a.ipv4", "default.c.ipv4");
        assertThat(result.problemsOf("default.b.ipv4")).singleElement().asString()
                .contains("virtualRouterId 51 on eth0").contains("default.a.ipv4");
    }

    @Test
    void a_name_used_twice_and_a_missing_name_are_reported() {
        NodeInstanceSpec again = instance("default.web.ipv4");
        again.setVirtualRouterId(60);
        NodeInstanceSpec nameless = instance(null);
        nameless.setVirtualRouterId(61);

        NodeSpecMapper.Result result = NodeSpecMapper.map(spec(instance("default.web.ipv4"), again, nameless),
                INTERFACES, "n");

        assertThat(result.config().instances()).hasSize(1);
        assertThat(result.problems()).extracting(NodeSpecMapper.InstanceProblem::instance)
                .containsExactly("default.web.ipv4", "spec.instances[2]");
    }

    @Test
    void a_name_longer_than_the_standalone_limit_is_kept() {
        String longName = "team-with-a-long-namespace." + "v".repeat(80) + ".ipv4";

        NodeSpecMapper.Result result = NodeSpecMapper.map(spec(instance(longName)), INTERFACES, "n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.config().instances().getFirst().name()).isEqualTo(longName);
    }

    static Stream<Arguments> cidrMatches() {
        return Stream.of(
                Arguments.of("10.199.0.11/32", true), Arguments.of("10.199.0.0/24", true),
                Arguments.of("10.199.0.0/16", true), Arguments.of("10.199.1.0/24", false),
                Arguments.of("0.0.0.0/0", true), Arguments.of("10.199.0.12/31", false), Arguments.of("10.199.0.10/31", true),
                Arguments.of("10.199.0.10/30", true), Arguments.of("::/0", false));
    }

    @ParameterizedTest(name = "10.199.0.11 inside {0}: {1}")
    @MethodSource("cidrMatches")
    void an_address_is_inside_a_network_when_its_prefix_bits_match(String network, boolean inside) {
        assertThat(NodeInterfaces.inside(VipAddress.parse("10.199.0.11/24"), VipAddress.parse(network)))
                .isEqualTo(inside);
    }
}
