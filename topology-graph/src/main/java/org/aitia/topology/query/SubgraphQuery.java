package org.aitia.topology.query;

import org.aitia.topology.GraphView;

/** The subgraph within some depth of a root (for {@code topology show --root --depth}). */
public interface SubgraphQuery {

    /**
     * The entities at most {@code depth} relationships away from {@code root} and every
     * relationship between two of them; an empty topology when the root is absent.
     *
     * @throws IllegalArgumentException when {@code depth} is negative
     */
    Subgraph around(GraphView view, String root, int depth);
}
