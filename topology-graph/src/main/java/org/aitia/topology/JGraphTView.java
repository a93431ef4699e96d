package org.aitia.topology;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.jgrapht.Graph;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * A {@link GraphView} as a read-only, unweighted JGraphT directed pseudograph: vertices are entity
 * ids, edges are {@link Relationship}s. Mutators throw {@link UnsupportedOperationException}:
 * change the graph through {@link EntityGraph#apply}.
 */
final class JGraphTView extends AbstractGraph<String, Relationship> {
    private final GraphView view;

    JGraphTView(GraphView view) {
        this.view = view;
    }

    @Override
    public Set<Relationship> getAllEdges(String sourceVertex, String targetVertex) {
        if (!view.contains(sourceVertex) || !view.contains(targetVertex)) {
            return null;
        }
        Set<Relationship> found = new HashSet<>();
        for (Relationship r : view.outgoing(sourceVertex)) {
            if (r.target().equals(targetVertex)) {
                found.add(r);
            }
        }
        return found;
    }

    @Override
    public Relationship getEdge(String sourceVertex, String targetVertex) {
        for (Relationship r : view.outgoing(sourceVertex)) {
            if (r.target().equals(targetVertex)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public Supplier<String> getVertexSupplier() {
        return null;
    }

    @Override
    public Supplier<Relationship> getEdgeSupplier() {
        return null;
    }

    @Override
    public Relationship addEdge(String sourceVertex, String targetVertex) {
        throw readOnly();
    }

    @Override
    public boolean addEdge(String sourceVertex, String targetVertex, Relationship e) {
        throw readOnly();
    }

    @Override
    public String addVertex() {
        throw readOnly();
    }

    @Override
    public boolean addVertex(String v) {
        throw readOnly();
    }

    @Override
    public boolean containsEdge(Relationship e) {
        return e != null && view.hasRelationship(e);
    }

    @Override
    public boolean containsVertex(String v) {
        return view.contains(v);
    }

    @Override
    public Set<Relationship> edgeSet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Relationship> iterator() {
                List<Relationship> all = new ArrayList<>();
                view.forEachRelationship(all::add);
                return Collections.unmodifiableList(all).iterator();
            }

            @Override
            public int size() {
                return (int) Math.min(Integer.MAX_VALUE, view.relationshipCount());
            }

            @Override
            public boolean contains(Object o) {
                return o instanceof Relationship r && view.hasRelationship(r);
            }
        };
    }

    @Override
    public int degreeOf(String vertex) {
        return present(vertex).degree(vertex, Direction.BOTH);
    }

    @Override
    public Set<Relationship> edgesOf(String vertex) {
        return Collections.unmodifiableSet(
                new java.util.LinkedHashSet<>(
                        present(vertex).relationships(vertex, Direction.BOTH)));
    }

    @Override
    public int inDegreeOf(String vertex) {
        return present(vertex).degree(vertex, Direction.INCOMING);
    }

    @Override
    public Set<Relationship> incomingEdgesOf(String vertex) {
        return Collections.unmodifiableSet(
                new java.util.LinkedHashSet<>(present(vertex).incoming(vertex)));
    }

    @Override
    public int outDegreeOf(String vertex) {
        return present(vertex).degree(vertex, Direction.OUTGOING);
    }

    @Override
    public Set<Relationship> outgoingEdgesOf(String vertex) {
        return Collections.unmodifiableSet(
                new java.util.LinkedHashSet<>(present(vertex).outgoing(vertex)));
    }

    @Override
    public Relationship removeEdge(String sourceVertex, String targetVertex) {
        throw readOnly();
    }

    @Override
    public boolean removeEdge(Relationship e) {
        throw readOnly();
    }

    @Override
    public boolean removeVertex(String v) {
        throw readOnly();
    }

    @Override
    public Set<String> vertexSet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                List<String> all = new ArrayList<>();
                view.forEachEntity((Entity e) -> all.add(e.id()));
                return Collections.unmodifiableList(all).iterator();
            }

            @Override
            public int size() {
                return view.entityCount();
            }

            @Override
            public boolean contains(Object o) {
                return o instanceof String id && view.contains(id);
            }
        };
    }

    @Override
    public String getEdgeSource(Relationship e) {
        return e.source();
    }

    @Override
    public String getEdgeTarget(Relationship e) {
        return e.target();
    }

    @Override
    public GraphType getType() {
        return new DefaultGraphType.Builder()
                .directed()
                .allowMultipleEdges(true)
                .allowSelfLoops(true)
                .weighted(false)
                .modifiable(false)
                .build();
    }

    @Override
    public double getEdgeWeight(Relationship e) {
        return Graph.DEFAULT_EDGE_WEIGHT;
    }

    @Override
    public void setEdgeWeight(Relationship e, double weight) {
        throw readOnly();
    }

    private GraphView present(String vertex) {
        if (!view.contains(vertex)) {
            throw new IllegalArgumentException("no such vertex in graph: " + vertex);
        }
        return view;
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException(
                "the topology graph view is read-only: change it with EntityGraph.apply");
    }
}
