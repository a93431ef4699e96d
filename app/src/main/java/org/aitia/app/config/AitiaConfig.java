package org.aitia.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.aitia.model.Json;

/**
 * The effective configuration: the bundled defaults, then {@code aitia.yaml}, then {@code AITIA_*}
 * environment variables. Each module binds its own section to its own config record.
 */
public final class AitiaConfig {
    private final ObjectNode root;

    AitiaConfig(ObjectNode root) {
        this.root = root;
    }

    /** The whole effective configuration, as a tree (a copy). */
    public ObjectNode tree() {
        return root.deepCopy();
    }

    /** Binds section {@code name} to {@code type}; an absent section binds as an empty one. */
    public <T> T section(String name, Class<T> type) {
        JsonNode node = root.get(name);
        try {
            return Json.mapper()
                    .treeToValue(node == null ? Json.mapper().createObjectNode() : node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConfigException(
                    "configuration section '" + name + "' is invalid: " + e.getMessage(), e);
        }
    }

    /** The text at a dotted path ({@code kafka.bootstrapServers}), or "" when absent. */
    public String string(String path) {
        return node(path).asText("");
    }

    public int integer(String path) {
        return node(path).asInt();
    }

    public boolean bool(String path) {
        return node(path).asBoolean();
    }

    public Path dataDir() {
        return Path.of(string("dataDir"));
    }

    private JsonNode node(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }
}
