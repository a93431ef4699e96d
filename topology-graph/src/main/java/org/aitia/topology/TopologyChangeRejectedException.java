package org.aitia.topology;

import org.aitia.model.TopologyChange;

/**
 * A topology change the graph refuses. Nothing of the call that threw it was applied: a batch is
 * all or nothing.
 */
public final class TopologyChangeRejectedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why a change is refused. */
    public enum Reason {
        /** A relationship type that is neither Vitrage's nor {@code chained_to}. */
        UNKNOWN_RELATIONSHIP_TYPE,
        /** A relationship whose source or target entity is not in the graph. */
        DANGLING_EDGE,
        /** The same entity or relationship twice in one topology. */
        DUPLICATE_ID,
        /** Anything else that makes the change unusable (a null change, a malformed field). */
        INVALID
    }

    private final transient TopologyChange change;
    private final Reason reason;
    private final int index;

    public TopologyChangeRejectedException(
            Reason reason, String message, TopologyChange change, int index) {
        super(message);
        this.reason = reason;
        this.change = change;
        this.index = index;
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }

    /** The rejected change, or null when the change itself was null. */
    public TopologyChange change() {
        return change;
    }

    /** The change's position in its batch (0 for a single change). */
    public int index() {
        return index;
    }
}
