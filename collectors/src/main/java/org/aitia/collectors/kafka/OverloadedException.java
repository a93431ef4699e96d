package org.aitia.collectors.kafka;

/** Kafka cannot take more now: the caller must answer 429 or 503 and accept nothing. */
public final class OverloadedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean unavailable;

    public OverloadedException(String message, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.unavailable = unavailable;
    }

    /** True when Kafka is unreachable (503), false when we are merely busy (429). */
    public boolean unavailable() {
        return unavailable;
    }
}
