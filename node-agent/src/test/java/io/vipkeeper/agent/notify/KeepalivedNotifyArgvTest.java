package io.vipkeeper.agent.notify;

import io.vipkeeper.agent.vrrp.engine.NotifyState;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepalivedNotifyArgvTest {
    @Test
    void appendsScopeNameStateAndPriorityLikeKeepalived() {
        Transition t = Transitions.of("shop-web", NotifyState.BACKUP, NotifyState.MASTER, 200);
        assertThat(KeepalivedNotifyArgv.argv(List.of("notify.sh"), t))
                .containsExactly("notify.sh", "INSTANCE", "shop-web", "MASTER", "200");
        // Configured arguments come first; keepalived's four are always last ($(n-3)..$(n)).
        assertThat(KeepalivedNotifyArgv.argv(List.of("notify.sh", "VG_1", "--x"), t))
                .containsExactly("notify.sh", "VG_1", "--x", "INSTANCE", "shop-web", "MASTER", "200");
    }

    @Test
    void groupsAndEveryStateAreUpperCase() {
        for (NotifyState state : NotifyState.values()) {
            Transition t = new Transition(NotifyScope.GROUP, "g1", "n", null, state, 0, List.of(), "eth1",
                    Instant.EPOCH);
            assertThat(KeepalivedNotifyArgv.argv(List.of("s"), t)).containsExactly("s", "GROUP", "g1", state.name(), "0");
        }
        assertThat(List.of(NotifyState.values()).stream().map(Enum::name))
                .containsExactly("MASTER", "BACKUP", "FAULT", "STOP");
    }

    @Test
    void environmentCarriesTheSameFactsPlusAddressesAndInterface() {
        Transition t = Transitions.of("shop-web", NotifyState.BACKUP, NotifyState.MASTER, 200);
        assertThat(KeepalivedNotifyArgv.environment(t)).containsExactly(
                java.util.Map.entry("VIPKEEPER_SCOPE", "INSTANCE"),
                java.util.Map.entry("VIPKEEPER_NAME", "shop-web"),
                java.util.Map.entry("VIPKEEPER_STATE", "MASTER"),
                java.util.Map.entry("VIPKEEPER_OLD_STATE", "BACKUP"),
                java.util.Map.entry("VIPKEEPER_PRIORITY", "200"),
                java.util.Map.entry("VIPKEEPER_NODE", "node-1"),
                java.util.Map.entry("VIPKEEPER_ADDRESSES", "192.168.1.1/32 fd00:199::1/128"),
                java.util.Map.entry("VIPKEEPER_INTERFACE", "eth0"),
                java.util.Map.entry("VIPKEEPER_TIME", "2026-11-25T18:00:00.250Z"));
        Transition first = Transitions.of("x", null, NotifyState.BACKUP, 100);
        assertThat(KeepalivedNotifyArgv.environment(first)).containsEntry("VIPKEEPER_OLD_STATE", "");
    }
}
