package org.aitia.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An upsert or a delete of exactly one entity or one relationship.
 *
 * @param op upsert or delete
 * @param entity the entity, or null when the change is about a relationship
 * @param relationship the relationship, or null when the change is about an entity
 * @param time when the datasource observed the change (event time), or null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopologyChange(Op op, Entity entity, Relationship relationship, Instant time) {

    /** What a change does. */
    public enum Op {
        @JsonProperty("upsert")
        UPSERT,
        @JsonProperty("delete")
        DELETE
    }

    public TopologyChange {
        Checks.notNull(op, "op");
        if ((entity == null) == (relationship == null)) {
            throw new IllegalArgumentException(
                    "exactly one of entity and relationship must be given");
        }
    }

    public static TopologyChange upsert(Entity entity) {
        return new TopologyChange(Op.UPSERT, Checks.notNull(entity, "entity"), null, null);
    }

    public static TopologyChange upsert(Relationship relationship) {
        return new TopologyChange(
                Op.UPSERT, null, Checks.notNull(relationship, "relationship"), null);
    }

    public static TopologyChange delete(Entity entity) {
        return new TopologyChange(Op.DELETE, Checks.notNull(entity, "entity"), null, null);
    }

    public static TopologyChange delete(Relationship relationship) {
        return new TopologyChange(
                Op.DELETE, null, Checks.notNull(relationship, "relationship"), null);
    }

    public TopologyChange at(Instant observed) {
        return new TopologyChange(op, entity, relationship, observed);
    }

    /** The Kafka key: the entity id, or the relationship id. */
    @JsonIgnore
    public String key() {
        return entity != null ? entity.id() : relationship.id();
    }
}
