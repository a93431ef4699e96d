package org.aitia.rules.facts;

import org.aitia.model.Alarm;
import org.aitia.model.Severity;

/**
 * An active alarm as a Drools fact: a raw alarm stated by the engine, or a deduced alarm inserted
 * logically by a rule (it disappears when nothing justifies it any more). Two facts are equal when
 * their alarm ids are equal, so that several rules deducing the same alarm add justifications to
 * one fact.
 */
public final class AlarmFact {
    private final String id;
    private final String source;
    private final String entityId;
    private String entityType;
    private final String site;
    private final String name;
    private Severity severity;
    private final boolean deduced;
    private final long firstSeenMillis;
    private final Justification justification;

    private AlarmFact(
            String id,
            String source,
            String entityId,
            String entityType,
            String site,
            String name,
            Severity severity,
            boolean deduced,
            long firstSeenMillis,
            Justification justification) {
        this.id = id;
        this.source = source;
        this.entityId = entityId;
        this.entityType = entityType;
        this.site = site;
        this.name = name;
        this.severity = severity;
        this.deduced = deduced;
        this.firstSeenMillis = firstSeenMillis;
        this.justification = justification;
    }

    /**
     * The fact of a raw alarm on an entity of type {@code entityType} (null when the topology does
     * not hold the entity).
     */
    public static AlarmFact raw(Alarm alarm, String entityType) {
        return new AlarmFact(
                alarm.id(),
                alarm.source(),
                alarm.entityId(),
                entityType,
                alarm.site(),
                alarm.name(),
                alarm.severity(),
                false,
                alarm.firstSeen().toEpochMilli(),
                null);
    }

    /** The fact of an alarm deduced by {@code justification.rule()}. */
    public static AlarmFact deduced(
            String entityId,
            String entityType,
            String site,
            String name,
            Severity severity,
            long firstSeenMillis,
            Justification justification) {
        return new AlarmFact(
                Alarm.idFor(Alarm.DEDUCED_SOURCE, entityId, name),
                Alarm.DEDUCED_SOURCE,
                entityId,
                entityType,
                site,
                name,
                severity,
                true,
                firstSeenMillis,
                justification);
    }

    public String getId() {
        return id;
    }

    public String getSource() {
        return source;
    }

    public String getEntityId() {
        return entityId;
    }

    /**
     * The type of the alarm's entity in the topology, null when the topology does not hold it. The
     * engine keeps it equal to the entity's {@code Node} through topology changes, so a rule may
     * test it in the alarm pattern ({@code AlarmFact(entityType == "vnfc")}) to keep alarms on
     * other entities out of its joins.
     */
    public String getEntityType() {
        return entityType;
    }

    /** Set by the engine when the entity's type changes (or the entity appears or goes). */
    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public String getSite() {
        return site;
    }

    public String getName() {
        return name;
    }

    public Severity getSeverity() {
        return severity;
    }

    /** Raw alarms change severity when their source updates them. */
    public void setSeverity(Severity severity) {
        this.severity = severity;
    }

    public boolean isDeduced() {
        return deduced;
    }

    public long getFirstSeenMillis() {
        return firstSeenMillis;
    }

    /** The first justification of a deduced alarm; null for a raw alarm. */
    public Justification getJustification() {
        return justification;
    }

    /** An attribute for Vitrage's {@code get_attr}: id, name, source, entity, severity. */
    public String attr(String key) {
        return switch (key) {
            case "id" -> id;
            case "name" -> name;
            case "source", "type" -> source;
            case "entity", "resource_id" -> entityId;
            case "severity" -> severity.label();
            default -> null;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlarmFact a && id.equals(a.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return (deduced ? "deduced" : "raw")
                + " alarm '"
                + name
                + "' on "
                + entityId
                + " ["
                + id
                + ", "
                + source
                + ", "
                + severity.label()
                + "]";
    }
}
