package org.aitia.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@link AitiaConfig}: the bundled {@code aitia-defaults.yaml}, merged with a user file, then
 * with environment variables.
 *
 * <p>A key that the defaults do not know is refused (a typo would otherwise be silently ignored),
 * except under an empty mapping of the defaults, which is open. An environment variable {@code
 * AITIA_KAFKA_BOOTSTRAP_SERVERS} sets {@code kafka.bootstrapServers}: the variable is {@code
 * AITIA_} and the key path in upper snake case, joined by {@code _}. Its value is converted to the
 * type of the default (number, boolean, comma-separated list).
 */
public final class ConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    private static final String PREFIX = "AITIA_";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Sections owned by modules: their records know every key and refuse unknown ones when the
     * section is bound, so the loader lets any key through here.
     */
    static final Set<String> MODULE_SECTIONS =
            Set.of("collectors", "api", "healing", "streaming", "topology");

    private ConfigLoader() {}

    /**
     * @param file the user's {@code aitia.yaml}, or null for defaults only
     * @param env the environment ({@code System.getenv()})
     * @throws ConfigException naming the file, key or variable that is wrong
     */
    public static AitiaConfig load(Path file, Map<String, String> env) {
        ObjectNode root = defaults();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("configuration file " + file + " does not exist");
            }
            JsonNode user;
            try {
                user = YAML.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                throw new ConfigException(
                        file + ":" + line + ": not valid YAML: " + e.getOriginalMessage(), e);
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
            }
            if (user != null && !user.isMissingNode() && !user.isNull()) {
                if (!user.isObject()) {
                    throw new ConfigException(file + ": the configuration must be a mapping");
                }
                merge(root, (ObjectNode) user, "", file.toString(), false);
            }
        }
        applyEnvironment(root, env);
        return new AitiaConfig(root);
    }

    static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/aitia-defaults.yaml")) {
            if (in == null) {
                throw new IllegalStateException(
                        "aitia-defaults.yaml is missing from the class path");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled aitia-defaults.yaml", e);
        }
    }

    private static void merge(
            ObjectNode target, ObjectNode source, String path, String origin, boolean inModule) {
        boolean open = target.isEmpty() || inModule;
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            JsonNode existing = target.get(f.getKey());
            if (existing == null && !open) {
                throw new ConfigException(
                        origin
                                + ": unknown key '"
                                + key
                                + "' (known here: "
                                + String.join(", ", names(target))
                                + ")");
            }
            boolean module = inModule || (path.isEmpty() && MODULE_SECTIONS.contains(f.getKey()));
            if (existing == null && f.getValue() instanceof ObjectNode so) {
                ObjectNode fresh = target.putObject(f.getKey());
                merge(fresh, so, key, origin, module);
            } else if (existing instanceof ObjectNode eo && f.getValue() instanceof ObjectNode so) {
                merge(eo, so, key, origin, module);
            } else if (existing instanceof ObjectNode && !f.getValue().isNull()) {
                throw new ConfigException(origin + ": '" + key + "' must be a mapping");
            } else {
                target.set(f.getKey(), f.getValue());
            }
        }
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void applyEnvironment(ObjectNode root, Map<String, String> env) {
        Map<String, String[]> byVariable = new LinkedHashMap<>();
        collectLeaves(root, new ArrayList<>(), byVariable);
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getKey().startsWith(PREFIX)
                    || e.getKey().equals("AITIA_JAVA_OPTS")
                    || e.getKey().equals("AITIA_LOG_LEVEL")) {
                continue;
            }
            String[] path = byVariable.get(e.getKey());
            if (path == null) {
                LOG.warn("environment variable {} names no configuration key; ignored", e.getKey());
                continue;
            }
            ObjectNode parent = root;
            for (int i = 0; i < path.length - 1; i++) {
                parent = (ObjectNode) parent.get(path[i]);
            }
            String leaf = path[path.length - 1];
            parent.set(leaf, convert(parent.get(leaf), e.getValue(), e.getKey()));
            LOG.info("configuration {} set from {}", String.join(".", path), e.getKey());
        }
    }

    private static void collectLeaves(
            ObjectNode node, List<String> path, Map<String, String[]> out) {
        node.fields()
                .forEachRemaining(
                        f -> {
                            List<String> p = new ArrayList<>(path);
                            p.add(f.getKey());
                            if (f.getValue() instanceof ObjectNode o && !o.isEmpty()) {
                                collectLeaves(o, p, out);
                            } else {
                                out.put(variableFor(p), p.toArray(String[]::new));
                            }
                        });
    }

    /** {@code [kafka, bootstrapServers]} -> {@code AITIA_KAFKA_BOOTSTRAP_SERVERS}. */
    static String variableFor(List<String> path) {
        StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                sb.append('_');
            }
            String part = path.get(i);
            for (int c = 0; c < part.length(); c++) {
                char ch = part.charAt(c);
                if (Character.isUpperCase(ch) && c > 0) {
                    sb.append('_');
                }
                sb.append(ch == '-' || ch == '.' ? '_' : Character.toUpperCase(ch));
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static JsonNode convert(JsonNode template, String value, String variable) {
        try {
            if (template instanceof IntNode) {
                return IntNode.valueOf(Integer.parseInt(value.trim()));
            }
            if (template instanceof LongNode || (template != null && template.isIntegralNumber())) {
                return LongNode.valueOf(Long.parseLong(value.trim()));
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(variable + " must be a whole number, not '" + value + "'");
        }
        if (template instanceof BooleanNode) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                throw new ConfigException(variable + " must be true or false, not '" + value + "'");
            }
            return BooleanNode.valueOf(Boolean.parseBoolean(v));
        }
        if (template instanceof ArrayNode) {
            ArrayNode a = YAML.createArrayNode();
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    a.add(part.trim());
                }
            }
            return a;
        }
        return TextNode.valueOf(value);
    }
}
