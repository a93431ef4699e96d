package org.aitia.topology.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;

/**
 * A small connected pattern of typed vertices and typed, directed edges: the shape of a Vitrage
 * template condition ({@code host contains instance}, {@code nic attached switch}). Build one with
 * {@link #builder()}.
 */
public final class Pattern {

    /**
     * A pattern vertex.
     *
     * @param alias its name in the pattern (Vitrage's template id)
     * @param type the entity type it matches, or null for any
     * @param properties further exact matches: {@code id}, {@code name}, {@code site}, {@code
     *     state} test the entity's fields, any other key its properties
     */
    public record Vertex(String alias, String type, Map<String, String> properties) {
        public Vertex {
            if (alias == null || alias.isBlank()) {
                throw new IllegalArgumentException("a pattern vertex needs an alias");
            }
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        /** True when {@code e} satisfies this vertex. */
        public boolean accepts(Entity e) {
            if (type != null && !type.equals(e.type())) {
                return false;
            }
            for (Map.Entry<String, String> p : properties.entrySet()) {
                String actual =
                        switch (p.getKey()) {
                            case "id" -> e.id();
                            case "name" -> e.name();
                            case "site" -> e.site();
                            case "state" -> e.state();
                            case "type" -> e.type();
                            default -> e.properties().get(p.getKey());
                        };
                if (!p.getValue().equals(actual)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A pattern edge: a relationship of {@code type} from {@code source} to {@code target}.
     *
     * @param source the source vertex alias
     * @param type the relationship type
     * @param target the target vertex alias
     */
    public record Edge(String source, String type, String target) {}

    private final Map<String, Vertex> vertices;
    private final List<Edge> edges;

    private Pattern(Map<String, Vertex> vertices, List<Edge> edges) {
        this.vertices = Collections.unmodifiableMap(vertices);
        this.edges = List.copyOf(edges);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The vertices by alias, in the order added. */
    public Map<String, Vertex> vertices() {
        return vertices;
    }

    /** The edges, in the order added. */
    public List<Edge> edges() {
        return edges;
    }

    @Override
    public String toString() {
        return "Pattern" + vertices.values() + edges;
    }

    /** Builds a {@link Pattern}, checking it in {@link #build()}. */
    public static final class Builder {
        private final Map<String, Vertex> vertices = new LinkedHashMap<>();
        private final List<Edge> edges = new ArrayList<>();

        private Builder() {}

        /** A vertex matching entities of {@code type} (null: any type). */
        public Builder vertex(String alias, String type) {
            return vertex(alias, type, Map.of());
        }

        /** A vertex matching entities of {@code type} with those exact field or property values. */
        public Builder vertex(String alias, String type, Map<String, String> properties) {
            Vertex v = new Vertex(alias, type, properties);
            if (vertices.putIfAbsent(alias, v) != null) {
                throw new IllegalArgumentException("pattern vertex '" + alias + "' declared twice");
            }
            return this;
        }

        /** An edge: a relationship of {@code type} from {@code source} to {@code target}. */
        public Builder edge(String source, String type, String target) {
            edges.add(new Edge(source, type, target));
            return this;
        }

        /**
         * The pattern.
         *
         * @throws IllegalArgumentException when it has no vertex, an edge names an undeclared alias
         *     or an unknown relationship type, or it is not connected
         */
        public Pattern build() {
            if (vertices.isEmpty()) {
                throw new IllegalArgumentException("a pattern needs at least one vertex");
            }
            for (Edge e : edges) {
                for (String alias : List.of(e.source(), e.target())) {
                    if (!vertices.containsKey(alias)) {
                        throw new IllegalArgumentException(
                                "pattern edge " + e + " names undeclared vertex '" + alias + "'");
                    }
                }
                if (!Relationship.KNOWN_TYPES.contains(e.type())) {
                    throw new IllegalArgumentException(
                            "pattern edge "
                                    + e
                                    + " has unknown relationship type '"
                                    + e.type()
                                    + "'");
                }
            }
            Set<String> reached = new HashSet<>();
            ArrayDeque<String> todo = new ArrayDeque<>();
            String first = vertices.keySet().iterator().next();
            todo.add(first);
            reached.add(first);
            while (!todo.isEmpty()) {
                String at = todo.poll();
                for (Edge e : edges) {
                    String other =
                            e.source().equals(at)
                                    ? e.target()
                                    : e.target().equals(at) ? e.source() : null;
                    if (other != null && reached.add(other)) {
                        todo.add(other);
                    }
                }
            }
            if (reached.size() != vertices.size()) {
                Set<String> apart = new HashSet<>(vertices.keySet());
                apart.removeAll(reached);
                throw new IllegalArgumentException(
                        "pattern is not connected: " + apart + " not linked to '" + first + "'");
            }
            return new Pattern(new LinkedHashMap<>(vertices), edges);
        }
    }
}
