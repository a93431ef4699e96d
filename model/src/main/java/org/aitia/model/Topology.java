package org.aitia.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole topology: the canonical {@code topology.json} of a recorded incident or a snapshot.
 *
 * @param entities never null
 * @param relationships never null
 */
public record Topology(List<Entity> entities, List<Relationship> relationships) {

    public Topology {
        entities = Checks.copyOf(entities, "entities");
        relationships = Checks.copyOf(relationships, "relationships");
    }

    /** The changes that build this topology on an empty graph: entities first. */
    public List<TopologyChange> asChanges() {
        List<TopologyChange> changes = new ArrayList<>(entities.size() + relationships.size());
        entities.forEach(e -> changes.add(TopologyChange.upsert(e)));
        relationships.forEach(r -> changes.add(TopologyChange.upsert(r)));
        return changes;
    }
}
