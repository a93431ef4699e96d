package org.aitia.topology.query;

import java.util.Optional;
import org.aitia.model.Relationship;
import org.aitia.topology.GraphView;
import org.jgrapht.GraphPath;

/** The shortest chain of relationships between two entities. */
public interface ShortestPath {

    /**
     * A shortest path from {@code from} to {@code to} (a path of no edges when they are the same);
     * empty when there is none or either is absent.
     */
    Optional<GraphPath<String, Relationship>> path(GraphView view, String from, String to);
}
