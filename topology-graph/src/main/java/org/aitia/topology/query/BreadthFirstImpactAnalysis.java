package org.aitia.topology.query;

import java.util.Objects;
import org.aitia.topology.GraphView;

/**
 * {@link ImpactAnalysis} by breadth-first search along the directions of {@link ImpactRules}. Each
 * impacted entity is reported once, through the first (shortest) relationship that reached it.
 */
public final class BreadthFirstImpactAnalysis implements ImpactAnalysis {
    private final ImpactRules rules;
    private final int maxDepth;

    /** With the default rules and no depth limit. */
    public BreadthFirstImpactAnalysis() {
        this(ImpactRules.defaults(), Integer.MAX_VALUE);
    }

    /**
     * @param rules the direction rules
     * @param maxDepth how many hops at most (at least 1)
     */
    public BreadthFirstImpactAnalysis(ImpactRules rules, int maxDepth) {
        this.rules = Objects.requireNonNull(rules, "rules");
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1, not " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    @Override
    public Impact impactOf(GraphView view, String id) {
        Objects.requireNonNull(view, "view");
        return new Impact(id, ImpactWalk.walk(view, rules, id, false, maxDepth, Integer.MAX_VALUE));
    }
}
