package org.aitia.rules.facts;

/**
 * A conclusion "alarm {@code causeId} causes alarm {@code effectId}", inserted logically: it
 * vanishes when the cause clears or the topology that linked them changes.
 */
public final class CausalLink {
    private final String causeId;
    private final String effectId;
    private final Justification justification;

    public CausalLink(String causeId, String effectId, Justification justification) {
        this.causeId = causeId;
        this.effectId = effectId;
        this.justification = justification;
    }

    public String getCauseId() {
        return causeId;
    }

    public String getEffectId() {
        return effectId;
    }

    public Justification getJustification() {
        return justification;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CausalLink c
                && causeId.equals(c.causeId)
                && effectId.equals(c.effectId);
    }

    @Override
    public int hashCode() {
        // Objects.hash(a, b) without its varargs array
        return 31 * (31 + causeId.hashCode()) + effectId.hashCode();
    }

    @Override
    public String toString() {
        return "cause " + causeId + " -> " + effectId;
    }
}
