package io.vipkeeper.agent.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP checks against a JDK HttpServer on 127.0.0.1. */
class HttpCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    private final CheckEventLoop loop = new CheckEventLoop();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private HttpServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        configure(server);
        server.start();
    }

    private void configure(HttpServer s) {
        s.setExecutor(serverThreads);
        s.createContext("/ok", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        s.createContext("/created", ex -> {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        s.createContext("/broken", ex -> {
            ex.sendResponseHeaders(500, -1);
            ex.close();
        });
        s.createContext("/hang", ex -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
        loop.close();
    }

    private CheckResult get(HttpServer s, String path, List<Integer> expect, boolean tls, boolean insecure,
            Duration timeout) throws Exception {
        CheckDefinition.HttpProbe probe = new CheckDefinition.HttpProbe(
                "127.0.0.1", s.getAddress().getPort(), path, expect, tls, insecure);
        return new HttpCheck(probe, loop).run(timeout).get(30, TimeUnit.SECONDS);
    }

    private static CheckResult.FailureReason reason(CheckResult r) {
        return ((CheckResult.Failure) r).reason();
    }

    @Test
    void twoHundredSucceedsAndAnyTwoXxByDefault() throws Exception {
        assertThat(get(server, "/ok", List.of(), false, false, TIMEOUT).succeeded()).isTrue();
        assertThat(get(server, "/created", List.of(), false, false, TIMEOUT).succeeded()).isTrue();
    }

    @Test
    void fiveHundredFailsWithTheStatus() throws Exception {
        CheckResult r = get(server, "/broken", List.of(), false, false, TIMEOUT);
        assertThat(reason(r)).isEqualTo(CheckResult.FailureReason.UNEXPECTED_STATUS);
        assertThat(r.detail()).contains("500");
    }

    @Test
    void expectedStatusesReplaceTheDefault() throws Exception {
        assertThat(get(server, "/broken", List.of(500), false, false, TIMEOUT).succeeded()).isTrue();
        assertThat(get(server, "/created", List.of(200), false, false, TIMEOUT).succeeded()).isFalse();
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        CheckResult r = get(server, "/hang", List.of(), false, false, Duration.ofMillis(500));
        assertThat(reason(r)).isEqualTo(CheckResult.FailureReason.TIMED_OUT);
    }

    @Test
    void aClosedPortFails() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        CheckResult r = new HttpCheck(new CheckDefinition.HttpProbe("127.0.0.1", port, "/ok", List.of(), false,
                false), loop).run(TIMEOUT).get(30, TimeUnit.SECONDS);
        assertThat(reason(r)).isEqualTo(CheckResult.FailureReason.CONNECT_FAILED);
    }

    @Test
    void tlsWithASelfSignedCertificateNeedsInsecureSkipVerify() throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        https.setHttpsConfigurator(new HttpsConfigurator(selfSignedContext()));
        configure(https);
        https.start();
        try {
            assertThat(get(https, "/ok", List.of(), true, true, TIMEOUT).succeeded()).isTrue();
            CheckResult verified = get(https, "/ok", List.of(), true, false, TIMEOUT);
            assertThat(reason(verified)).isEqualTo(CheckResult.FailureReason.TLS_FAILED);
        } finally {
            https.stop(0);
        }
    }

    /** A server TLS context with a fresh self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private SSLContext selfSignedContext() throws Exception {
        Path keystore = temp.resolve("server.p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }
}
