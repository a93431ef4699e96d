package org.aitia.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Vitrage's node-link graph (the output of {@code vitrage topology show}) as a {@link
 * Topology}. Resource nodes become entities (id from {@code id}, else {@code vitrage_id}; type from
 * {@code vitrage_type}); alarm nodes and deleted nodes or links are skipped; links refer to nodes
 * by index, as networkx writes them.
 */
public final class VitrageNodeLink {
    private VitrageNodeLink() {}

    /** True when {@code json} has the node-link shape ({@code nodes} and {@code links}). */
    public static boolean looksLikeNodeLink(JsonNode json) {
        return json != null && json.has("nodes") && json.has("links");
    }

    /**
     * Converts a node-link graph.
     *
     * @throws IllegalArgumentException naming the node or link index that is malformed
     */
    public static Topology read(JsonNode json) {
        if (!looksLikeNodeLink(json)) {
            throw new IllegalArgumentException(
                    "not a Vitrage node-link graph: nodes and links expected");
        }
        JsonNode nodes = json.get("nodes");
        Map<Integer, String> idByIndex = new HashMap<>();
        Map<String, String> idByVitrageId = new HashMap<>();
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            if ("ALARM".equalsIgnoreCase(text(n, "vitrage_category"))
                    || n.path("vitrage_is_deleted").asBoolean(false)) {
                continue;
            }
            String type = text(n, "vitrage_type");
            String id = text(n, "id");
            if (id == null) {
                id = text(n, "vitrage_id");
            }
            if (id == null || type == null) {
                throw new IllegalArgumentException(
                        "nodes[" + i + "] needs an id (or vitrage_id) and a vitrage_type");
            }
            Map<String, String> props = new HashMap<>();
            n.fields()
                    .forEachRemaining(
                            f -> {
                                if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                                    props.put(f.getKey(), f.getValue().asText());
                                }
                            });
            String state = text(n, "vitrage_aggregated_state");
            if (state == null) {
                state = text(n, "state");
            }
            entities.add(new Entity(id, type, text(n, "name"), text(n, "zone_name"), state, props));
            idByIndex.put(i, id);
            String vid = text(n, "vitrage_id");
            if (vid != null) {
                idByVitrageId.put(vid, id);
            }
        }
        List<Relationship> relationships = new ArrayList<>();
        JsonNode links = json.get("links");
        for (int i = 0; i < links.size(); i++) {
            JsonNode l = links.get(i);
            if (l.path("vitrage_is_deleted").asBoolean(false)) {
                continue;
            }
            String source = end(l.get("source"), idByIndex, idByVitrageId);
            String target = end(l.get("target"), idByIndex, idByVitrageId);
            if (source == null || target == null) {
                continue; // a link to an alarm or a deleted node
            }
            String type = text(l, "relationship_type");
            if (type == null) {
                type = text(l, "key");
            }
            if (type == null) {
                throw new IllegalArgumentException("links[" + i + "] needs a relationship_type");
            }
            relationships.add(new Relationship(source, target, type));
        }
        return new Topology(entities, relationships);
    }

    private static String end(
            JsonNode ref, Map<Integer, String> byIndex, Map<String, String> byVitrageId) {
        if (ref == null || ref.isNull()) {
            return null;
        }
        if (ref.isInt()) {
            return byIndex.get(ref.asInt());
        }
        return byVitrageId.get(ref.asText());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
