package dev.rapport.kit.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * RFC 7386 JSON Merge Patch on Jackson's trees, the algorithm of its section 2 as written. Jackson has none of
 * its own (an updating reader appends to arrays and keeps nulls); JSON-P's works on JSON-P's trees only, which
 * would take the patch and the result across to and from Jackson's, where bodies are read strictly.
 */
public final class MergePatch {

    private MergePatch() {
    }

    /** The target with the patch applied; neither is changed. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
