package io.vipkeeper.operator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * Writes of whole status or spec sections as JSON Patch (RFC 6902) {@code add} operations.
 *
 * <p>Why JSON Patch and not a merge patch: a merge patch of a section that holds lists depends on the server merging
 * lists right, and the mock server used in tests and the lab does not (STACK.md pitfall 8); {@code add} at
 * {@code /status} replaces the member whether or not it exists (RFC 6902 section 4.1), on every server. No
 * resourceVersion is sent: the operator is the only writer of the sections it writes this way, so the last write is
 * the one that must stand.
 */
final class ApiWrites {

    private final KubernetesClient client;

    ApiWrites(KubernetesClient client) {
        this.client = client;
    }

    KubernetesClient client() {
        return client;
    }

    /** Replaces {@code /status} of {@code object} through its status subresource. */
    <T extends HasMetadata> void replaceStatus(Class<T> type, T object, Object status) {
        resource(type, object).subresource("status").patch(PatchContext.of(PatchType.JSON), addAt("/status", status));
    }

    /** Replaces {@code /spec} of {@code object}. */
    <T extends HasMetadata> void replaceSpec(Class<T> type, T object, Object spec) {
        resource(type, object).patch(PatchContext.of(PatchType.JSON), addAt("/spec", spec));
    }

    /** A JSON Patch of one {@code add} of {@code value} at {@code path}. */
    String addAt(String path, Object value) {
        return "[{\"op\":\"add\",\"path\":\"" + path + "\",\"value\":"
                + client.getKubernetesSerialization().asJson(value) + "}]";
    }

    <T extends HasMetadata> io.fabric8.kubernetes.client.dsl.Resource<T> resource(Class<T> type, T object) {
        var operation = client.resources(type);
        String namespace = object.getMetadata().getNamespace();
        return namespace == null
                ? operation.withName(object.getMetadata().getName())
                : operation.inNamespace(namespace).withName(object.getMetadata().getName());
    }
}
