package org.aitia.topology.state;

/**
 * Vitrage's operational resource states. {@link #NA} is written {@code N/A} in Vitrage's tables.
 */
public enum OperationalState {
    OK,
    TRANSIENT,
    SUBOPTIMAL,
    ERROR,
    DELETED,
    NA;

    /** The name as Vitrage writes it ({@code N/A} for {@link #NA}). */
    public String label() {
        return this == NA ? "N/A" : name();
    }

    /**
     * Parses a Vitrage operational value.
     *
     * @throws IllegalArgumentException naming the value when it is none of them
     */
    public static OperationalState parse(String value) {
        if ("N/A".equalsIgnoreCase(value) || "NA".equalsIgnoreCase(value)) {
            return NA;
        }
        for (OperationalState s : values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown operational state '"
                        + value
                        + "' (OK, TRANSIENT, SUBOPTIMAL, ERROR, DELETED, N/A)");
    }
}
