package io.vipkeeper.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vipkeeper.agent.testing.NetnsLan;
import io.vipkeeper.agent.testing.Prerequisites;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** setns from a JVM platform thread: only that thread moves, and sockets opened there stay there. */
class NetworkNamespaceTest {

    @Test
    void theThreadEntersTheNamespaceAndTheCallerStaysHome() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        long home = NetworkNamespace.currentThreadNamespaceInode();
        try (NetnsLan lan = NetnsLan.create(1, 15); NetworkNamespace ns = NetworkNamespace.enter(lan.host(1).name())) {
            long target = NetworkNamespace.inodeOf(Path.of("/run/netns", lan.host(1).name()));

            assertThat(ns.call(NetworkNamespace::currentThreadNamespaceInode)).isEqualTo(target);
            assertThat(target).isNotEqualTo(home);
            assertThat(NetworkNamespace.currentThreadNamespaceInode()).isEqualTo(home);
            // the namespace's interfaces are visible only from its thread
            int index = ns.call(() -> Libc.ifNameToIndex("eth0"));
            assertThat(index).isPositive();
            // a netlink socket opened there reports that namespace's addresses even when used from here
            try (Rtnetlink rt = ns.call(Rtnetlink::open)) {
                assertThat(rt.dumpAddresses()).anyMatch(a -> a.address().equals(lan.host(1).ipv4()));
            }
        }
    }

    @Test
    void aMissingNamespaceIsATypedError() {
        Prerequisites.requireRoot();
        assertThatThrownBy(() -> NetworkNamespace.enter("vkl-does-not-exist"))
                .isInstanceOf(LinuxException.class)
                .hasMessageContaining("vkl-does-not-exist");
        assertThatThrownBy(() -> NetworkNamespace.enter("../etc"))
                .isInstanceOf(LinuxException.class);
    }

    @Test
    void unknownInterfaceNamesFailWithTheErrnoName() {
        assertThatThrownBy(() -> Libc.ifNameToIndex("vkl-nope0"))
                .isInstanceOfSatisfying(ErrnoException.class, e -> {
                    assertThat(e.errnoName()).isEqualTo("ENODEV");
                    assertThat(e.call()).contains("if_nametoindex").contains("vkl-nope0");
                });
    }
}
