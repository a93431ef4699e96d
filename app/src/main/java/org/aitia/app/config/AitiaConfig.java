package org.aitia.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.aitia.model.Json;

/**
 * The effective configuration: the bundled defaults, then {@code aitia.yaml}, then {@code AITIA_*}
 * environment variables. Each module binds its own section to its own config record.
 */
public final class AitiaConfig {
    /** Binding refuses keys the module's record does not know: a typo is an error, not a no-op. */
    private static final ObjectMapper STRICT =
            Json.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
        return section(name, type, s -> {});
    }

    /**
     * Binds section {@code name} to {@code type} after {@code adjust} set values the application
     * decides (topic names from {@code kafka.topics}, for example) on a copy of it.
     */
    public <T> T section(String name, Class<T> type, Consumer<ObjectNode> adjust) {
        JsonNode original = root.get(name);
        ObjectNode node =
                original instanceof ObjectNode o ? o.deepCopy() : STRICT.createObjectNode();
        adjust.accept(node);
        try {
            return STRICT.treeToValue(node, type);
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
