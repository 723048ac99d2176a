package io.vipkeeper.operator.reconcile;

import static io.vipkeeper.operator.testing.OperatorHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.api.v1alpha1.ExecHook;
import io.vipkeeper.api.v1alpha1.NotifySpec;
import io.vipkeeper.api.v1alpha1.VirtualIP;
import io.vipkeeper.api.v1alpha1.VirtualIPPhase;
import io.vipkeeper.api.v1alpha1.VirtualIPPoolSpec;
import io.vipkeeper.api.v1alpha1.VirtualIPSpec;
import io.vipkeeper.api.v1alpha1.VridRange;
import io.vipkeeper.operator.core.Reasons;
import io.vipkeeper.operator.testing.OperatorHarness;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule a VirtualIP can break, through the API: {@code phase: Invalid}, a Valid=False condition with the reason, a
 * Warning Event with the same reason, nothing rendered for it, and a valid VirtualIP next to it undisturbed.
 */
class ValidationTest {

    private static OperatorHarness k8s;
    private static NodeInstanceSnapshot goodBefore;

    private record NodeInstanceSnapshot(Object spec) {
    }

    /** One invalid VirtualIP: its name, what is wrong with its spec, and the reason the operator must give. */
    private record Case(String name, Consumer<VirtualIPSpec> spec, String reason) {
        @Override
        public String toString() {
            return reason;
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("no-pool", s -> s.setPool("nope"), Reasons.POOL_NOT_FOUND),
            new Case("wrong-ns", s -> s.setPool("restricted"), Reasons.NAMESPACE_NOT_ALLOWED),
            new Case("outside", s -> {
                s.setPool("lan");
                s.setAddresses(List.of("10.1.1.1/32"));
            }, Reasons.ADDRESS_OUTSIDE_POOL),
            new Case("mixed", s -> {
                s.setPool("lan");
                s.setAddresses(List.of("192.168.100.5/32", "fd00:199::5/128"));
            }, Reasons.MIXED_ADDRESS_FAMILIES),
            new Case("taken-address", s -> {
                s.setPool("lan");
                s.setAddresses(List.of("192.168.100.2/32"));
            }, Reasons.ADDRESS_IN_USE),
            new Case("vrid-outside", s -> {
                s.setPool("lan");
                s.setVirtualRouterId(30);
            }, Reasons.VIRTUAL_ROUTER_ID_OUTSIDE_POOL),
            new Case("taken-vrid", s -> {
                s.setPool("lan");
                s.setVirtualRouterId(11);
            }, Reasons.VIRTUAL_ROUTER_ID_IN_USE),
            new Case("v2-ipv6", s -> {
                s.setPool("lan");
                s.setVersion(2);
                s.setAddresses(List.of("fd00:199::6/128"));
            }, Reasons.VERSION_2_IPV6),
            new Case("v2-fraction", s -> {
                s.setPool("lan");
                s.setVersion(2);
                s.setAdvertisementInterval("1500ms");
            }, Reasons.INVALID_ADVERTISEMENT_INTERVAL),
            new Case("script-escape", s -> {
                s.setPool("lan");
                NotifySpec notify = new NotifySpec();
                ExecHook exec = new ExecHook();
                exec.setCommand(List.of("/bin/sh", "-c", "id"));
                notify.setExec(exec);
                s.setNotify(notify);
            }, Reasons.SCRIPT_OUTSIDE_DIRECTORY),
            new Case("no-script-dir", s -> {
                s.setPool("noscripts");
                NotifySpec notify = new NotifySpec();
                ExecHook exec = new ExecHook();
                exec.setCommand(List.of("notify.sh"));
                notify.setExec(exec);
                s.setNotify(notify);
            }, Reasons.EXEC_NOT_ALLOWED));

    @BeforeAll
    static void start() {
        k8s = OperatorHarness.start();
        k8s.namespace("shop", Map.of());
        k8s.node("n1", "10.199.0.1", Map.of());
        k8s.node("n2", "10.199.0.2", Map.of());
        VirtualIPPoolSpec lan = OperatorHarness.poolSpec("192.168.100.0/28", "fd00:199::/120");
        VridRange range = new VridRange();
        range.setMin(10);
        range.setMax(20);
        lan.setVirtualRouterIds(range);
        k8s.pool("lan", lan);
        VirtualIPPoolSpec restricted = OperatorHarness.poolSpec("192.168.101.0/28");
        restricted.setAllowedNamespaces(List.of("finance"));
        k8s.pool("restricted", restricted);
        VirtualIPPoolSpec noScripts = OperatorHarness.poolSpec("192.168.102.0/28");
        noScripts.setScriptDirectory(null);
        k8s.pool("noscripts", noScripts);
        // The older VirtualIP holds 192.168.100.2 and VRID 11; the ones created after it ask for them too.
        k8s.virtualIP("shop", "good", s -> {
            s.setPool("lan");
            s.setAddresses(List.of("192.168.100.2/32"));
            s.setVirtualRouterId(11);
        });
        eventually(() -> assertThat(k8s.instanceOn("n1", "shop", "good")).isPresent());
        // Once its allocation is recorded, "good" keeps it against any later claimant, whatever the timestamps say.
        eventually(() -> assertThat(k8s.getVirtualIP("shop", "good").getStatus().getVirtualRouterId()).isEqualTo(11));
        goodBefore = new NodeInstanceSnapshot(k8s.instanceOn("n1", "shop", "good").orElseThrow());
        for (Case c : CASES) {
            k8s.virtualIP("shop", c.name(), c.spec());
        }
    }

    @AfterAll
    static void stop() {
        k8s.close();
    }

    static Stream<Arguments> cases() {
        return CASES.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anInvalidVirtualIPSaysWhyAndIsRenderedNowhere(Case c) {
        eventually(() -> {
            VirtualIP vip = k8s.getVirtualIP("shop", c.name());
            assertThat(vip.getStatus()).isNotNull();
            assertThat(vip.getStatus().getPhase()).isEqualTo(VirtualIPPhase.Invalid);
            assertThat(vip.getStatus().getConditions()).anySatisfy(cond -> {
                assertThat(cond.getType()).isEqualTo(Reasons.TYPE_VALID);
                assertThat(cond.getStatus()).isEqualTo("False");
                assertThat(cond.getReason()).isEqualTo(c.reason());
                assertThat(cond.getMessage()).isNotBlank();
            });
            assertThat(k8s.events("shop", c.name())).anySatisfy(e -> {
                assertThat(e.getType()).isEqualTo("Warning");
                assertThat(e.getReason()).isEqualTo(c.reason());
            });
        });
        assertThat(k8s.instanceOn("n1", "shop", c.name())).isEmpty();
        assertThat(k8s.instanceOn("n2", "shop", c.name())).isEmpty();
    }

    @Test
    void theValidVirtualIPNextToThemIsUndisturbed() {
        eventually(() -> assertThat(CASES).allSatisfy(c ->
                assertThat(k8s.getVirtualIP("shop", c.name()).getStatus()).isNotNull()));
        assertThat(k8s.instanceOn("n1", "shop", "good").orElseThrow()).isEqualTo(goodBefore.spec());
        VirtualIP good = k8s.getVirtualIP("shop", "good");
        assertThat(good.getStatus().getPhase()).isNotEqualTo(VirtualIPPhase.Invalid);
        assertThat(good.getStatus().getVirtualRouterId()).isEqualTo(11);
        assertThat(good.getStatus().getAddresses()).containsExactly("192.168.100.2/32");
    }

    @Test
    void anInvalidVirtualIPBecomesValidWhenTheHolderOfItsVridGoes() {
        k8s.virtualIP("shop", "holder", s -> {
            s.setPool("lan");
            s.setVirtualRouterId(15);
        });
        eventually(() -> assertThat(k8s.instanceOn("n1", "shop", "holder")).isPresent());
        k8s.virtualIP("shop", "waiter", s -> {
            s.setPool("lan");
            s.setVirtualRouterId(15);
        });
        eventually(() -> assertThat(k8s.getVirtualIP("shop", "waiter").getStatus().getPhase())
                .isEqualTo(VirtualIPPhase.Invalid));

        k8s.client().resources(VirtualIP.class).inNamespace("shop").withName("holder").delete();

        eventually(() -> {
            assertThat(k8s.getVirtualIP("shop", "waiter").getStatus().getPhase()).isNotEqualTo(VirtualIPPhase.Invalid);
            assertThat(k8s.instanceOn("n1", "shop", "waiter").orElseThrow().getVirtualRouterId()).isEqualTo(15);
        });
    }
}
