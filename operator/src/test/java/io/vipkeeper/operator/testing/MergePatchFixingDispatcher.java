package io.vipkeeper.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The fabric8 mock server's CRUD dispatcher with a correct JSON merge patch (RFC 7386).
 *
 * <p>The stock dispatcher appends arrays instead of replacing them and stores {@code null} instead of deleting the
 * field (STACK.md pitfall 8), so a status patch that shrinks a list of conditions would silently keep the old entries
 * in tests while a real API server drops them. RFC 7386 section 2: a patch value that is not an object replaces the
 * target; {@code null} removes the member; objects merge member by member.
 */
public class MergePatchFixingDispatcher extends KubernetesCrudDispatcher {

    /** A dispatcher with no custom resources known in advance (they are learnt from the CRDs created in it). */
    public MergePatchFixingDispatcher() {
        super(List.of());
    }

    /**
     * The mock has no authorization; JOSDK's leader election asks, before it starts, whether it may use Leases
     * (SelfSubjectRulesReview) and the stock mock refuses the request. Answer as an API server would for a service
     * account that holds the operator's Role: get, create and update on leases.
     */
    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if ("POST".equals(request.getMethod()) && request.getPath().contains("/selfsubjectrulesreviews")) {
            return new MockResponse().setResponseCode(201).setBody("""
                    {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","metadata":{},
                     "spec":{},"status":{"incomplete":false,"nonResourceRules":[],"resourceRules":[
                       {"apiGroups":["coordination.k8s.io"],"resources":["leases"],"verbs":["get","create","update"]}]}}
                    """);
        }
        return super.dispatch(request);
    }

    @Override
    public JsonNode merge(JsonNode current, String patch) throws KubernetesCrudDispatcherException {
        return mergePatch(current, asNode(patch));
    }

    /** RFC 7386 MergePatch(Target, Patch): the algorithm of section 2, on Jackson trees; never mutates its inputs. */
    public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? null : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
