package org.aitia.rules.internal;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.TopologyChange;
import org.aitia.rules.facts.Link;
import org.aitia.rules.facts.Node;
import org.aitia.rules.facts.TopologyLookup;
import org.aitia.topology.EntityGraph;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Keeps the session's {@link Node} and {@link Link} facts equal to the {@link EntityGraph}: one
 * node per entity, one link per relationship. The graph decides (a change it rejects changes no
 * fact); this class mirrors what the graph holds after each change.
 */
public final class TopologyFacts {
    private final EntityGraph graph;
    private final TopologyLookup lookup;
    private final Map<String, FactHandle> nodes = new HashMap<>();
    private final Map<String, FactHandle> links = new HashMap<>();
    private final Map<String, Set<String>> linksOf = new HashMap<>();
    private KieSession session;

    public TopologyFacts(EntityGraph graph) {
        this(graph, null);
    }

    /**
     * With a {@code lookup}, no fact is inserted: rules read the graph through the global {@code
     * topo} (the graph look-up variant the rules bench measures).
     */
    public TopologyFacts(EntityGraph graph, TopologyLookup lookup) {
        this.graph = graph;
        this.lookup = lookup;
    }

    /** Inserts the whole graph into a new session (at creation and on a rule-set change). */
    public void attach(KieSession newSession) {
        session = newSession;
        nodes.clear();
        links.clear();
        linksOf.clear();
        if (lookup != null) {
            newSession.setGlobal("topo", lookup);
            return;
        }
        graph.forEachEntity(this::putEntity);
        graph.forEachRelationship(this::putLink);
    }

    /** Applies a change to the graph, then mirrors it in the facts. */
    public void apply(TopologyChange change) {
        graph.apply(change);
        if (lookup != null) {
            if (change.entity() != null) {
                lookup.changed(change.entity().id());
            }
            return;
        }
        if (change.entity() != null) {
            String id = change.entity().id();
            Optional<Entity> now = graph.entity(id);
            if (now.isPresent()) {
                putEntity(now.get());
            } else {
                removeEntity(id);
            }
        } else {
            Relationship r = change.relationship();
            if (graph.hasRelationship(r)) {
                putLink(r);
            } else {
                removeLink(r.id());
            }
        }
    }

    /** The graph this mirrors. */
    public EntityGraph graph() {
        return graph;
    }

    /** The node fact of an entity, or null. */
    public Node node(String id) {
        if (lookup != null) {
            return lookup.node(id);
        }
        FactHandle h = nodes.get(id);
        return h == null ? null : (Node) session.getObject(h);
    }

    /** How many node and link facts the session holds. */
    public int size() {
        return nodes.size() + links.size();
    }

    private void putEntity(Entity e) {
        FactHandle h = nodes.get(e.id());
        if (h == null) {
            nodes.put(e.id(), session.insert(new Node(e)));
        } else {
            Node n = (Node) session.getObject(h);
            n.refresh(e);
            session.update(h, n);
        }
    }

    private void removeEntity(String id) {
        FactHandle h = nodes.remove(id);
        if (h != null) {
            session.delete(h);
        }
        Set<String> ls = linksOf.remove(id);
        if (ls != null) {
            for (String l : Set.copyOf(ls)) {
                removeLink(l);
            }
        }
    }

    private void putLink(Relationship r) {
        if (!links.containsKey(r.id())) {
            links.put(r.id(), session.insert(new Link(r)));
            linksOf.computeIfAbsent(r.source(), k -> new LinkedHashSet<>()).add(r.id());
            linksOf.computeIfAbsent(r.target(), k -> new LinkedHashSet<>()).add(r.id());
        }
    }

    private void removeLink(String id) {
        FactHandle h = links.remove(id);
        if (h == null) {
            return;
        }
        Link l = (Link) session.getObject(h);
        session.delete(h);
        for (String end : new String[] {l.getSource(), l.getTarget()}) {
            Set<String> s = linksOf.get(end);
            if (s != null) {
                s.remove(id);
                if (s.isEmpty()) {
                    linksOf.remove(end);
                }
            }
        }
    }
}
