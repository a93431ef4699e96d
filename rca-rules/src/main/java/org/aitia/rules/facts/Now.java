package org.aitia.rules.facts;

/**
 * The engine's current event time as a fact, so that time-based rules can compare it with an
 * alarm's {@code firstSeenMillis} ({@code Now(millis >= $since + 30000)}). A replay with the same
 * alarms and the same {@code advanceTo} calls reaches the same conclusions.
 */
public final class Now {
    private long millis;

    public Now(long millis) {
        this.millis = millis;
    }

    public long getMillis() {
        return millis;
    }

    public void setMillis(long millis) {
        this.millis = millis;
    }

    @Override
    public String toString() {
        return "now " + java.time.Instant.ofEpochMilli(millis);
    }
}
