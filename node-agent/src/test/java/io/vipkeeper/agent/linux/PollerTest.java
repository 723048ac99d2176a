package io.vipkeeper.agent.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.testing.NetnsLan;
import io.vipkeeper.agent.testing.Prerequisites;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The agent loop's multiplexer: wake-ups from other threads, timeouts, and readiness of real VRRP sockets. */
class PollerTest {

    @Test
    void awaitTimesOutWithNothingRegistered() throws Exception {
        try (Poller poller = new Poller()) {
            assertThat(poller.await(1_000_000L)).isFalse();
            assertThat(poller.await(0)).isFalse();
        }
    }

    @Test
    void wakeupFromAnotherThreadEndsAnUnboundedWait() throws Exception {
        try (Poller poller = new Poller()) {
            CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
                try {
                    return poller.await(-1);
                } catch (ErrnoException e) {
                    throw new IllegalStateException(e);
                }
            });
            poller.wakeup();
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isTrue();
            // the eventfd was drained: the next wait times out again
            assertThat(poller.await(0)).isFalse();
        }
    }

    @Test
    void wakeupBeforeAwaitIsNotLost() throws Exception {
        try (Poller poller = new Poller()) {
            poller.wakeup();
            poller.wakeup();
            assertThat(poller.await(-1)).isTrue();
            assertThat(poller.await(0)).isFalse();
        }
    }

    @Test
    void vrrpSocketBecomesReadableAndTokensAreReused() throws Exception {
        Prerequisites.requireRoot();
        Prerequisites.requireCommand("ip");
        try (NetnsLan lan = NetnsLan.create(2, 12);
                NetworkNamespace ns1 = NetworkNamespace.enter(lan.host(1).name());
                NetworkNamespace ns2 = NetworkNamespace.enter(lan.host(2).name());
                Poller poller = new Poller()) {
            VrrpSocket sender = ns1.call(() -> VrrpSocket.open("eth0", lan.host(1).ipv4()));
            VrrpSocket receiver = ns2.call(() -> {
                VrrpSocket s = VrrpSocket.open("eth0", lan.host(2).ipv4());
                s.joinMulticastGroup();
                return s;
            });
            try (sender; receiver) {
                int token = poller.register(receiver);
                assertThat(poller.await(0)).isFalse();
                assertThat(poller.isReadable(token)).isFalse();

                // a minimal VRRPv3 advert (VRID 7, priority 100, 1 s, no addresses); the socket does not judge it
                byte[] advert = {0x31, 7, 100, 0, 0, 100, 0, 0};
                sender.sendMulticast(ByteBuffer.wrap(advert));
                assertThat(poller.await(TimeUnit.SECONDS.toNanos(10))).isTrue();
                assertThat(poller.isReadable(token)).isTrue();
                assertThat(receiver.receive(ByteBuffer.allocate(64), 0)).isNotNull();

                poller.unregister(token);
                assertThat(poller.isReadable(token)).isFalse();
                int again = poller.register(receiver);
                assertThat(again).isEqualTo(token);
            }
        }
    }
}
