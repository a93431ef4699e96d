package org.aitia.topology;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Consumer;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.topology.state.AggregatedState;
import org.jgrapht.Graph;

/**
 * Read access to the entity graph at one version: the live graph itself ({@link EntityGraph}, the
 * newest published version at each call) or a {@link GraphSnapshot} (one fixed version for as long
 * as it is open). Every query of {@code org.aitia.topology.query} takes a view.
 *
 * <p>"Nothing found" is an empty {@link Optional} or an empty list, never null and never an
 * exception. Lists are immutable; lists of relationships are views without copying.
 */
public abstract sealed class GraphView permits EntityGraph, GraphSnapshot {

    GraphView() {}

    /** The node of {@code id} visible in this view, or null when absent. */
    abstract Node node(String id);

    /** The node of that slot visible in this view, or null when absent. */
    abstract Node node(Slot slot);

    /** The graph this view reads. */
    abstract EntityGraph graph();

    /** The published counters this view sees. */
    abstract Published published();

    /** The version this view reads: the number of changes that altered the graph so far. */
    public abstract long version();

    /** The entity of that id, or empty. */
    public Optional<Entity> entity(String id) {
        Node n = node(id);
        return n == null ? Optional.empty() : Optional.of(n.entity);
    }

    /**
     * The entity of {@code id} with its relationships, read in one look-up (consistent with each
     * other even on the live graph); null when absent.
     */
    public Vertex vertex(String id) {
        Node n = node(id);
        return n == null
                ? null
                : new Vertex(n.entity, new Slice(n.out, n.outSize), new Slice(n.in, n.inSize));
    }

    /**
     * An entity and its relationships, as one view read them.
     *
     * @param entity the entity
     * @param outgoing the relationships whose source it is
     * @param incoming the relationships whose target it is
     */
    public record Vertex(Entity entity, List<Relationship> outgoing, List<Relationship> incoming) {}

    /** True when an entity of that id exists. */
    public boolean contains(String id) {
        return node(id) != null;
    }

    /**
     * The entity of that type and name, or empty. When several share the type and name, the one
     * with the smallest id (see {@link #allByTypeAndName} for all of them).
     */
    public Optional<Entity> byTypeAndName(String type, String name) {
        List<Entity> all = allByTypeAndName(type, name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every entity of that type and name, by id; empty when none. */
    public List<Entity> allByTypeAndName(String type, String name) {
        if (type == null || name == null) {
            return List.of();
        }
        Object ids = graph().idsByTypeAndName(type, name);
        if (ids == null) {
            return List.of();
        }
        List<Entity> found = new ArrayList<>(1);
        if (ids instanceof String id) {
            addIfMatches(found, id, type, name);
        } else {
            for (String id : (String[]) ids) {
                addIfMatches(found, id, type, name);
            }
            found.sort((a, b) -> a.id().compareTo(b.id()));
        }
        return List.copyOf(found);
    }

    private void addIfMatches(List<Entity> found, String id, String type, String name) {
        Node n = node(id);
        if (n != null && n.entity.type().equals(type) && n.entity.name().equals(name)) {
            found.add(n.entity);
        }
    }

    /** Every entity of that type, in no particular order; empty when none. */
    public List<Entity> byType(String type) {
        return collect(graph().idsOfType(type), e -> e.type().equals(type));
    }

    /** Every entity of that site, in no particular order; empty when none. */
    public List<Entity> bySite(String site) {
        return collect(graph().idsOfSite(site), e -> e.site().equals(site));
    }

    private List<Entity> collect(Set<String> ids, java.util.function.Predicate<Entity> still) {
        if (ids == null) {
            return List.of();
        }
        List<Entity> found = new ArrayList<>();
        for (String id : ids) {
            Node n = node(id);
            if (n != null && still.test(n.entity)) {
                found.add(n.entity);
            }
        }
        return Collections.unmodifiableList(found);
    }

    /** The relationships whose source is {@code id}; empty when it has none or is absent. */
    public List<Relationship> outgoing(String id) {
        Node n = node(id);
        return n == null ? List.of() : new Slice(n.out, n.outSize);
    }

    /** The relationships whose target is {@code id}; empty when it has none or is absent. */
    public List<Relationship> incoming(String id) {
        Node n = node(id);
        return n == null ? List.of() : new Slice(n.in, n.inSize);
    }

    /** The relationships of {@code id} in that direction (outgoing first for {@code BOTH}). */
    public List<Relationship> relationships(String id, Direction direction) {
        Objects.requireNonNull(direction, "direction");
        Node n = node(id);
        if (n == null) {
            return List.of();
        }
        return switch (direction) {
            case OUTGOING -> new Slice(n.out, n.outSize);
            case INCOMING -> new Slice(n.in, n.inSize);
            case BOTH -> {
                List<Relationship> all = new ArrayList<>(n.outSize + n.inSize);
                all.addAll(new Slice(n.out, n.outSize));
                all.addAll(new Slice(n.in, n.inSize));
                yield Collections.unmodifiableList(all);
            }
        };
    }

    /**
     * The entities related to {@code id} by relationships of that type (any type when null) in that
     * direction, each once, in adjacency order; empty when none or when {@code id} is absent.
     */
    public List<Entity> neighbours(String id, String relationshipType, Direction direction) {
        Objects.requireNonNull(direction, "direction");
        Node n = node(id);
        if (n == null) {
            return List.of();
        }
        java.util.LinkedHashMap<String, Entity> found = new java.util.LinkedHashMap<>();
        if (direction != Direction.INCOMING) {
            for (int i = 0; i < n.outSize; i++) {
                addNeighbour(found, n.out(i), n.out(i).target(), relationshipType);
            }
        }
        if (direction != Direction.OUTGOING) {
            for (int i = 0; i < n.inSize; i++) {
                addNeighbour(found, n.in(i), n.in(i).source(), relationshipType);
            }
        }
        return List.copyOf(found.values());
    }

    private void addNeighbour(
            java.util.Map<String, Entity> found, Relationship r, String other, String type) {
        if ((type == null || type.equals(r.type())) && !found.containsKey(other)) {
            Node o = node(other);
            if (o != null) {
                found.put(other, o.entity);
            }
        }
    }

    /** The degree of {@code id} in that direction; 0 when absent. */
    public int degree(String id, Direction direction) {
        Node n = node(id);
        if (n == null) {
            return 0;
        }
        return switch (direction) {
            case OUTGOING -> n.outSize;
            case INCOMING -> n.inSize;
            case BOTH -> n.outSize + n.inSize;
        };
    }

    /** True when exactly that relationship (source, target and type) exists. */
    public boolean hasRelationship(Relationship r) {
        Node s = node(r.source());
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.outSize; i++) {
            Relationship e = s.out(i);
            if (e.type().equals(r.type()) && e.target().equals(r.target())) {
                return true;
            }
        }
        return false;
    }

    /** The number of entities in this view. */
    public int entityCount() {
        return published().entities();
    }

    /** The number of relationships in this view. */
    public long relationshipCount() {
        return published().relationships();
    }

    /** Calls {@code action} with every entity of this view, in no particular order. */
    public void forEachEntity(Consumer<Entity> action) {
        graph().forEachHead(
                        head -> {
                            Node n = visible(head);
                            if (n != null) {
                                action.accept(n.entity);
                            }
                        });
    }

    /** Calls {@code action} with every relationship of this view, grouped by source. */
    public void forEachRelationship(Consumer<Relationship> action) {
        graph().forEachHead(
                        head -> {
                            Node n = visible(head);
                            if (n != null) {
                                for (int i = 0; i < n.outSize; i++) {
                                    action.accept(n.out(i));
                                }
                            }
                        });
    }

    /** The node of the chain at {@code head} this view sees, or null. */
    abstract Node visible(Node head);

    /** This view as a canonical {@link Topology}, entities and relationships sorted by id. */
    public Topology toTopology() {
        List<Entity> entities = new ArrayList<>(entityCount());
        List<Relationship> relationships = new ArrayList<>((int) relationshipCount());
        forEachEntity(entities::add);
        forEachRelationship(relationships::add);
        entities.sort((a, b) -> a.id().compareTo(b.id()));
        relationships.sort(
                (a, b) -> {
                    int c = a.source().compareTo(b.source());
                    if (c == 0) {
                        c = a.type().compareTo(b.type());
                    }
                    return c != 0 ? c : a.target().compareTo(b.target());
                });
        return new Topology(entities, relationships);
    }

    /**
     * The aggregated state of {@code id} (see {@link org.aitia.topology.state.StateTables}), or
     * empty when the entity is absent.
     */
    public Optional<AggregatedState> state(String id) {
        Node n = node(id);
        return n == null ? Optional.empty() : Optional.of(graph().states().aggregate(n.entity));
    }

    /**
     * This view as a read-only JGraphT directed pseudograph whose vertices are entity ids and whose
     * edges are the relationships, for JGraphT's algorithms. Reading a snapshot's graph is
     * consistent; reading the live graph's is as consistent as each call.
     */
    public Graph<String, Relationship> asGraph() {
        return new JGraphTView(this);
    }

    /** An immutable list over the first {@code size} relationships of an adjacency array. */
    static final class Slice extends AbstractList<Relationship> implements RandomAccess {
        private final Object[] items;
        private final int size;

        Slice(Object[] items, int size) {
            this.items = items;
            this.size = size;
        }

        @Override
        public Relationship get(int index) {
            Objects.checkIndex(index, size);
            return (Relationship) items[index * Node.STRIDE + 2];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
