package org.aitia.topology.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;

/**
 * Reads a Vitrage static datasource file ({@code /etc/vitrage/static_datasources/*.yaml}) as a
 * {@link Topology}:
 *
 * <pre>
 * metadata: {name: ..., description: ...}
 * definitions:
 *   entities:
 *   - {static_id: nic-1, type: nic, id: 12345, name: nic-1, state: available}
 *   relationships:
 *   - {source: nic-1, target: switch-2, relationship_type: attached}
 * </pre>
 *
 * An entity's id is its {@code id} (else its {@code static_id}); its site the field {@code site}
 * (else {@code zone}, else the default); other scalar fields become properties ({@code static_id}
 * included). Relationships name their ends by {@code static_id} (or by {@code id}) and keep their
 * direction. The relationship type is not checked here: {@link org.aitia.topology.EntityGraph#load}
 * rejects unknown ones.
 */
public final class VitrageStaticImport {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELDS = Set.of("id", "type", "name", "state", "site");

    private VitrageStaticImport() {}

    /**
     * Reads a file.
     *
     * @throws IllegalArgumentException naming the file and the entry that is malformed
     */
    public static Topology read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Reads a stream.
     *
     * @param where names the source in error messages
     * @throws IllegalArgumentException naming {@code where} and the entry that is malformed
     */
    public static Topology read(InputStream in, String where) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not YAML: " + e.getMessage(), e);
        }
        JsonNode defs = root == null ? null : root.get("definitions");
        if (defs == null || !defs.isObject()) {
            throw new IllegalArgumentException(
                    where + ": definitions (entities, relationships) expected");
        }
        Map<String, String> idByRef = new HashMap<>();
        List<Entity> entities = new ArrayList<>();
        JsonNode es = defs.path("entities");
        for (int i = 0; i < es.size(); i++) {
            JsonNode e = es.get(i);
            String at = where + ": entities[" + i + "]";
            String staticId = text(e, "static_id");
            String id = text(e, "id") != null ? text(e, "id") : staticId;
            String type = text(e, "type");
            if (id == null || type == null) {
                throw new IllegalArgumentException(at + ": needs a type and an id or a static_id");
            }
            Map<String, String> props = new LinkedHashMap<>();
            e.fields()
                    .forEachRemaining(
                            f -> {
                                if (!FIELDS.contains(f.getKey())
                                        && f.getValue().isValueNode()
                                        && !f.getValue().isNull()) {
                                    props.put(f.getKey(), f.getValue().asText());
                                }
                            });
            String site = text(e, "site") != null ? text(e, "site") : text(e, "zone");
            entities.add(new Entity(id, type, text(e, "name"), site, text(e, "state"), props));
            if (staticId != null && idByRef.put(staticId, id) != null) {
                throw new IllegalArgumentException(
                        at + ": static_id '" + staticId + "' used twice");
            }
            idByRef.putIfAbsent(id, id);
        }
        List<Relationship> relationships = new ArrayList<>();
        JsonNode rs = defs.path("relationships");
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            String at = where + ": relationships[" + i + "]";
            String type = text(r, "relationship_type");
            String source = text(r, "source");
            String target = text(r, "target");
            if (type == null || source == null || target == null) {
                throw new IllegalArgumentException(
                        at + ": needs source, target and relationship_type");
            }
            String s = idByRef.get(source);
            String t = idByRef.get(target);
            if (s == null || t == null) {
                throw new IllegalArgumentException(
                        at
                                + ": names "
                                + (s == null ? source : target)
                                + ", which no entity declares");
            }
            relationships.add(new Relationship(s, t, type));
        }
        return new Topology(entities, relationships);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()
                ? null
                : v.asText();
    }
}
