package org.aitia.streaming;

import java.io.Serializable;
import java.util.Locale;
import org.aitia.model.Severity;

/**
 * A metric threshold: when {@code metric} on an entity of {@code entityType} satisfies {@code
 * condition value} for at least {@code forMs} of event time, the alarm {@code alarm} is raised; it
 * clears only when the metric is back beyond {@code clearValue} (hysteresis).
 *
 * @param metric the metric name ({@code cpu.percent.active}, ...)
 * @param entityType the entity type the rule applies to, or null for every type
 * @param condition {@code >}, {@code >=}, {@code <} or {@code <=}
 * @param value the threshold
 * @param forMs how long the condition must hold before the alarm is raised, default 0
 * @param clearValue the metric must be strictly past this (on the good side) to clear; default
 *     {@code value}
 * @param alarm the alarm name, default {@code <metric> <condition> <value>}
 * @param severity default WARNING
 */
public record ThresholdRule(
        String metric,
        String entityType,
        String condition,
        Double value,
        Long forMs,
        Double clearValue,
        String alarm,
        Severity severity)
        implements Serializable {

    /** The source name of alarms raised by threshold rules. */
    public static final String SOURCE = "threshold";

    public ThresholdRule {
        if (metric == null || metric.isBlank()) {
            throw new IllegalArgumentException("threshold rule: metric is required");
        }
        entityType = entityType == null || entityType.isBlank() ? null : entityType;
        condition = condition == null ? ">" : condition.trim();
        if (!condition.equals(">")
                && !condition.equals(">=")
                && !condition.equals("<")
                && !condition.equals("<=")) {
            throw new IllegalArgumentException(
                    "threshold rule on "
                            + metric
                            + ": condition must be one of >, >=, <, <= but was "
                            + condition);
        }
        if (value == null || value.isNaN()) {
            throw new IllegalArgumentException(
                    "threshold rule on " + metric + ": value is required");
        }
        forMs = forMs == null ? 0L : forMs;
        if (forMs < 0) {
            throw new IllegalArgumentException(
                    "threshold rule on " + metric + ": forMs must be >= 0 but was " + forMs);
        }
        clearValue = clearValue == null ? value : clearValue;
        if (upward(condition) ? clearValue > value : clearValue < value) {
            throw new IllegalArgumentException(
                    "threshold rule on "
                            + metric
                            + ": clearValue "
                            + clearValue
                            + " must be on the good side of "
                            + value);
        }
        alarm = alarm == null || alarm.isBlank() ? metric + " " + condition + " " + value : alarm;
        severity = severity == null ? Severity.WARNING : severity;
    }

    /** A rule with defaults for everything but the metric, condition, value and hold time. */
    public static ThresholdRule of(String metric, String condition, double value, long forMs) {
        return new ThresholdRule(metric, null, condition, value, forMs, null, null, null);
    }

    /** True when this rule watches {@code metricName} on an entity of {@code type}. */
    public boolean appliesTo(String metricName, String type) {
        return metric.equals(metricName) && (entityType == null || entityType.equals(type));
    }

    /** True when {@code sample} is in breach. */
    public boolean breached(double sample) {
        return switch (condition) {
            case ">" -> sample > value;
            case ">=" -> sample >= value;
            case "<" -> sample < value;
            default -> sample <= value;
        };
    }

    /** True when {@code sample} is back on the good side of the clear value. */
    public boolean cleared(double sample) {
        if (clearValue.equals(value)) {
            return !breached(sample);
        }
        return upward(condition) ? sample < clearValue : sample > clearValue;
    }

    /** A stable key for this rule's state. */
    public String key() {
        return String.join(
                        "|",
                        metric,
                        String.valueOf(entityType),
                        condition,
                        String.valueOf(value),
                        alarm)
                .toLowerCase(Locale.ROOT);
    }

    private static boolean upward(String c) {
        return c.startsWith(">");
    }
}
