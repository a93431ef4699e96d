package org.aitia.topology.query;

import org.aitia.topology.GraphView;

/**
 * Everything that depends on an entity, transitively, following per-relationship direction rules
 * ({@link ImpactRules}).
 */
public interface ImpactAnalysis {

    /**
     * The impact of {@code id} in {@code view}; an empty impact when the entity impacts nothing or
     * is absent.
     */
    Impact impactOf(GraphView view, String id);
}
