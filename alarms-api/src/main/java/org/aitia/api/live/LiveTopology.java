package org.aitia.api.live;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aitia.model.Entity;
import org.aitia.model.TopologyChange;
import org.aitia.topology.EntityGraph;
import org.aitia.topology.TopologyChangeRejectedException;
import org.aitia.topology.state.AggregatedState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live topology: {@code aitia.topology} applied to an {@link EntityGraph}. Entities and
 * relationships are keyed differently on the topic, so a relationship may arrive before its ends;
 * such a relationship waits here and is applied as soon as both ends exist. Readers use {@link
 * #graph()} (or a snapshot of it) from any thread.
 */
public final class LiveTopology {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTopology.class);

    private final EntityGraph graph = new EntityGraph();
    private final Map<String, TopologyChange> waiting = new LinkedHashMap<>();

    /** The graph; read it from any thread, never write it. */
    public EntityGraph graph() {
        return graph;
    }

    /** Applies one change (the writer's thread only). */
    public synchronized void apply(TopologyChange change) {
        if (change.relationship() != null
                && change.op() == TopologyChange.Op.UPSERT
                && !(graph.contains(change.relationship().source())
                        && graph.contains(change.relationship().target()))) {
            waiting.put(change.key(), change);
            return;
        }
        if (change.relationship() != null) {
            waiting.remove(change.key());
        }
        graph.apply(change);
        if (change.entity() != null
                && change.op() == TopologyChange.Op.UPSERT
                && !waiting.isEmpty()) {
            retryWaiting();
        }
    }

    private void retryWaiting() {
        List<TopologyChange> ready = new ArrayList<>();
        for (Iterator<TopologyChange> it = waiting.values().iterator(); it.hasNext(); ) {
            TopologyChange c = it.next();
            if (graph.contains(c.relationship().source())
                    && graph.contains(c.relationship().target())) {
                ready.add(c);
                it.remove();
            }
        }
        for (TopologyChange c : ready) {
            try {
                graph.apply(c);
            } catch (TopologyChangeRejectedException e) {
                LOG.warn("relationship {} rejected: {}", c.key(), e.getMessage());
            }
        }
    }

    /** Relationships waiting for an end to appear. */
    public synchronized int waiting() {
        return waiting.size();
    }

    public Optional<Entity> entity(String id) {
        return graph.entity(id);
    }

    /** The entity, or null. */
    public Entity entityOrNull(String id) {
        return graph.entity(id).orElse(null);
    }

    /** Vitrage's operational state of the entity ({@code OK}, {@code ERROR}, ..., {@code N/A}). */
    public String operationalState(String id) {
        return graph.state(id).map(AggregatedState::operational).orElse("N/A");
    }
}
