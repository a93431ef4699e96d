package org.aitia.topology;

/**
 * What {@link EntityGraph#apply} or {@link EntityGraph#applyAll} did.
 *
 * @param version the graph's version after the call (unchanged when nothing changed)
 * @param changed how many changes altered the graph; an upsert of what is already there, or a
 *     delete of what is absent, alters nothing (idempotence)
 * @param unchanged how many changes were accepted but altered nothing
 */
public record ApplyResult(long version, int changed, int unchanged) {

    /** True when at least one change altered the graph. */
    public boolean anyChange() {
        return changed > 0;
    }
}
