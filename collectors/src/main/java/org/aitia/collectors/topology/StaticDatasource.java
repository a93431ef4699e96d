package org.aitia.collectors.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aitia.model.Entity;
import org.aitia.model.Json;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Static topology from files: Vitrage static datasource YAML ({@code definitions.entities} with
 * {@code static_id}, {@code type}, {@code name}, {@code state}; {@code definitions.relationships}
 * with {@code source}, {@code target}, {@code relationship_type}) and Aitia's {@code topology.json}
 * (any {@code .json} file). Entity ids are the {@code static_id}s; every other scalar key becomes a
 * property ({@code id} as {@code vitrage_static_id}).
 *
 * <p>The files are read at start (a full resync) and again whenever one changes (size or
 * modification time), publishing only the differences. A file that cannot be read is logged with
 * the reason and its previous content is kept, so a half-written file never deletes anything.
 */
public final class StaticDatasource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StaticDatasource.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Path> files;
    private final TopologySink sink;
    private final SnapshotDiff diff = new SnapshotDiff();
    private final Map<Path, String> stamps = new HashMap<>();
    private final Map<Path, Topology> lastGood = new HashMap<>();
    private final ScheduledExecutorService timer;

    private StaticDatasource(List<Path> files, TopologySink sink) {
        this.files = List.copyOf(files);
        this.sink = sink;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "aitia-static-datasource");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Publishes the files now and watches them every {@code pollMs}. */
    public static StaticDatasource start(List<String> files, long pollMs, TopologySink sink) {
        StaticDatasource ds = new StaticDatasource(files.stream().map(Path::of).toList(), sink);
        ds.poll();
        ds.timer.scheduleWithFixedDelay(ds::pollSafely, pollMs, pollMs, TimeUnit.MILLISECONDS);
        return ds;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.error("static datasource poll failed; will retry with a full resync", e);
            diff.reset();
            stamps.clear();
        }
    }

    /** Re-reads changed files and publishes the differences. */
    synchronized void poll() {
        boolean changed = false;
        for (Path f : files) {
            String stamp = stamp(f);
            if (Objects.equals(stamp, stamps.get(f)) && lastGood.containsKey(f)) {
                continue;
            }
            stamps.put(f, stamp);
            if (stamp == null) {
                LOG.warn("static topology file {} is missing; keeping what it held", f);
                continue;
            }
            try {
                lastGood.put(f, read(f));
                changed = true;
            } catch (IOException | IllegalArgumentException e) {
                LOG.error(
                        "static topology file {} is unreadable, keeping its previous content: {}",
                        f,
                        e.getMessage());
            }
        }
        if (!changed) {
            return;
        }
        List<Entity> entities = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        for (Path f : files) {
            Topology t = lastGood.get(f);
            if (t != null) {
                entities.addAll(t.entities());
                relationships.addAll(t.relationships());
            }
        }
        List<TopologyChange> changes =
                diff.update(new Topology(entities, relationships), Instant.now());
        if (!changes.isEmpty()) {
            try {
                sink.publish(changes);
            } catch (RuntimeException e) {
                diff.reset();
                throw e;
            }
            LOG.info("static datasource published {} change(s)", changes.size());
        }
    }

    /** Reads one file: {@code .json} as topology.json, anything else as Vitrage static YAML. */
    public static Topology read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Json.read(Files.readAllBytes(file), Topology.class);
        }
        JsonNode root = YAML.readTree(file.toFile());
        return vitrageStatic(root, file.toString());
    }

    static Topology vitrageStatic(JsonNode root, String where) {
        JsonNode defs = root == null ? null : root.get("definitions");
        if (defs == null || !defs.isObject()) {
            throw new IllegalArgumentException(where + ": definitions is missing");
        }
        List<Entity> entities = new ArrayList<>();
        JsonNode es = defs.path("entities");
        for (int i = 0; i < es.size(); i++) {
            JsonNode e = es.get(i);
            String at = where + ": definitions.entities[" + i + "]";
            String id = textOr(e, "static_id", textOr(e, "id", null));
            String type = textOr(e, "type", null);
            if (id == null || type == null) {
                throw new IllegalArgumentException(at + " needs static_id and type");
            }
            Map<String, String> props = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = e.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                String k = f.getKey();
                if (f.getValue().isValueNode()
                        && !f.getValue().isNull()
                        && !List.of("static_id", "type", "name", "state", "site").contains(k)) {
                    props.put(k.equals("id") ? "vitrage_static_id" : k, f.getValue().asText());
                }
            }
            entities.add(
                    new Entity(
                            id,
                            type,
                            textOr(e, "name", id),
                            textOr(e, "site", null),
                            textOr(e, "state", null),
                            props));
        }
        List<Relationship> relationships = new ArrayList<>();
        JsonNode rs = defs.path("relationships");
        for (int i = 0; i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            String source = textOr(r, "source", null);
            String target = textOr(r, "target", null);
            String type = textOr(r, "relationship_type", textOr(r, "type", null));
            if (source == null || target == null || type == null) {
                throw new IllegalArgumentException(
                        where
                                + ": definitions.relationships["
                                + i
                                + "] needs source, target and relationship_type");
            }
            relationships.add(new Relationship(source, target, type));
        }
        return new Topology(entities, relationships);
    }

    private static String textOr(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()
                ? v.asText()
                : fallback;
    }

    private static String stamp(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis() + ":" + Files.size(f);
        } catch (IOException e) {
            return null; // missing or unreadable: reported by the caller
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    @Override
    public String toString() {
        return "StaticDatasource" + files;
    }
}
