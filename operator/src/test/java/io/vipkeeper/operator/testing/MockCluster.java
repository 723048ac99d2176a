package io.vipkeeper.operator.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.vipkeeper.api.VipKeeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * An embedded Kubernetes API server for tests: the fabric8 mock server in CRUD mode over plain HTTP, with a correct
 * JSON merge patch ({@link MergePatchFixingDispatcher}) and vipkeeper's CRDs registered from the classpath
 * ({@code META-INF/fabric8/*.yml}, put there by the crds module).
 *
 * <p>What it does not do, unlike a real API server: no server-side apply (415), no garbage collection of owned
 * objects, no admission (CEL rules and defaults are not applied).
 */
public final class MockCluster implements AutoCloseable {

    /** CRDs of vipkeeper, by the file name the crd-generator gives them. */
    private static final List<String> CRD_PLURALS = List.of("virtualippools", "virtualips", "virtualipnodes");

    /** Held so the level sticks: the mock web server logs every request at INFO through java.util.logging. */
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final List<String> crds;

    private MockCluster(KubernetesMockServer server, KubernetesClient client, List<String> crds) {
        this.server = server;
        this.client = client;
        this.crds = crds;
    }

    /** Starts a fresh server on a free port and creates every vipkeeper CRD found on the classpath in it. */
    public static MockCluster start() {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new MergePatchFixingDispatcher(), false);
        server.init();
        KubernetesClient client = server.createClient();
        List<String> created = new ArrayList<>();
        for (String plural : CRD_PLURALS) {
            String resource = "META-INF/fabric8/" + plural + "." + VipKeeper.GROUP + "-v1.yml";
            try (InputStream in = MockCluster.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                CustomResourceDefinition crd = client.getKubernetesSerialization().unmarshal(in,
                        CustomResourceDefinition.class);
                client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
                created.add(crd.getMetadata().getName());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new MockCluster(server, client, List.copyOf(created));
    }

    /** A client of this server (shared; closed by {@link #close()}). */
    public KubernetesClient client() {
        return client;
    }

    /** A new client of this server, for a second operator instance or an agent; the caller closes it. */
    public KubernetesClient newClient() {
        return server.createClient();
    }

    /** Names of the CRDs registered at start. */
    public List<String> crds() {
        return crds;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
