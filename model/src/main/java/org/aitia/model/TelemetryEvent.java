package org.aitia.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One normalised observation from a source: a metric sample, a fault (raised or cleared) or a state
 * report about one entity.
 *
 * @param kind what the event is
 * @param entityRef the resource as the source named it (resolved against the topology by id, then
 *     by name)
 * @param entityType the entity type when the source says it ({@code nova.host}, ...), else null
 * @param name the metric or fault name ({@code cpu.percent.active}, {@code linkDown}, ...)
 * @param value the sample, required for {@link Kind#METRIC}, null otherwise
 * @param severity the fault severity on Vitrage's scale, required for {@link Kind#FAULT}; {@link
 *     Severity#OK} means the fault cleared
 * @param originalSeverity the severity word the source used, or null
 * @param state the raw state the source reported, required for {@link Kind#STATE}
 * @param eventTime when the source says the event happened (event time, never arrival time)
 * @param source the source that sent it: {@code ves}, {@code collectd}, {@code alertmanager},
 *     {@code doctor}, ...
 * @param labels further attributes from the source, never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelemetryEvent(
        Kind kind,
        String entityRef,
        String entityType,
        String name,
        Double value,
        Severity severity,
        String originalSeverity,
        String state,
        Instant eventTime,
        String source,
        Map<String, String> labels) {

    /** What a telemetry event is. */
    public enum Kind {
        METRIC,
        FAULT,
        STATE
    }

    public TelemetryEvent {
        Checks.notNull(kind, "kind");
        Checks.notBlank(entityRef, "entityRef");
        Checks.notBlank(name, "name");
        Checks.notNull(eventTime, "eventTime");
        Checks.notBlank(source, "source");
        labels = Checks.copyOf(labels, "labels");
        switch (kind) {
            case METRIC -> {
                Checks.notNull(value, "value");
                if (value.isNaN() || value.isInfinite()) {
                    throw new IllegalArgumentException("value must be a finite number");
                }
            }
            case FAULT -> Checks.notNull(severity, "severity");
            case STATE -> Checks.notBlank(state, "state");
        }
    }

    /** A metric sample. */
    public static TelemetryEvent metric(
            String entityRef, String name, double value, Instant at, String source) {
        return new TelemetryEvent(
                Kind.METRIC, entityRef, null, name, value, null, null, null, at, source, Map.of());
    }

    /** A fault raised (any severity but OK) or cleared ({@link Severity#OK}). */
    public static TelemetryEvent fault(
            String entityRef, String name, Severity severity, Instant at, String source) {
        return new TelemetryEvent(
                Kind.FAULT,
                entityRef,
                null,
                name,
                null,
                severity,
                null,
                null,
                at,
                source,
                Map.of());
    }

    /** A raw state report ({@code down}, {@code NotReady}, ...). */
    public static TelemetryEvent state(
            String entityRef, String name, String state, Instant at, String source) {
        return new TelemetryEvent(
                Kind.STATE, entityRef, null, name, null, null, null, state, at, source, Map.of());
    }

    /** True for a fault that clears ({@link Severity#OK}). */
    @JsonIgnore
    public boolean isClear() {
        return kind == Kind.FAULT && severity == Severity.OK;
    }

    public TelemetryEvent withLabels(Map<String, String> newLabels) {
        return new TelemetryEvent(
                kind,
                entityRef,
                entityType,
                name,
                value,
                severity,
                originalSeverity,
                state,
                eventTime,
                source,
                newLabels);
    }

    public TelemetryEvent withEntityType(String type) {
        return new TelemetryEvent(
                kind,
                entityRef,
                type,
                name,
                value,
                severity,
                originalSeverity,
                state,
                eventTime,
                source,
                labels);
    }

    public TelemetryEvent withOriginalSeverity(String original) {
        return new TelemetryEvent(
                kind,
                entityRef,
                entityType,
                name,
                value,
                severity,
                original,
                state,
                eventTime,
                source,
                labels);
    }
}
