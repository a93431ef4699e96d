package org.aitia.topology;

/** Which relationships of an entity a query follows, seen from that entity. */
public enum Direction {
    /** Relationships whose source is the entity. */
    OUTGOING,
    /** Relationships whose target is the entity. */
    INCOMING,
    /** Both. */
    BOTH;

    /** The opposite direction ({@link #BOTH} stays {@link #BOTH}). */
    public Direction reverse() {
        return switch (this) {
            case OUTGOING -> INCOMING;
            case INCOMING -> OUTGOING;
            case BOTH -> BOTH;
        };
    }
}
