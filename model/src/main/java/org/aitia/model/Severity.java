package org.aitia.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Vitrage's operational severity scale, from worst to best. {@link #NA} is written {@code "N/A"} as
 * Vitrage writes it.
 */
public enum Severity {
    CRITICAL("CRITICAL", 40),
    SEVERE("SEVERE", 35),
    WARNING("WARNING", 30),
    NA("N/A", 20),
    OK("OK", 10);

    private final String label;
    private final int priority;

    Severity(String label, int priority) {
        this.label = label;
        this.priority = priority;
    }

    /** The name Vitrage uses ({@code "N/A"} for {@link #NA}). */
    @JsonValue
    public String label() {
        return label;
    }

    /** Vitrage's aggregation priority: the higher, the worse. */
    public int priority() {
        return priority;
    }

    /** True for every severity worse than {@link #OK} and {@link #NA}. */
    public boolean isProblem() {
        return priority > NA.priority;
    }

    /** The worse of two severities. */
    public static Severity worst(Severity a, Severity b) {
        return a.priority >= b.priority ? a : b;
    }

    /**
     * Parses a Vitrage severity label, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted labels when {@code label} is none
     */
    @JsonCreator
    public static Severity of(String label) {
        if (label != null) {
            String l = label.trim().toUpperCase(Locale.ROOT);
            for (Severity s : values()) {
                if (s.label.equals(l) || s.name().equals(l)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException(
                "severity must be one of CRITICAL, SEVERE, WARNING, N/A, OK but was " + label);
    }
}
