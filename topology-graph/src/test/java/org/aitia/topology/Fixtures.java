package org.aitia.topology;

import java.util.Map;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.TopologyChange;

/** Named entities and changes for the tests. */
final class Fixtures {
    private Fixtures() {}

    static Entity host(String id) {
        return new Entity(id, "nova.host", id, "edge-1", "AVAILABLE", Map.of());
    }

    static Entity instance(String id) {
        return new Entity(id, "nova.instance", id, "edge-1", "ACTIVE", Map.of());
    }

    static Entity of(String id, String type) {
        return Entity.of(id, type, id, "edge-1");
    }

    static TopologyChange up(Entity e) {
        return TopologyChange.upsert(e);
    }

    static TopologyChange up(String source, String type, String target) {
        return TopologyChange.upsert(new Relationship(source, target, type));
    }

    static TopologyChange down(String source, String type, String target) {
        return TopologyChange.delete(new Relationship(source, target, type));
    }

    static Relationship rel(String source, String type, String target) {
        return new Relationship(source, target, type);
    }
}
