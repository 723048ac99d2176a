package io.vipkeeper.agent.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpCheckTest {
    private final CheckEventLoop loop = new CheckEventLoop();

    @AfterEach
    void tearDown() {
        loop.close();
    }

    @Test
    void anOpenPortSucceeds() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            CheckResult r = new TcpCheck(new CheckDefinition.TcpProbe("127.0.0.1", server.getLocalPort()), loop)
                    .run(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
            assertThat(r.succeeded()).isTrue();
        }
    }

    @Test
    void aHostNameFromEtcHostsIsResolvedOffTheLoop() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            CheckResult r = new TcpCheck(new CheckDefinition.TcpProbe("localhost", server.getLocalPort()), loop)
                    .run(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    InetAddress.getByName("localhost").getHostAddress().equals("127.0.0.1"),
                    "localhost does not resolve to 127.0.0.1 here");
            assertThat(r.succeeded()).as(r.detail()).isTrue();
        }
    }

    @Test
    void aClosedPortFailsWithConnectFailed() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            port = server.getLocalPort();
        }
        CheckResult r = new TcpCheck(new CheckDefinition.TcpProbe("127.0.0.1", port), loop)
                .run(Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
        assertThat(r).isInstanceOfSatisfying(CheckResult.Failure.class,
                f -> assertThat(f.reason()).isEqualTo(CheckResult.FailureReason.CONNECT_FAILED));
    }
}
