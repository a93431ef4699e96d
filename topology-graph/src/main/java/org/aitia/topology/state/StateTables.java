package org.aitia.topology.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aitia.model.Entity;

/**
 * State aggregation as Vitrage does it: each source reports a raw state; the table of the entity's
 * type (Vitrage's {@code datasources_values/<type>.yaml}, else {@code default.yaml}) maps each raw
 * state to an operational state with a priority; the entity's aggregated state is the one of
 * highest priority.
 *
 * <p>The sources of an {@link Entity}: its datasource's {@link Entity#state()} ({@link
 * #DATASOURCE}) and the state Vitrage-style rules set, the property {@code vitrage_state} ({@link
 * #VITRAGE}). A raw state the table does not know counts as {@code N/A} with priority 0; an entity
 * without any state is {@link AggregatedState#UNKNOWN}.
 *
 * <p>{@link #defaults()} holds Vitrage's own tables, unchanged, with Aitia's NFV types added in the
 * same format ({@code nic}, {@code switch}, {@code ovs.bridge}, {@code dpdk.port}, {@code vnf},
 * {@code vnfc}, {@code network_service}, {@code kubernetes.node}, {@code kubernetes.pod}); where a
 * type has both, the raw states are merged.
 */
public final class StateTables {
    /** The source name of {@link Entity#state()}. */
    public static final String DATASOURCE = "datasource";

    /** The source name of the property {@code vitrage_state}. */
    public static final String VITRAGE = "vitrage";

    /** The property holding the state rules set. */
    public static final String VITRAGE_STATE_PROPERTY = "vitrage_state";

    private static final String RESOURCES = "/org/aitia/topology/datasources_values/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static volatile StateTables defaults;

    private final Map<String, StateTable> tables;

    /** Tables by type; a type without a table falls back to {@code default}. */
    public StateTables(Map<String, StateTable> tables) {
        this.tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    /** Vitrage's tables with Aitia's NFV tables added, from the classpath. Cached. */
    public static StateTables defaults() {
        StateTables d = defaults;
        if (d == null) {
            Map<String, StateTable> all = new LinkedHashMap<>();
            merge(all, loadBundled("vitrage"));
            merge(all, loadBundled("aitia"));
            d = new StateTables(all);
            defaults = d;
        }
        return d;
    }

    /**
     * Reads every {@code *.yaml} of a directory in Vitrage's format.
     *
     * @throws IllegalArgumentException naming the file and the entry that is malformed
     * @throws UncheckedIOException when the directory cannot be read
     */
    public static Map<String, StateTable> loadDirectory(Path dir) {
        Map<String, StateTable> found = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String type = typeOf(f.getFileName().toString());
                try (InputStream in = Files.newInputStream(f)) {
                    found.put(type, parse(type, in, f.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read datasource values from " + dir, e);
        }
        return found;
    }

    /** These tables with {@code more} merged in (raw states added; more wins on a clash). */
    public StateTables with(Map<String, StateTable> more) {
        Map<String, StateTable> all = new LinkedHashMap<>(tables);
        merge(all, more);
        return new StateTables(all);
    }

    private static void merge(Map<String, StateTable> into, Map<String, StateTable> more) {
        more.forEach((type, t) -> into.merge(type, t, StateTable::mergedWith));
    }

    private static Map<String, StateTable> loadBundled(String folder) {
        Map<String, StateTable> found = new TreeMap<>();
        for (String file : index(folder)) {
            String path = RESOURCES + folder + "/" + file;
            try (InputStream in = StateTables.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled table " + path);
                }
                found.put(typeOf(file), parse(typeOf(file), in, path));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return found;
    }

    private static List<String> index(String folder) {
        String path = RESOURCES + folder + "/INDEX";
        try (InputStream in = StateTables.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static String typeOf(String fileName) {
        return fileName.substring(0, fileName.length() - ".yaml".length());
    }

    /**
     * Parses one table in Vitrage's format.
     *
     * @param where the file, for messages
     * @throws IllegalArgumentException naming {@code where} and the malformed entry
     */
    public static StateTable parse(String type, InputStream yaml, String where) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(
                    where + ": a mapping with category and values expected");
        }
        String category = root.path("category").asText("");
        if (!category.equals("RESOURCE") && !category.equals("ALARM")) {
            throw new IllegalArgumentException(
                    where + ": category must be RESOURCE or ALARM, not '" + category + "'");
        }
        JsonNode values = root.path("values");
        if (!values.isArray()) {
            throw new IllegalArgumentException(where + ": values must be a list");
        }
        Map<String, StateTable.Value> table = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String at = where + ": values[" + i + "]";
            JsonNode agg = values.get(i).path("aggregated values");
            JsonNode priority = agg.path("priority");
            if (!priority.canConvertToInt()) {
                throw new IllegalArgumentException(
                        at + ": aggregated values.priority must be a number");
            }
            JsonNode originals = agg.path("original values");
            if (!originals.isArray()) {
                throw new IllegalArgumentException(
                        at + ": aggregated values.original values must be a list");
            }
            for (int j = 0; j < originals.size(); j++) {
                JsonNode o = originals.get(j);
                String name = o.path("name").asText("");
                String op = o.path("operational_value").asText("");
                if (name.isBlank() || op.isBlank()) {
                    throw new IllegalArgumentException(
                            at
                                    + ".original values["
                                    + j
                                    + "]: name and operational_value are required");
                }
                if (category.equals("RESOURCE")) {
                    op = OperationalState.parse(op).label();
                }
                table.put(
                        name.toUpperCase(Locale.ROOT), new StateTable.Value(op, priority.asInt()));
            }
        }
        return new StateTable(type, category, table);
    }

    /** The table of {@code type}, else {@code default}, else null. */
    public StateTable tableFor(String type) {
        StateTable t = tables.get(type);
        return t != null ? t : tables.get("default");
    }

    /** Every table by type. */
    public Map<String, StateTable> tables() {
        return tables;
    }

    /** The aggregated state of an entity over its sources (see the class comment). */
    public AggregatedState aggregate(Entity entity) {
        Map<String, String> raw = new LinkedHashMap<>(2);
        if (entity.state() != null) {
            raw.put(DATASOURCE, entity.state());
        }
        String rules = entity.properties().get(VITRAGE_STATE_PROPERTY);
        if (rules != null) {
            raw.put(VITRAGE, rules);
        }
        return aggregate(entity.type(), raw);
    }

    /**
     * The aggregated state of raw states reported by several sources for one entity type.
     *
     * @param rawBySource source name to the raw state it reports
     */
    public AggregatedState aggregate(String type, Map<String, String> rawBySource) {
        StateTable table = tableFor(type);
        AggregatedState best = AggregatedState.UNKNOWN;
        List<Map.Entry<String, String>> entries = new ArrayList<>(rawBySource.entrySet());
        for (Map.Entry<String, String> e : entries) {
            StateTable.Value v = table == null ? null : table.lookup(e.getValue());
            AggregatedState s =
                    v == null
                            ? new AggregatedState("N/A", 0, e.getValue(), e.getKey())
                            : new AggregatedState(
                                    v.operational(), v.priority(), e.getValue(), e.getKey());
            if (best.rawState() == null || s.priority() > best.priority()) {
                best = s;
            }
        }
        return best;
    }
}
