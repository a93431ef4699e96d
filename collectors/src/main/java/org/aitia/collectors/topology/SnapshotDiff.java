package org.aitia.collectors.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;

/**
 * Change detection for one datasource: compares each full snapshot with the previous one and
 * answers only the differences. The first snapshot (and the one after {@link #reset()}) is a full
 * resync: everything is upserted.
 *
 * <p>Order of the answer: entity upserts, relationship upserts, relationship deletes, entity
 * deletes, so a consumer never sees an edge whose ends are unknown. Not thread-safe.
 */
public final class SnapshotDiff {
    private Map<String, Entity> entities = new HashMap<>();
    private Map<String, Relationship> relationships = new HashMap<>();

    /** The changes from the previous snapshot to {@code next}, stamped {@code at}. */
    public List<TopologyChange> update(Topology next, Instant at) {
        Map<String, Entity> e = new LinkedHashMap<>();
        next.entities().forEach(x -> e.put(x.id(), x));
        Map<String, Relationship> r = new LinkedHashMap<>();
        next.relationships().forEach(x -> r.put(x.id(), x));
        List<TopologyChange> out = new ArrayList<>();
        e.forEach(
                (id, x) -> {
                    if (!x.equals(entities.get(id))) {
                        out.add(TopologyChange.upsert(x).at(at));
                    }
                });
        r.forEach(
                (id, x) -> {
                    if (!relationships.containsKey(id)) {
                        out.add(TopologyChange.upsert(x).at(at));
                    }
                });
        relationships.forEach(
                (id, x) -> {
                    if (!r.containsKey(id)) {
                        out.add(TopologyChange.delete(x).at(at));
                    }
                });
        entities.forEach(
                (id, x) -> {
                    if (!e.containsKey(id)) {
                        out.add(TopologyChange.delete(x).at(at));
                    }
                });
        entities = e;
        relationships = r;
        return out;
    }

    /** Forgets the previous snapshot: the next update is a full resync. */
    public void reset() {
        entities = new HashMap<>();
        relationships = new HashMap<>();
    }
}
