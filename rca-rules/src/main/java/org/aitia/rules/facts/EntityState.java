package org.aitia.rules.facts;

/**
 * A conclusion "entity {@code entityId} is in operational state {@code state}" (OK, TRANSIENT,
 * SUBOPTIMAL, ERROR, ...), inserted logically. The engine aggregates every state an entity has into
 * one by Vitrage's priorities.
 */
public final class EntityState {
    private final String entityId;
    private final String state;
    private final Justification justification;

    public EntityState(String entityId, String state, Justification justification) {
        this.entityId = entityId;
        this.state = state;
        this.justification = justification;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getState() {
        return state;
    }

    public Justification getJustification() {
        return justification;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntityState s && entityId.equals(s.entityId) && state.equals(s.state);
    }

    @Override
    public int hashCode() {
        // Objects.hash(a, b) without its varargs array
        return 31 * (31 + entityId.hashCode()) + state.hashCode();
    }

    @Override
    public String toString() {
        return "state " + state + " of " + entityId;
    }
}
