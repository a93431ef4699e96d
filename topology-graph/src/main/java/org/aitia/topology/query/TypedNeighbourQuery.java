package org.aitia.topology.query;

import java.util.List;
import java.util.Objects;
import org.aitia.model.Entity;
import org.aitia.topology.Direction;
import org.aitia.topology.GraphView;

/**
 * {@link NeighbourQuery} by relationship type and direction, optionally keeping only neighbours of
 * one entity type: {@code new TypedNeighbourQuery("contains", OUTGOING, "nova.instance")} gives the
 * instances a host contains.
 */
public final class TypedNeighbourQuery implements NeighbourQuery {
    private final String relationshipType;
    private final Direction direction;
    private final String entityType;

    /**
     * @param relationshipType the relationship type, or null for any
     * @param direction which relationships to follow, seen from the entity asked about
     * @param entityType the neighbours' type, or null for any
     */
    public TypedNeighbourQuery(String relationshipType, Direction direction, String entityType) {
        this.relationshipType = relationshipType;
        this.direction = Objects.requireNonNull(direction, "direction");
        this.entityType = entityType;
    }

    @Override
    public List<Entity> neighbours(GraphView view, String id) {
        List<Entity> all = view.neighbours(id, relationshipType, direction);
        if (entityType == null) {
            return all;
        }
        return all.stream().filter(e -> e.type().equals(entityType)).toList();
    }
}
