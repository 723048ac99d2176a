package io.vipkeeper.operator.core;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.vipkeeper.api.v1alpha1.CheckSpec;
import io.vipkeeper.api.v1alpha1.ExecHook;
import io.vipkeeper.api.v1alpha1.ExecProbe;
import io.vipkeeper.api.v1alpha1.NotifySpec;
import io.vipkeeper.api.v1alpha1.TcpProbe;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.vipkeeper.operator.core.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule a VirtualIP can break: it gets Invalid with that reason and words that name the culprit, nothing is
 * rendered for it, and a valid neighbour in the same pool is rendered exactly as without it.
 */
class InvalidCasesTest {

    private static VirtualIPPool lan() {
        VirtualIPPool pool = vrids(pool("lan", "10.199.0.0/28", "fd00:199::/124"), 10, 20);
        pool.getSpec().setAllowedNamespaces(List.of("shop", "other"));
        return pool;
    }

    private static CheckSpec execCheck(String program) {
        CheckSpec c = new CheckSpec();
        c.setName("chk");
        c.setExec(new ExecProbe(List.of(program)));
        return c;
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        Consumer<Object[]> add = a -> cases.add(Arguments.of(a));
        add.accept(new Object[] {Reasons.POOL_NOT_FOUND, "nope", (Consumer<VirtualIP>) v -> v.getSpec().setPool("nope")});
        add.accept(new Object[] {Reasons.NAMESPACE_NOT_ALLOWED, "namespace evil",
                (Consumer<VirtualIP>) v -> v.getMetadata().setNamespace("evil")});
        add.accept(new Object[] {Reasons.INVALID_ADDRESS, "10.199.0.300/32",
                (Consumer<VirtualIP>) v -> v.getSpec().setAddresses(List.of("10.199.0.300/32"))});
        add.accept(new Object[] {Reasons.DUPLICATE_ADDRESS, "10.199.0.5",
                (Consumer<VirtualIP>) v -> v.getSpec().setAddresses(List.of("10.199.0.5/32", "10.199.0.5/24"))});
        add.accept(new Object[] {Reasons.ADDRESS_OUTSIDE_POOL, "10.199.1.5/32",
                (Consumer<VirtualIP>) v -> v.getSpec().setAddresses(List.of("10.199.1.5/32"))});
        add.accept(new Object[] {Reasons.MIXED_ADDRESS_FAMILIES, "IPv4 and IPv6",
                (Consumer<VirtualIP>) v -> v.getSpec().setAddresses(List.of("10.199.0.5/32", "fd00:199::5/128"))});
        add.accept(new Object[] {Reasons.VIRTUAL_ROUTER_ID_OUTSIDE_POOL, "10..20",
                (Consumer<VirtualIP>) v -> v.getSpec().setVirtualRouterId(21)});
        add.accept(new Object[] {Reasons.INVALID_VERSION, "got 4", (Consumer<VirtualIP>) v -> v.getSpec().setVersion(4)});
        add.accept(new Object[] {Reasons.VERSION_2_IPV6, "IPv4 addresses only", (Consumer<VirtualIP>) v -> {
            v.getSpec().setVersion(2);
            v.getSpec().setAdvertisementInterval("1s");
            v.getSpec().setAddresses(List.of("fd00:199::5/128"));
        }});
        add.accept(new Object[] {Reasons.INVALID_ADVERTISEMENT_INTERVAL, "whole seconds", (Consumer<VirtualIP>) v -> {
            v.getSpec().setVersion(2);
            v.getSpec().setAdvertisementInterval("1.5s");
        }});
        add.accept(new Object[] {Reasons.INVALID_ADVERTISEMENT_INTERVAL, "centiseconds",
                (Consumer<VirtualIP>) v -> v.getSpec().setAdvertisementInterval("15ms")});
        add.accept(new Object[] {Reasons.INVALID_ADVERTISEMENT_INTERVAL, "40.95s",
                (Consumer<VirtualIP>) v -> v.getSpec().setAdvertisementInterval("41s")});
        add.accept(new Object[] {Reasons.INVALID_PREEMPT_DELAY, "1000s",
                (Consumer<VirtualIP>) v -> v.getSpec().setPreemptDelay("1001s")});
        add.accept(new Object[] {Reasons.CHECKSUM_OPTION_NOT_APPLICABLE, "version 3 over IPv4", (Consumer<VirtualIP>) v -> {
            v.getSpec().setChecksumWithPseudoHeader(false);
            v.getSpec().setAddresses(List.of("fd00:199::5/128"));
        }});
        add.accept(new Object[] {Reasons.INVALID_PRIORITY, "got 255",
                (Consumer<VirtualIP>) v -> preferring(v, "n1", 255)});
        add.accept(new Object[] {Reasons.INVALID_PRIORITY, "twice",
                (Consumer<VirtualIP>) v -> preferring(v, "n1", 150, "n1", 140)});
        add.accept(new Object[] {Reasons.EXEC_NOT_ALLOWED, "no scriptDirectory",
                (Consumer<VirtualIP>) v -> v.getSpec().setChecks(List.of(execCheck("check.sh")))});
        add.accept(new Object[] {Reasons.EXEC_NOT_ALLOWED, "notify", (Consumer<VirtualIP>) v -> {
            NotifySpec notify = new NotifySpec();
            ExecHook hook = new ExecHook();
            hook.setCommand(List.of("notify.sh"));
            notify.setExec(hook);
            v.getSpec().setNotify(notify);
        }});
        add.accept(new Object[] {Reasons.INVALID_CHECK, "exactly one of exec, http, tcp", (Consumer<VirtualIP>) v -> {
            CheckSpec c = new CheckSpec();
            c.setName("none");
            v.getSpec().setChecks(List.of(c));
        }});
        add.accept(new Object[] {Reasons.INVALID_CHECK, "used twice", (Consumer<VirtualIP>) v -> {
            CheckSpec a = new CheckSpec();
            a.setName("tcp");
            TcpProbe probe = new TcpProbe();
            probe.setPort(80);
            a.setTcp(probe);
            v.getSpec().setChecks(List.of(a, a));
        }});
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void invalidVirtualIpDisturbsNothing(String reason, String mentioned, Consumer<VirtualIP> breakIt) {
        VirtualIP neighbour = vip("shop", "neighbour", "lan", 0);
        List<NodeView> nodes = List.of(node("n1"), node("n2"), node("n3"));
        Plan without = Planner.plan(view(List.of(lan()), List.of(neighbour), nodes));

        VirtualIP bad = vip("shop", "bad", "lan", 1);
        breakIt.accept(bad);
        Plan with = Planner.plan(view(List.of(lan()), List.of(neighbour, bad), nodes));

        Verdict verdict = with.verdicts().get(key(bad));
        assertThat(verdict).isInstanceOf(Verdict.Invalid.class);
        List<Problem> problems = ((Verdict.Invalid) verdict).problems();
        assertThat(problems).extracting(Problem::reason).containsExactly(reason);
        assertThat(problems.getFirst().message()).contains(mentioned);
        assertThat(with.verdicts().get("shop/neighbour")).isEqualTo(without.verdicts().get("shop/neighbour"));
        assertThat(with.nodeSpecs()).isEqualTo(without.nodeSpecs());
        assertThat(with.poolStatuses()).isEqualTo(without.poolStatuses());
    }

    @Test
    void scriptsMustStayInsideTheScriptDirectory() {
        VirtualIPPool pool = lan();
        pool.getSpec().setScriptDirectory("/etc/vipkeeper/scripts");
        for (String program : List.of("/bin/sh", "../../bin/sh", "sub/../../x")) {
            VirtualIP v = vip("shop", "web", "lan", 0);
            v.getSpec().setChecks(List.of(execCheck(program)));
            Verdict verdict = Planner.plan(view(List.of(pool), List.of(v), List.of(node("n1")))).verdicts().get("shop/web");
            assertThat(verdict).as(program).isEqualTo(new Verdict.Invalid(List.of(new Problem(
                    Reasons.SCRIPT_OUTSIDE_DIRECTORY, "check chk: program '" + program
                    + "' must be a path relative to /etc/vipkeeper/scripts (no leading '/', no '..')"))));
        }
        VirtualIP ok = vip("shop", "web", "lan", 0);
        ok.getSpec().setChecks(List.of(execCheck("sub/check..sh")));
        assertThat(Planner.plan(view(List.of(pool), List.of(ok), List.of(node("n1")))).verdicts().get("shop/web"))
                .isInstanceOf(Verdict.Valid.class);
    }

    @Test
    void olderVirtualIpWinsAnAddressAndAVrid() {
        VirtualIP older = withVrid(withAddresses(vip("shop", "older", "lan", 0), "10.199.0.5/32"), 12);
        VirtualIP newerAddress = withAddresses(vip("other", "a-newer", "lan", 5), "10.199.0.5/24");
        VirtualIP newerVrid = withVrid(vip("other", "b-newer", "lan", 6), 12);
        Plan plan = Planner.plan(view(List.of(lan()), List.of(newerVrid, newerAddress, older), List.of(node("n1"))));
        assertThat(plan.verdicts().get("shop/older")).isInstanceOf(Verdict.Valid.class);
        assertThat(plan.verdicts().get("other/a-newer")).isEqualTo(new Verdict.Invalid(List.of(new Problem(
                Reasons.ADDRESS_IN_USE, "address 10.199.0.5 is used by VirtualIP shop/older"))));
        assertThat(plan.verdicts().get("other/b-newer")).isEqualTo(new Verdict.Invalid(List.of(new Problem(
                Reasons.VIRTUAL_ROUTER_ID_IN_USE, "virtualRouterId 12 is used by VirtualIP shop/older in VirtualIPPool lan"))));
        assertThat(plan.nodeSpecs().get("n1").getInstances()).hasSize(1);
    }

    @Test
    void aRunningVirtualIpKeepsItsAddressAgainstAnOlderNewcomer() {
        // "young" was allocated 10.199.0.0 and runs with it; "old" (created earlier) now asks for that address
        VirtualIP young = vip("shop", "young", "lan", 10);
        Plan first = Planner.plan(view(List.of(lan()), List.of(young), List.of(node("n1"))));
        recordAllocation(young, first.verdicts().get("shop/young"));
        VirtualIP old = withAddresses(vip("shop", "old", "lan", 0), "10.199.0.0/32");
        Plan plan = Planner.plan(view(List.of(lan()), List.of(old, young), List.of(node("n1"))));
        assertThat(plan.verdicts().get("shop/young")).isEqualTo(first.verdicts().get("shop/young"));
        assertThat(plan.verdicts().get("shop/old")).isEqualTo(new Verdict.Invalid(List.of(new Problem(
                Reasons.ADDRESS_IN_USE, "address 10.199.0.0 is used by VirtualIP shop/young"))));
    }

    @Test
    void addressesAreUniqueAcrossOverlappingPools() {
        VirtualIPPool a = pool("a", "10.199.0.0/30");
        VirtualIPPool b = pool("b", "10.199.0.2/31");
        VirtualIP inA = withAddresses(vip("shop", "in-a", "a", 0), "10.199.0.2/32");
        VirtualIP inB = vip("shop", "in-b", "b", 1);
        Plan plan = Planner.plan(view(List.of(a, b), List.of(inA, inB), List.of(node("n1"))));
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/in-b")).allocation().addresses())
                .containsExactly("10.199.0.3/32");
        // VRIDs are per pool: both get 1
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/in-a")).allocation().virtualRouterId()).isEqualTo(1);
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/in-b")).allocation().virtualRouterId()).isEqualTo(1);
        assertThat(plan.poolStatuses().get("b").getAddressesInUse()).isEqualTo(2);
        assertThat(plan.poolStatuses().get("b").getAddressesFree()).isZero();
    }

    @Test
    void exhaustionOfAddressesAndVrids() {
        VirtualIPPool pool = vrids(pool("small", "10.199.0.0/31"), 7, 8);
        List<VirtualIP> vips = List.of(vip("shop", "a", "small", 0), vip("shop", "b", "small", 1),
                vip("shop", "c", "small", 2));
        Plan plan = Planner.plan(view(List.of(pool), vips, List.of(node("n1"))));
        assertThat(plan.verdicts().get("shop/c")).isEqualTo(new Verdict.Invalid(List.of(new Problem(
                Reasons.NO_FREE_ADDRESS, "VirtualIPPool small has no free address"))));

        VirtualIPPool wide = vrids(pool("wide", "10.199.0.0/24"), 7, 8);
        vips = List.of(vip("shop", "a", "wide", 0), vip("shop", "b", "wide", 1), vip("shop", "c", "wide", 2));
        plan = Planner.plan(view(List.of(wide), vips, List.of(node("n1"))));
        assertThat(plan.verdicts().get("shop/c")).isEqualTo(new Verdict.Invalid(List.of(new Problem(
                Reasons.NO_FREE_VIRTUAL_ROUTER_ID, "VirtualIPPool wide has no free virtualRouterId in 7..8"))));
        // c's address was given back: only two in use
        assertThat(plan.poolStatuses().get("wide").getAddressesInUse()).isEqualTo(2);
        assertThat(plan.poolStatuses().get("wide").getVirtualRouterIdsFree()).isZero();
    }

    @Test
    void version2AllocatesIpv4Only() {
        VirtualIPPool pool = pool("dual", "fd00:199::/126", "10.199.0.0/30");
        VirtualIP v2 = vip("shop", "v2", "dual", 0);
        v2.getSpec().setVersion(2);
        VirtualIP v3 = vip("shop", "v3", "dual", 1);
        Plan plan = Planner.plan(view(List.of(pool), List.of(v2, v3), List.of(node("n1"))));
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/v2")).allocation().addresses())
                .containsExactly("10.199.0.0/32");
        assertThat(((Verdict.Valid) plan.verdicts().get("shop/v3")).allocation().addresses())
                .containsExactly("fd00:199::/128");
    }

    static Stream<Arguments> poolCases() {
        List<Arguments> cases = new ArrayList<>();
        Consumer<Object[]> add = a -> cases.add(Arguments.of(a));
        add.accept(new Object[] {Reasons.NO_ADDRESSES, (Consumer<VirtualIPPool>) p -> p.getSpec().setAddresses(List.of())});
        add.accept(new Object[] {Reasons.INVALID_ADDRESS,
                (Consumer<VirtualIPPool>) p -> p.getSpec().setAddresses(List.of("10.199.0.0/33"))});
        add.accept(new Object[] {Reasons.OVERLAPPING_ADDRESSES,
                (Consumer<VirtualIPPool>) p -> p.getSpec().setAddresses(List.of("10.199.0.0/24", "10.199.0.128/25"))});
        add.accept(new Object[] {Reasons.INVALID_INTERFACE,
                (Consumer<VirtualIPPool>) p -> p.getSpec().getNetworkInterface().setCidr("10.199.0.0/16")});
        add.accept(new Object[] {Reasons.INVALID_VIRTUAL_ROUTER_IDS, (Consumer<VirtualIPPool>) p -> vrids(p, 9, 3)});
        add.accept(new Object[] {Reasons.INVALID_VERSION, (Consumer<VirtualIPPool>) p -> p.getSpec().setVersion(1)});
        add.accept(new Object[] {Reasons.INVALID_ADVERTISEMENT_INTERVAL, (Consumer<VirtualIPPool>) p -> {
            p.getSpec().setVersion(2);
            p.getSpec().setAdvertisementInterval("100ms");
        }});
        add.accept(new Object[] {Reasons.INVALID_DEFAULT_PRIORITY,
                (Consumer<VirtualIPPool>) p -> p.getSpec().setDefaultPriority(255)});
        add.accept(new Object[] {Reasons.INVALID_SCRIPT_DIRECTORY,
                (Consumer<VirtualIPPool>) p -> p.getSpec().setScriptDirectory("scripts")});
        add.accept(new Object[] {Reasons.INVALID_NODE_SELECTOR, (Consumer<VirtualIPPool>) p -> p.getSpec().setNodeSelector(
                new LabelSelectorBuilder().addNewMatchExpression().withKey("k").withOperator("Near").endMatchExpression()
                        .build())});
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolCases")
    void invalidPoolServesNothingAndSaysWhy(String reason, Consumer<VirtualIPPool> breakIt) {
        VirtualIPPool broken = pool("broken", "10.199.0.0/24");
        breakIt.accept(broken);
        VirtualIPPool fine = pool("fine", "10.199.1.0/24");
        VirtualIP onBroken = vip("shop", "on-broken", "broken", 0);
        VirtualIP onFine = vip("shop", "on-fine", "fine", 1);
        Plan plan = Planner.plan(view(List.of(broken, fine), List.of(onBroken, onFine), List.of(node("n1"))));

        var ready = Conditions.find(plan.poolStatuses().get("broken").getConditions(), Reasons.TYPE_READY);
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo(reason);
        assertThat(ready.getObservedGeneration()).isEqualTo(1L);
        Verdict verdict = plan.verdicts().get("shop/on-broken");
        assertThat(verdict).isInstanceOf(Verdict.Invalid.class);
        assertThat(((Verdict.Invalid) verdict).problems().getFirst().reason()).isEqualTo(Reasons.POOL_INVALID);
        assertThat(((Verdict.Invalid) verdict).problems().getFirst().message()).startsWith("VirtualIPPool broken is invalid: ");
        assertThat(plan.verdicts().get("shop/on-fine")).isInstanceOf(Verdict.Valid.class);
        assertThat(plan.nodeSpecs().get("n1").getInstances()).singleElement()
                .satisfies(i -> assertThat(i.getVirtualIPName()).isEqualTo("on-fine"));
        assertThat(Conditions.find(plan.poolStatuses().get("fine").getConditions(), Reasons.TYPE_READY).getStatus())
                .isEqualTo("True");
    }
}
