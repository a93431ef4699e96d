package org.aitia.api.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.aitia.model.Json;
import org.aitia.model.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the whole topology as one document into {@code <prefix>-topology-yyyy.MM.dd}, when it
 * changed since the last snapshot.
 */
public final class SnapshotTask implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotTask.class);

    /** A topology at one version. */
    public record Versioned(long version, Topology topology) {}

    private final EsStore store;
    private final Supplier<Versioned> source;
    private final Clock clock;
    private long lastVersion = -1;

    public SnapshotTask(EsStore store, Supplier<Versioned> source, Clock clock) {
        this.store = store;
        this.source = source;
        this.clock = clock;
    }

    /** Writes a snapshot unless the version is unchanged; returns the index written, or null. */
    public synchronized String runOnce() {
        Versioned v = source.get();
        if (v.version() == lastVersion) {
            return null;
        }
        Instant now = clock.instant();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("taken_at", now.toString());
        doc.put("version", v.version());
        doc.put("entities", v.topology().entities().size());
        doc.put("relationships", v.topology().relationships().size());
        doc.put("topology", Json.mapper().convertValue(v.topology(), Map.class));
        String index = store.dated("topology", now);
        try {
            store.client()
                    .index(
                            i ->
                                    i.index(index)
                                            .id(now.toEpochMilli() + "-" + v.version())
                                            .document(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("topology snapshot failed", e);
        }
        lastVersion = v.version();
        LOG.info(
                "topology snapshot v{} ({} entities) written to {}",
                v.version(),
                v.topology().entities().size(),
                index);
        return index;
    }

    @Override
    public void run() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("topology snapshot failed, next run retries: {}", e.toString());
        }
    }
}
