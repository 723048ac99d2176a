package io.vipkeeper.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.vipkeeper.api.VipKeeper;
import io.vipkeeper.api.v1alpha1.VirtualIPPool;
import io.vipkeeper.api.v1alpha1.VirtualIPPoolSpec;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded API server behaves like a real one where the operator depends on it. */
class MockClusterTest {

    private static MockCluster cluster;

    @BeforeAll
    static void start() {
        cluster = MockCluster.start();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static VirtualIPPool pool(String name, List<String> addresses) {
        VirtualIPPool pool = new VirtualIPPool();
        pool.setMetadata(new ObjectMetaBuilder().withName(name).build());
        VirtualIPPoolSpec spec = new VirtualIPPoolSpec();
        spec.setAddresses(addresses);
        spec.setScriptDirectory("/etc/vipkeeper/scripts");
        pool.setSpec(spec);
        return pool;
    }

    @Test
    void theVipkeeperCrdsAreRegistered() {
        assertThat(cluster.crds()).contains(VipKeeper.CRD_VIRTUAL_IPS, VipKeeper.CRD_VIRTUAL_IP_POOLS);
        assertThat(cluster.client().apiextensions().v1().customResourceDefinitions().withName(VipKeeper.CRD_VIRTUAL_IPS)
                .get()).isNotNull();
    }

    @Test
    void aMergePatchReplacesAListAndTheListShrinks() {
        var pools = cluster.client().resources(VirtualIPPool.class);
        pools.resource(pool("shrink", List.of("10.0.0.1/32", "10.0.0.2/32", "10.0.0.3/32"))).create();

        pools.withName("shrink").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"addresses\":[\"10.0.0.9/32\"]}}");

        assertThat(pools.withName("shrink").get().getSpec().getAddresses()).containsExactly("10.0.0.9/32");
    }

    @Test
    void aMergePatchWithNullRemovesTheField() {
        var pools = cluster.client().resources(VirtualIPPool.class);
        pools.resource(pool("nulls", List.of("10.0.1.0/28"))).create();

        pools.withName("nulls").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"scriptDirectory\":null}}");

        String json = cluster.client().getKubernetesSerialization().asJson(pools.withName("nulls").get());
        assertThat(json).doesNotContain("scriptDirectory");
        assertThat(pools.withName("nulls").get().getSpec().getAddresses()).containsExactly("10.0.1.0/28");
    }

    @Test
    void aStatusMergePatchShrinksTheStatusList() {
        var pools = cluster.client().resources(VirtualIPPool.class);
        pools.resource(pool("conds", List.of("10.0.2.0/28"))).create();
        String two = "{\"status\":{\"conditions\":[{\"type\":\"A\",\"status\":\"True\"},{\"type\":\"B\",\"status\":\"True\"}]}}";
        String one = "{\"status\":{\"conditions\":[{\"type\":\"B\",\"status\":\"False\"}]}}";

        pools.withName("conds").subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), two);
        pools.withName("conds").subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), one);

        var conditions = pools.withName("conds").get().getStatus().getConditions();
        assertThat(conditions).hasSize(1);
        assertThat(conditions.getFirst().getType()).isEqualTo("B");
        assertThat(conditions.getFirst().getStatus()).isEqualTo("False");
    }
}
