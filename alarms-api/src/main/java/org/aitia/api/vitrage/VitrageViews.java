package org.aitia.api.vitrage;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;

/**
 * Aitia's records in Vitrage's shapes: the vertex properties Vitrage's API returns for alarms
 * ({@code vitrage_id}, {@code vitrage_type}, {@code vitrage_operational_severity}, {@code
 * vitrage_resource_id}, ...) and resources ({@code vitrage_operational_state}, {@code
 * vitrage_aggregated_state}, ...). Aitia's own attributes carry an {@code aitia_} prefix.
 */
public final class VitrageViews {
    /** Vitrage's name for alarms raised by its evaluator; used for Aitia's deduced alarms. */
    public static final String DEDUCED_TYPE = "vitrage";

    private VitrageViews() {}

    /** Vitrage's category of an alarm vertex. */
    public static final String ALARM = "ALARM";

    /** Vitrage's category of a resource vertex. */
    public static final String RESOURCE = "RESOURCE";

    /**
     * The alarm as Vitrage shows it.
     *
     * @param entity the alarm's resource, or null when the topology does not know it yet
     */
    public static Map<String, Object> alarm(Alarm a, Entity entity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vitrage_id", a.id());
        m.put("id", a.id());
        m.put("vitrage_category", ALARM);
        m.put("vitrage_type", a.deduced() ? DEDUCED_TYPE : a.source());
        m.put("name", a.name());
        m.put("state", a.isActive() ? "Active" : "Inactive");
        m.put(
                "severity",
                a.originalSeverity() == null ? a.severity().label() : a.originalSeverity());
        m.put("vitrage_operational_severity", a.severity().label());
        m.put("vitrage_aggregated_severity", a.severity().label());
        m.put("vitrage_is_deleted", !a.isActive());
        m.put("vitrage_is_placeholder", false);
        m.put("vitrage_resource_id", a.entityId());
        m.put("vitrage_resource_type", entity == null ? null : entity.type());
        m.put("vitrage_resource_name", entity == null ? a.entityId() : entity.name());
        m.put("vitrage_resource_project_id", entity == null ? null : projectOf(entity));
        m.put("update_timestamp", ts(a.lastSeen()));
        m.put("start_timestamp", ts(a.firstSeen()));
        m.put("end_timestamp", a.isActive() ? null : ts(a.lastSeen()));
        m.put("aitia_site", a.site());
        m.put("aitia_root_cause", a.rootCause());
        m.put("aitia_caused_by", a.causedBy());
        m.put("aitia_rule", a.rule());
        m.put("aitia_source", a.source());
        return Collections.unmodifiableMap(m);
    }

    /**
     * The resource as Vitrage shows it: its properties, then Vitrage's fields.
     *
     * @param operationalState the normalised state (OK, SUBOPTIMAL, ERROR, N/A)
     * @param aggregatedState the worst of the resource's own state and its alarms' states
     */
    public static Map<String, Object> resource(
            Entity e, String operationalState, String aggregatedState) {
        Map<String, Object> m = new LinkedHashMap<>(e.properties());
        m.put("vitrage_id", e.id());
        m.putIfAbsent("id", e.id());
        m.put("vitrage_category", RESOURCE);
        m.put("vitrage_type", e.type());
        m.put("name", e.name());
        m.put("state", e.state());
        m.put("vitrage_operational_state", operationalState);
        m.put("vitrage_aggregated_state", aggregatedState);
        m.put("vitrage_is_deleted", false);
        m.put("vitrage_is_placeholder", false);
        m.put("aitia_site", e.site());
        return Collections.unmodifiableMap(m);
    }

    /** The entity's tenant: its {@code project_id} or {@code tenant_id} property, or null. */
    public static String projectOf(Entity e) {
        String p = e.properties().get("project_id");
        return p != null ? p : e.properties().get("tenant_id");
    }

    /** Vitrage's timestamp format: ISO-8601 UTC. */
    public static String ts(Instant t) {
        return t == null ? null : t.toString();
    }
}
