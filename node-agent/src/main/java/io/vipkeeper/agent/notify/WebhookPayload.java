package io.vipkeeper.agent.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON document a webhook receives for a transition:
 * <pre>{"scope":"INSTANCE","instance":"shop/web","node":"n1","oldState":"BACKUP","newState":"MASTER",
 *  "priority":200,"addresses":["192.168.1.1/32"],"interface":"eth0","time":"2026-11-25T18:00:00Z"}</pre>
 * {@code oldState} is null for the first state after start; {@code time} is ISO-8601 in UTC.
 */
public final class WebhookPayload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayload() {}

    public static String toJson(Transition t) {
        ObjectNode root = JSON.createObjectNode();
        root.put("scope", t.scope().name());
        root.put("instance", t.name());
        root.put("node", t.node());
        if (t.oldState() == null) {
            root.putNull("oldState");
        } else {
            root.put("oldState", t.oldState().name());
        }
        root.put("newState", t.newState().name());
        root.put("priority", t.priority());
        ArrayNode addresses = root.putArray("addresses");
        t.addresses().forEach(addresses::add);
        root.put("interface", t.interfaceName());
        root.put("time", t.at().toString());
        return root.toString();
    }
}
