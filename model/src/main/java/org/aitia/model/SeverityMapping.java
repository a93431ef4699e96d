package org.aitia.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps each source's own severity words to {@link Severity}, following Vitrage's {@code
 * datasources_values} tables where Vitrage has one (collectd, Prometheus, Doctor) and the VES 7.x
 * {@code eventSeverity} enumeration for VES.
 *
 * <p>Every method answers {@link Optional#empty()} for a word the source does not define, so a
 * parser can reject the event naming the field.
 */
public final class SeverityMapping {
    private SeverityMapping() {}

    /** VES {@code faultFields.eventSeverity}: CRITICAL, MAJOR, MINOR, WARNING, NORMAL. */
    private static final Map<String, Severity> VES =
            Map.of(
                    "CRITICAL", Severity.CRITICAL,
                    "MAJOR", Severity.SEVERE,
                    "MINOR", Severity.WARNING,
                    "WARNING", Severity.WARNING,
                    "NORMAL", Severity.OK);

    /** collectd notification severity (Vitrage's collectd.yaml): FAILURE, WARNING, OKAY. */
    private static final Map<String, Severity> COLLECTD =
            Map.of(
                    "FAILURE", Severity.CRITICAL,
                    "WARNING", Severity.WARNING,
                    "OKAY", Severity.OK,
                    "OK", Severity.OK);

    /**
     * Alertmanager {@code labels.severity} (Vitrage's prometheus.yaml, plus the words Prometheus
     * rule authors commonly use).
     */
    private static final Map<String, Severity> ALERTMANAGER =
            Map.of(
                    "critical", Severity.CRITICAL,
                    "error", Severity.SEVERE,
                    "major", Severity.SEVERE,
                    "warning", Severity.WARNING,
                    "minor", Severity.WARNING,
                    "info", Severity.NA,
                    "none", Severity.NA,
                    "resolved", Severity.OK);

    /** Doctor {@code details.severity} (Vitrage's doctor.yaml, lower-cased). */
    private static final Map<String, Severity> DOCTOR =
            Map.of(
                    "critical", Severity.CRITICAL,
                    "major", Severity.SEVERE,
                    "warning", Severity.WARNING,
                    "minor", Severity.WARNING,
                    "ok", Severity.OK);

    public static Optional<Severity> fromVes(String eventSeverity) {
        return lookup(VES, eventSeverity == null ? null : eventSeverity.toUpperCase(Locale.ROOT));
    }

    public static Optional<Severity> fromCollectd(String severity) {
        return lookup(COLLECTD, severity == null ? null : severity.toUpperCase(Locale.ROOT));
    }

    /**
     * Alertmanager: an alert whose {@code status} is {@code resolved} is always {@link
     * Severity#OK}; otherwise its {@code severity} label decides, and a firing alert without one is
     * {@link Severity#WARNING} (Prometheus' convention for an unlabelled alert).
     */
    public static Optional<Severity> fromAlertmanager(String status, String severityLabel) {
        if ("resolved".equalsIgnoreCase(status)) {
            return Optional.of(Severity.OK);
        }
        if (severityLabel == null || severityLabel.isBlank()) {
            return Optional.of(Severity.WARNING);
        }
        return lookup(ALERTMANAGER, severityLabel.toLowerCase(Locale.ROOT));
    }

    public static Optional<Severity> fromDoctor(String severity) {
        return lookup(DOCTOR, severity == null ? null : severity.toLowerCase(Locale.ROOT));
    }

    private static Optional<Severity> lookup(Map<String, Severity> table, String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(table.get(key.trim()));
    }
}
