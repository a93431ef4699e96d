package org.aitia.topology.query;

import java.util.Objects;
import java.util.Optional;
import org.aitia.model.Relationship;
import org.aitia.topology.Direction;
import org.aitia.topology.GraphView;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.BidirectionalDijkstraShortestPath;
import org.jgrapht.graph.AsUndirectedGraph;
import org.jgrapht.graph.EdgeReversedGraph;

/**
 * {@link ShortestPath} by JGraphT's bidirectional Dijkstra on the view's JGraphT graph (every edge
 * weighs 1), which stops as soon as the two searches meet instead of exploring the whole graph.
 * {@link Direction#OUTGOING} follows relationships as written, {@link Direction#INCOMING} against,
 * {@link Direction#BOTH} either way.
 */
public final class BidirectionalShortestPath implements ShortestPath {
    private final Direction direction;

    /** Ignoring relationship direction. */
    public BidirectionalShortestPath() {
        this(Direction.BOTH);
    }

    public BidirectionalShortestPath(Direction direction) {
        this.direction = Objects.requireNonNull(direction, "direction");
    }

    @Override
    public Optional<GraphPath<String, Relationship>> path(GraphView view, String from, String to) {
        if (!view.contains(from) || !view.contains(to)) {
            return Optional.empty();
        }
        Graph<String, Relationship> g = view.asGraph();
        Graph<String, Relationship> walked =
                switch (direction) {
                    case OUTGOING -> g;
                    case INCOMING -> new EdgeReversedGraph<>(g);
                    case BOTH -> new AsUndirectedGraph<>(g);
                };
        return Optional.ofNullable(
                new BidirectionalDijkstraShortestPath<>(walked).getPath(from, to));
    }
}
