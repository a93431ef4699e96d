package org.aitia.streaming.functions;

/**
 * One way telemetry may name an entity: by its id or by its name.
 *
 * @param ref the reference (an entity id or name)
 * @param entityId the entity's id
 * @param entityType the entity's type
 * @param site the entity's site
 * @param byId true when {@code ref} is the entity's id (an id match wins over a name match)
 * @param deleted true when the entity was deleted from the topology
 */
public record EntityIndexEntry(
        String ref,
        String entityId,
        String entityType,
        String site,
        boolean byId,
        boolean deleted) {}
