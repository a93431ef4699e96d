package org.aitia.streaming.functions;

import org.aitia.model.TelemetryEvent;

/**
 * A telemetry event with the entity it is about, as the topology knows it.
 *
 * @param event the event as the source sent it
 * @param entityId the topology id of the entity; the event's own reference when unresolved
 * @param entityType the entity's type, or the type the source gave, or null
 * @param site the entity's site; {@code default} when unresolved
 * @param resolved false when the topology did not know the entity within the grace period
 */
public record ResolvedEvent(
        TelemetryEvent event, String entityId, String entityType, String site, boolean resolved) {

    public ResolvedEvent {
        if (event == null || entityId == null || entityId.isBlank()) {
            throw new IllegalArgumentException("a resolved event needs an event and an entity id");
        }
        site = site == null || site.isBlank() ? org.aitia.model.Entity.DEFAULT_SITE : site;
    }
}
