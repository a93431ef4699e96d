package org.aitia.rules.facts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.topology.EntityGraph;

/**
 * The topology read from rule conditions instead of held as facts: the global {@code topo} of the
 * graph look-up variant of the library, which {@code aitia bench rules --topology lookup} measures
 * against the facts the engine uses (rca-rules README, Design). Rules call it in {@code from}
 * clauses: {@code $inst: Node() from topo.out($h, "contains", "nova.instance")}.
 *
 * <p>Each entity's {@link Node} is made once and kept until the entity changes ({@link #changed}).
 * Look-ups see the graph as it is when a rule evaluates; a topology change does not re-evaluate
 * what they matched (the reason the engine holds facts instead).
 */
public final class TopologyLookup {
    private final EntityGraph graph;
    private final Map<String, Node> nodes = new HashMap<>();

    public TopologyLookup(EntityGraph graph) {
        this.graph = graph;
    }

    /** The node of an entity, or null when the graph does not hold it. */
    public Node node(String id) {
        Node n = nodes.get(id);
        if (n == null) {
            Optional<Entity> e = graph.entity(id);
            if (e.isEmpty()) {
                return null;
            }
            n = new Node(e.get());
            nodes.put(id, n);
        }
        return n;
    }

    /** The node of an entity if it has that type, else an empty list. */
    public List<Node> typed(String id, String type) {
        Node n = node(id);
        return n != null && n.getType().equals(type) ? List.of(n) : List.of();
    }

    /** Forgets the node of an entity after a change of it. */
    public void changed(String id) {
        nodes.remove(id);
    }

    /**
     * The targets of {@code id}'s outgoing relationships of type {@code relType} whose entity type
     * is {@code type} (any when null), in adjacency order.
     */
    public List<Node> out(String id, String relType, String type) {
        return far(graph.outgoing(id), relType, type, true);
    }

    /** The sources of {@code id}'s incoming relationships of that type, of that entity type. */
    public List<Node> in(String id, String relType, String type) {
        return far(graph.incoming(id), relType, type, false);
    }

    /** Both lists, one after the other (DRL's {@code or} does not take {@code from} patterns). */
    public List<Node> union(List<Node> a, List<Node> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        List<Node> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    /**
     * Two hops against the relationships: the {@code type2} sources of {@code rel2} into each
     * {@code type1} source of {@code rel1} into {@code id}.
     */
    public List<Node> in2(String id, String rel1, String type1, String rel2, String type2) {
        List<Node> out = List.of();
        for (Node mid : in(id, rel1, type1)) {
            out = union(out, in(mid.getId(), rel2, type2));
        }
        return out;
    }

    /**
     * The services a VNF is a hop of (the look-up form of the {@code InChain} derivation): a {@code
     * network_service} that is {@code chained_to} or {@code includes} it, or one chained to a VNF
     * chained to it (services modelled as a chain only).
     */
    public List<Node> servicesThrough(String vnfId) {
        Node v = node(vnfId);
        if (v == null || !v.getType().equals("vnf")) {
            return List.of();
        }
        List<Node> found = new ArrayList<>();
        Set<String> seenServices = new HashSet<>();
        Set<String> seenVnfs = new HashSet<>(Set.of(vnfId));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(vnfId));
        boolean first = true;
        while (!queue.isEmpty()) {
            String w = queue.poll();
            for (Relationship r : graph.incoming(w)) {
                boolean chained = r.type().equals("chained_to");
                if (!chained && !r.type().equals("includes")) {
                    continue;
                }
                Node s = node(r.source());
                if (s == null) {
                    continue;
                }
                if (s.getType().equals("network_service")) {
                    // a service reaches w directly; through hops only when modelled as a chain
                    if ((first || hasChainedTo(s.getId())) && seenServices.add(s.getId())) {
                        found.add(s);
                    }
                } else if (chained && s.getType().equals("vnf") && seenVnfs.add(s.getId())) {
                    queue.add(s.getId());
                }
            }
            first = false;
        }
        return found;
    }

    private boolean hasChainedTo(String serviceId) {
        for (Relationship r : graph.outgoing(serviceId)) {
            if (r.type().equals("chained_to")) {
                return true;
            }
        }
        return false;
    }

    private List<Node> far(List<Relationship> rels, String relType, String type, boolean target) {
        List<Node> out = null;
        for (Relationship r : rels) {
            if (r.type().equals(relType)) {
                Node n = node(target ? r.target() : r.source());
                if (n != null && (type == null || n.getType().equals(type))) {
                    if (out == null) {
                        out = new ArrayList<>(4);
                    }
                    out.add(n);
                }
            }
        }
        return out == null ? List.of() : out;
    }
}
