package io.vipkeeper.agent.it;

import static io.vipkeeper.agent.it.CheckYaml.file;
import static io.vipkeeper.agent.it.CheckYaml.http;
import static io.vipkeeper.agent.it.CheckYaml.https;
import static io.vipkeeper.agent.it.CheckYaml.tcp;
import static io.vipkeeper.agent.it.InstanceYaml.instance;
import static org.assertj.core.api.Assertions.assertThat;

import io.vipkeeper.agent.it.CheckYaml.Notify;
import io.vipkeeper.agent.testing.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * HTTP and TCP checks against small servers the test runs on the namespace hosts (Python's {@code http.server} and a
 * tiny accept-and-close TCP listener, bound to 127.0.0.1 inside each host's namespace, which is where the agent's
 * checks connect): server up → OK; server stopped (or answering 404) → KO → FAULT and failover with weight 0, or a
 * priority drop that moves mastership with a negative weight; server back → the first host preempts back.
 */
class HttpAndTcpChecksIT extends ChecksItSupport {
    private static final int HTTP_PORT = 8080;
    private static final int TCP_PORT = 5432;
    private static final int HTTPS_PORT = 8443;
    private static final String PYTHON = "/usr/bin/python3";

    /** A server process in a host's namespace. */
    private final class Server implements AutoCloseable {
        private final ItLan.Host host;
        private final List<String> command;
        private Process process;

        Server(ItLan.Host host, List<String> command) {
            this.host = host;
            this.command = command;
        }

        Server start() {
            Path log = lan.newDirectory("server-h" + host.number() + "-").resolve("server.log");
            process = lan.start(host.namespace(), command, log, null);
            return this;
        }

        void stop() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private Server httpServer(int number, Path webRoot) {
        return closeLater(new Server(lan.host(number), List.of(PYTHON, "-m", "http.server", Integer.toString(HTTP_PORT),
                "--bind", "127.0.0.1", "--directory", webRoot.toString()))).start();
    }

    private Server tcpServer(int number) {
        String listener = "import socket\n"
                + "s = socket.socket()\n"
                + "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
                + "s.bind(('127.0.0.1', " + TCP_PORT + "))\n"
                + "s.listen(64)\n"
                + "while True:\n"
                + "    c, _ = s.accept()\n"
                + "    c.close()\n";
        return closeLater(new Server(lan.host(number), List.of(PYTHON, "-c", listener))).start();
    }

    /** A self-signed certificate for 127.0.0.1 and an HTTPS server with it (Python's ssl module). */
    private Server httpsServer(int number, Path webRoot) {
        Path cert = webRoot.resolveSibling("cert.pem");
        Path key = webRoot.resolveSibling("key.pem");
        ItLan.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                cert.toString(), "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1")
                .requireSuccess("openssl req");
        String server = "import functools, http.server, ssl\n"
                + "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)\n"
                + "ctx.load_cert_chain('" + cert + "', '" + key + "')\n"
                + "handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory='" + webRoot + "')\n"
                + "srv = http.server.HTTPServer(('127.0.0.1', " + HTTPS_PORT + "), handler)\n"
                + "srv.socket = ctx.wrap_socket(srv.socket, server_side=True)\n"
                + "srv.serve_forever()\n";
        return closeLater(new Server(lan.host(number), List.of(PYTHON, "-c", server))).start();
    }

    private Path webRoot(int number) {
        Path root = lan.newDirectory("www-h" + number + "-");
        try {
            Files.writeString(root.resolve("healthz"), "ok\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /**
     * An HTTP check (weight 0) on both hosts against their own web server: h1's server stopped → h1 FAULT, h2
     * Master; started again → h1 preempts back; its {@code /healthz} gone (404, not one of the expected 2xx) →
     * FAULT again; restored → back.
     */
    @Test
    void httpCheckWithWeightZeroFailsOverWhenTheServerStopsOrAnswers404() throws IOException {
        String vip = vip4(110);
        Path www1 = webRoot(1);
        Server web1 = httpServer(1, www1);
        httpServer(2, webRoot(2));
        AgentProcess a = agent(1, httpConfig(150));
        AgentProcess b = agent(2, httpConfig(100));
        awaitMasterAndBackup(a, b, "VI_1", vip);
        assertThat(a.instance("VI_1").path("checks").path("web").asBoolean()).as(a::describe).isTrue();

        web1.stop();

        awaitState(a, "VI_1", "FAULT");
        awaitState(b, "VI_1", "MASTER");
        awaitVipOnlyOn(vip, lan.host(2));
        assertThat(a.instance("VI_1").path("checks").path("web").asBoolean()).isFalse();
        assertThat(a.stdout()).as(a::describe).contains("check web is now KO (was OK)");

        web1.start();

        awaitMasterAndBackup(a, b, "VI_1", vip);
        assertThat(a.instance("VI_1").path("checks").path("web").asBoolean()).isTrue();

        Files.delete(www1.resolve("healthz"));

        awaitState(a, "VI_1", "FAULT");
        awaitState(b, "VI_1", "MASTER");
        awaitVipOnlyOn(vip, lan.host(2));
        assertThat(a.stdout()).as(a::describe).containsPattern("check web is now KO \\(was OK\\): .*404");

        Files.writeString(www1.resolve("healthz"), "ok\n");

        awaitMasterAndBackup(a, b, "VI_1", vip);
        assertThat(a.states("VI_1")).as(a::describe)
                .containsSubsequence("MASTER", "FAULT", "MASTER", "FAULT", "MASTER").doesNotContain("STOP");
    }

    /**
     * HTTPS against a server with a self-signed certificate: with {@code insecureSkipVerify} the check is OK (its
     * +10 counts), with verification the handshake fails and the check is KO (its -20 counts): 100 + 10 − 20 = 90.
     */
    @Test
    void httpsCheckPassesWithoutVerificationAndFailsAnUntrustedCertificate() {
        Prerequisites.requireCommand("openssl");
        httpsServer(1, webRoot(1));
        AgentProcess a = agent(1, file(instance("VI_1").priority(100).address(vip4(112) + "/24"), Notify.none(),
                https("tls_insecure", HTTPS_PORT, "/healthz", true).interval("1s").weight(10),
                https("tls_verified", HTTPS_PORT, "/healthz", false).interval("1s").weight(-20)));

        eventually("both HTTPS checks have a result", () -> {
            assertThat(a.instance("VI_1").path("checks").toString())
                    .isEqualTo("{\"tls_insecure\":true,\"tls_verified\":false}");
            assertThat(a.instance("VI_1").path("effectivePriority").asInt()).isEqualTo(90);
        });
        assertThat(a.stdout()).as(a::describe).contains("check tls_insecure is now OK (was UNKNOWN)")
                .contains("check tls_verified is now KO (was UNKNOWN)");
        assertThat(a.state("VI_1")).isEqualTo("MASTER");
    }

    private String httpConfig(int priority) {
        return file(instance("VI_1").priority(priority).address(vip4(110) + "/24"), Notify.none(),
                http("web", HTTP_PORT, "/healthz").interval("1s").timeout("1s").weight(0));
    }

    /**
     * A TCP check with weight -60 on h1 (150) against a listener on h1; h2 (100) has none. The listener stopped →
     * h1 at 90, h2 takes over, no FAULT; started again → h1 back at 150 preempts.
     */
    @Test
    void tcpCheckWithNegativeWeightMovesMastershipWhenTheListenerStops() {
        String vip = vip4(111);
        Server listener = tcpServer(1);
        AgentProcess a = agent(1, file(instance("VI_1").priority(150).address(vip + "/24"), Notify.none(),
                tcp("db", TCP_PORT).interval("1s").timeout("1s").fall(2).rise(2).weight(-60)));
        AgentProcess b = agent(2, InstanceYaml.file(instance("VI_1").priority(100).address(vip + "/24")));
        awaitMasterAndBackup(a, b, "VI_1", vip);
        eventually("db OK", () -> assertThat(a.instance("VI_1").path("checks").path("db").asBoolean()).isTrue());
        assertThat(a.instance("VI_1").path("effectivePriority").asInt()).isEqualTo(150);

        listener.stop();

        awaitMasterAndBackup(b, a, "VI_1", vip);
        assertThat(a.instance("VI_1").path("effectivePriority").asInt()).as(a::describe).isEqualTo(90);
        assertThat(a.instance("VI_1").path("checks").path("db").asBoolean()).isFalse();
        assertThat(a.stdout()).as(a::describe).contains("check db is now KO (was OK)");

        listener.start();

        eventually("h1 back at 150", () -> assertThat(a.instance("VI_1").path("effectivePriority").asInt())
                .isEqualTo(150));
        awaitMasterAndBackup(a, b, "VI_1", vip);
        assertThat(a.states("VI_1")).as(a::describe).endsWith("MASTER", "BACKUP", "MASTER").doesNotContain("FAULT");
    }
}
