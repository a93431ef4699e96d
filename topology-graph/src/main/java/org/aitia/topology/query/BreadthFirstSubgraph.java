package org.aitia.topology.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.topology.Direction;
import org.aitia.topology.GraphView;

/**
 * {@link SubgraphQuery} by breadth-first search, following relationships in one {@link Direction},
 * stopping at an entity limit. Entities and relationships come sorted by id.
 */
public final class BreadthFirstSubgraph implements SubgraphQuery {
    private final Direction direction;
    private final int maxEntities;

    /** Both directions, at most 10,000 entities. */
    public BreadthFirstSubgraph() {
        this(Direction.BOTH, 10_000);
    }

    /**
     * @param direction which relationships to follow from each entity
     * @param maxEntities the most entities returned (at least 1)
     */
    public BreadthFirstSubgraph(Direction direction, int maxEntities) {
        this.direction = Objects.requireNonNull(direction, "direction");
        if (maxEntities < 1) {
            throw new IllegalArgumentException("maxEntities must be >= 1, not " + maxEntities);
        }
        this.maxEntities = maxEntities;
    }

    @Override
    public Subgraph around(GraphView view, String root, int depth) {
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0, not " + depth);
        }
        Map<String, Entity> found = new LinkedHashMap<>();
        Entity start = view.entity(root).orElse(null);
        if (start == null) {
            return new Subgraph(root, depth, new Topology(List.of(), List.of()), false);
        }
        found.put(root, start);
        ArrayDeque<String> frontier = new ArrayDeque<>();
        frontier.add(root);
        boolean truncated = false;
        for (int level = 0; level < depth && !frontier.isEmpty() && !truncated; level++) {
            ArrayDeque<String> next = new ArrayDeque<>();
            for (String at : frontier) {
                for (Relationship r : view.relationships(at, direction)) {
                    String other = r.source().equals(at) ? r.target() : r.source();
                    if (found.containsKey(other)) {
                        continue;
                    }
                    if (found.size() >= maxEntities) {
                        truncated = true;
                        break;
                    }
                    view.entity(other)
                            .ifPresent(
                                    e -> {
                                        found.put(other, e);
                                        next.add(other);
                                    });
                }
                if (truncated) {
                    break;
                }
            }
            frontier = next;
        }
        List<Relationship> rels = new ArrayList<>();
        for (String id : found.keySet()) {
            for (Relationship r : view.outgoing(id)) {
                if (found.containsKey(r.target())) {
                    rels.add(r);
                }
            }
        }
        List<Entity> entities = new ArrayList<>(found.values());
        entities.sort(Comparator.comparing(Entity::id));
        rels.sort(Comparator.comparing(Relationship::id));
        return new Subgraph(root, depth, new Topology(entities, rels), truncated);
    }
}
