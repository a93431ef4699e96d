package org.aitia.healing.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.aitia.model.Json;

/** Reads the message out of an OpenStack error body, whatever the service's shape. */
final class Faults {
    private static final int MAX = 500;

    private Faults() {}

    /**
     * The message of {@code body}: Nova's {@code {"conflictingRequest": {"message": ...}}},
     * Neutron's {@code {"NeutronError": {"message": ...}}}, Keystone's {@code {"error": {"message":
     * ...}}}, Mistral's {@code {"faultstring": ...}}; else the body itself, cut.
     */
    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        try {
            JsonNode root = Json.mapper().readTree(body);
            if (root.hasNonNull("faultstring")) {
                return root.get("faultstring").asText();
            }
            if (root.hasNonNull("message")) {
                return root.get("message").asText();
            }
            if (root.isObject() && root.size() == 1) {
                JsonNode inner = root.elements().next();
                if (inner.hasNonNull("message")) {
                    return inner.get("message").asText();
                }
            }
        } catch (IOException e) {
            // not JSON: the body is the message (HTML error pages of proxies, plain text)
            return cut(body.strip());
        }
        return cut(body.strip());
    }

    private static String cut(String s) {
        return s.length() <= MAX ? s : s.substring(0, MAX) + "...";
    }
}
