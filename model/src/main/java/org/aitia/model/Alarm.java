package org.aitia.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An alarm on one entity: raised by a source (a raw alarm) or deduced by a rule.
 *
 * @param id deterministic: {@link #idFor(String, String, String)} of source, entity and name, so a
 *     replay produces the same ids
 * @param source who raised it: the telemetry source of a raw alarm, {@code aitia} for a deduced one
 * @param entityId the entity the alarm is on (a topology id)
 * @param site the entity's site (failure domain), {@code default} when it has none
 * @param name the alarm name ({@code linkDown}, {@code instance unreachable}, ...)
 * @param severity on Vitrage's scale
 * @param originalSeverity the severity word the source used, or null
 * @param status active or cleared
 * @param deduced true when a rule raised it
 * @param causedBy ids of the alarms that cause this one (direct causes only)
 * @param rootCause true when no active alarm causes it, directly or transitively
 * @param rule the rule or template scenario that raised it, null for a raw alarm
 * @param firstSeen event time of the first raise
 * @param lastSeen event time of the latest update
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alarm(
        String id,
        String source,
        String entityId,
        String site,
        String name,
        Severity severity,
        String originalSeverity,
        Status status,
        boolean deduced,
        List<String> causedBy,
        boolean rootCause,
        String rule,
        Instant firstSeen,
        Instant lastSeen) {

    /** Whether an alarm holds. */
    public enum Status {
        ACTIVE,
        CLEARED
    }

    /** The source name of alarms deduced by Aitia's rules. */
    public static final String DEDUCED_SOURCE = "aitia";

    public Alarm {
        Checks.notBlank(id, "id");
        Checks.notBlank(source, "source");
        Checks.notBlank(entityId, "entityId");
        site = site == null || site.isBlank() ? Entity.DEFAULT_SITE : site;
        Checks.notBlank(name, "name");
        Checks.notNull(severity, "severity");
        Checks.notNull(status, "status");
        causedBy = Checks.copyOf(causedBy, "causedBy");
        if (causedBy.contains(id)) {
            throw new IllegalArgumentException("causedBy must not name the alarm itself: " + id);
        }
        Checks.notNull(firstSeen, "firstSeen");
        Checks.notNull(lastSeen, "lastSeen");
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException(
                    "lastSeen " + lastSeen + " must not be before firstSeen " + firstSeen);
        }
    }

    /** The deterministic id of the alarm that {@code source} raises on {@code entityId}. */
    public static String idFor(String source, String entityId, String name) {
        return Ids.stable("a-", source, entityId, name);
    }

    /** A new active raw alarm with its deterministic id. */
    public static Alarm raised(
            String source,
            String entityId,
            String site,
            String name,
            Severity severity,
            Instant at) {
        return new Alarm(
                idFor(source, entityId, name),
                source,
                entityId,
                site,
                name,
                severity,
                null,
                Status.ACTIVE,
                false,
                List.of(),
                true,
                null,
                at,
                at);
    }

    /** A new active alarm deduced by {@code rule}, caused by {@code causedBy}. */
    public static Alarm deduced(
            String entityId,
            String site,
            String name,
            Severity severity,
            String rule,
            List<String> causedBy,
            Instant at) {
        return new Alarm(
                idFor(DEDUCED_SOURCE, entityId, name),
                DEDUCED_SOURCE,
                entityId,
                site,
                name,
                severity,
                null,
                Status.ACTIVE,
                true,
                causedBy,
                causedBy == null || causedBy.isEmpty(),
                rule,
                at,
                at);
    }

    @JsonIgnore
    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /** This alarm, cleared at {@code at}. */
    public Alarm cleared(Instant at) {
        return new Alarm(
                id,
                source,
                entityId,
                site,
                name,
                severity,
                originalSeverity,
                Status.CLEARED,
                deduced,
                causedBy,
                rootCause,
                rule,
                firstSeen,
                latest(at));
    }

    /** This alarm with new causes; it is a root cause when there are none. */
    public Alarm withCausedBy(List<String> causes, boolean isRootCause) {
        return new Alarm(
                id,
                source,
                entityId,
                site,
                name,
                severity,
                originalSeverity,
                status,
                deduced,
                causes,
                isRootCause,
                rule,
                firstSeen,
                lastSeen);
    }

    /** This alarm seen again at {@code at} with {@code newSeverity}. */
    public Alarm updated(Severity newSeverity, Instant at) {
        return new Alarm(
                id,
                source,
                entityId,
                site,
                name,
                newSeverity,
                originalSeverity,
                Status.ACTIVE,
                deduced,
                causedBy,
                rootCause,
                rule,
                firstSeen,
                latest(at));
    }

    public Alarm withOriginalSeverity(String original) {
        return new Alarm(
                id, source, entityId, site, name, severity, original, status, deduced, causedBy,
                rootCause, rule, firstSeen, lastSeen);
    }

    private Instant latest(Instant at) {
        return at.isAfter(lastSeen) ? at : lastSeen;
    }
}
