package org.aitia.api.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aitia.api.errors.ApiException;
import org.aitia.api.live.LiveAlarms;
import org.aitia.api.live.LiveTopology;
import org.aitia.api.vitrage.QueryFilter;
import org.aitia.api.vitrage.VitrageViews;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.topology.GraphSnapshot;

/**
 * Vitrage's topology and resource API over the live graph: {@code POST /v1/topology} (node-link
 * graph or tree), {@code /v1/resources} (list, show, count).
 */
public final class TopologyService {
    /** The entity type Vitrage roots trees at. */
    public static final String CLUSTER_TYPE = "openstack.cluster";

    private final LiveTopology topology;
    private final LiveAlarms alarms;

    public TopologyService(LiveTopology topology, LiveAlarms alarms) {
        this.topology = topology;
        this.alarms = alarms;
    }

    /**
     * A topology request.
     *
     * @param graphType {@code graph} or {@code tree}
     * @param depth how far from the root, or null for no limit
     * @param root the vitrage_id to start from, or null
     * @param query Vitrage's query, or null
     */
    public record TopologyQuery(String graphType, Integer depth, String root, JsonNode query) {}

    /** The topology as a node-link graph or a tree. */
    public Map<String, Object> topology(Scope scope, TopologyQuery q) {
        String type = q.graphType() == null ? "graph" : q.graphType();
        if (!type.equals("graph") && !type.equals("tree")) {
            throw ApiException.badRequest("graph_type must be graph or tree but was " + type);
        }
        if (q.depth() != null && q.depth() < 0) {
            throw ApiException.badRequest("depth must not be negative");
        }
        QueryFilter filter = QueryFilter.parse(q.query());
        try (GraphSnapshot g = topology.graph().snapshot()) {
            return type.equals("tree") ? tree(g, scope, q, filter) : graph(g, scope, q, filter);
        }
    }

    private Map<String, Object> graph(
            GraphSnapshot g, Scope scope, TopologyQuery q, QueryFilter filter) {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        if (q.root() != null) {
            Entity root = visible(g, scope, q.root());
            int limit = q.depth() == null ? Integer.MAX_VALUE : q.depth();
            Map<String, Integer> dist = new LinkedHashMap<>();
            Deque<String> todo = new ArrayDeque<>();
            dist.put(root.id(), 0);
            todo.add(root.id());
            while (!todo.isEmpty()) {
                String id = todo.poll();
                int d = dist.get(id);
                if (d >= limit) {
                    continue;
                }
                for (Relationship r : g.relationships(id, org.aitia.topology.Direction.BOTH)) {
                    String next = r.source().equals(id) ? r.target() : r.source();
                    if (!dist.containsKey(next)) {
                        dist.put(next, d + 1);
                        todo.add(next);
                    }
                }
            }
            for (String id : dist.keySet()) {
                g.entity(id).ifPresent(e -> addResource(g, nodes, e, scope, filter));
            }
        } else {
            g.forEachEntity(e -> addResource(g, nodes, e, scope, filter));
        }
        List<Map<String, Object>> nodeList = new ArrayList<>(nodes.values());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodeList.size(); i++) {
            index.put((String) nodeList.get(i).get("vitrage_id"), i);
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (Map<String, Object> n : new ArrayList<>(nodeList)) {
            String id = (String) n.get("vitrage_id");
            for (Relationship r : g.outgoing(id)) {
                Integer t = index.get(r.target());
                if (t != null) {
                    links.add(link(index.get(id), t, r.type()));
                }
            }
        }
        for (Alarm a : alarms.inStartOrder()) {
            Integer on = index.get(a.entityId());
            if (on == null) {
                continue;
            }
            Map<String, Object> view = VitrageViews.alarm(a, g.entity(a.entityId()).orElse(null));
            if (!filter.test(view)) {
                continue;
            }
            nodeList.add(view);
            links.add(link(nodeList.size() - 1, on, Relationship.ON));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("directed", true);
        out.put("multigraph", true);
        out.put("graph", Map.of());
        out.put("nodes", nodeList);
        out.put("links", links);
        return out;
    }

    private void addResource(
            GraphSnapshot g,
            Map<String, Map<String, Object>> nodes,
            Entity e,
            Scope scope,
            QueryFilter filter) {
        if (!scope.sees(e)) {
            return;
        }
        Map<String, Object> view = resourceView(g, e);
        if (filter.test(view)) {
            nodes.put(e.id(), view);
        }
    }

    private static Map<String, Object> resourceView(GraphSnapshot g, Entity e) {
        String state = g.state(e.id()).map(s -> s.operational()).orElse("N/A");
        return VitrageViews.resource(e, state, state);
    }

    private static Map<String, Object> link(int source, int target, String type) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("source", source);
        l.put("target", target);
        l.put("relationship_type", type);
        l.put("key", type);
        l.put("vitrage_is_deleted", false);
        return l;
    }

    private Map<String, Object> tree(
            GraphSnapshot g, Scope scope, TopologyQuery q, QueryFilter filter) {
        Entity root;
        if (q.root() != null) {
            root = visible(g, scope, q.root());
        } else {
            List<Entity> clusters = g.byType(CLUSTER_TYPE);
            if (clusters.size() != 1) {
                throw ApiException.badRequest(
                        "graph_type tree needs a root: there are "
                                + clusters.size()
                                + " entities of type "
                                + CLUSTER_TYPE
                                + "; name one with root");
            }
            root = clusters.get(0);
        }
        int limit = q.depth() == null ? Integer.MAX_VALUE : q.depth();
        Map<String, Map<String, Object>> built = new HashMap<>();
        Map<String, Object> top = new LinkedHashMap<>(resourceView(g, root));
        built.put(root.id(), top);
        Deque<String> todo = new ArrayDeque<>();
        Map<String, Integer> depth = new HashMap<>();
        todo.add(root.id());
        depth.put(root.id(), 0);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            int d = depth.get(id);
            if (d >= limit) {
                continue;
            }
            List<Map<String, Object>> children = new ArrayList<>();
            for (Relationship r : g.outgoing(id)) {
                Entity child = g.entity(r.target()).orElse(null);
                if (child == null || !scope.sees(child)) {
                    continue;
                }
                Map<String, Object> view = resourceView(g, child);
                if (!filter.test(view)) {
                    continue;
                }
                if (built.containsKey(child.id())) {
                    throw ApiException.badRequest(
                            "the topology cannot be represented as a tree: "
                                    + child.id()
                                    + " is reached twice from "
                                    + root.id());
                }
                Map<String, Object> node = new LinkedHashMap<>(view);
                built.put(child.id(), node);
                children.add(node);
                depth.put(child.id(), d + 1);
                todo.add(child.id());
            }
            if (!children.isEmpty()) {
                built.get(id).put("children", children);
            }
        }
        return top;
    }

    private static Entity visible(GraphSnapshot g, Scope scope, String id) {
        Entity e = g.entity(id).orElseThrow(() -> ApiException.notFound("no resource " + id));
        if (!scope.sees(e)) {
            throw ApiException.notFound("no resource " + id);
        }
        return e;
    }

    /** The resources of {@code type} (or all) matching the query, as Vitrage lists them. */
    public List<Map<String, Object>> resources(Scope scope, String type, JsonNode query) {
        QueryFilter filter = QueryFilter.parse(query);
        List<Map<String, Object>> out = new ArrayList<>();
        try (GraphSnapshot g = topology.graph().snapshot()) {
            List<Entity> source = new ArrayList<>();
            if (type == null || type.isBlank()) {
                g.forEachEntity(source::add);
            } else {
                source.addAll(g.byType(type));
            }
            source.sort((a, b) -> a.id().compareTo(b.id()));
            for (Entity e : source) {
                if (scope.sees(e)) {
                    Map<String, Object> view = resourceView(g, e);
                    if (filter.test(view)) {
                        out.add(view);
                    }
                }
            }
        }
        return out;
    }

    /** One resource as Vitrage shows it. */
    public Map<String, Object> resource(Scope scope, String id) {
        try (GraphSnapshot g = topology.graph().snapshot()) {
            return resourceView(g, visible(g, scope, id));
        }
    }

    /** How many resources, grouped by the values of {@code groupBy} ({@code vitrage_type}). */
    public Map<String, Integer> count(Scope scope, String type, JsonNode query, String groupBy) {
        String by = groupBy == null || groupBy.isBlank() ? "vitrage_type" : groupBy;
        Map<String, Integer> counts = new TreeMap<>();
        for (Map<String, Object> r : resources(scope, type, query)) {
            counts.merge(String.valueOf(r.get(by)), 1, Integer::sum);
        }
        return counts;
    }

    /** The causal graph around an active alarm: its causes and consequences, transitively. */
    public Map<String, Object> rca(Scope scope, String alarmId) {
        Alarm inspected =
                alarms.get(alarmId)
                        .orElseThrow(() -> ApiException.notFound("no active alarm " + alarmId));
        if (!scope.sees(topology.entityOrNull(inspected.entityId()))) {
            throw ApiException.notFound("no active alarm " + alarmId);
        }
        Map<String, List<String>> effects = new HashMap<>();
        for (Alarm a : alarms.inStartOrder()) {
            for (String c : a.causedBy()) {
                effects.computeIfAbsent(c, k -> new ArrayList<>()).add(a.id());
            }
        }
        Map<String, Alarm> included = new LinkedHashMap<>();
        included.put(inspected.id(), inspected);
        walk(inspected.id(), included, id -> alarms.get(id).map(Alarm::causedBy).orElse(List.of()));
        walk(inspected.id(), included, id -> effects.getOrDefault(id, List.of()));
        List<Map<String, Object>> nodes = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Alarm a : included.values()) {
            Entity e = topology.entityOrNull(a.entityId());
            if (a != inspected && !scope.sees(e)) {
                continue;
            }
            index.put(a.id(), nodes.size());
            nodes.add(VitrageViews.alarm(a, e));
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (Alarm a : included.values()) {
            Integer target = index.get(a.id());
            for (String c : a.causedBy()) {
                Integer source = index.get(c);
                if (source != null && target != null) {
                    Map<String, Object> l = new LinkedHashMap<>();
                    l.put("source", source);
                    l.put("target", target);
                    l.put("relationship_type", "causes");
                    l.put("key", "causes");
                    l.put("vitrage_is_deleted", false);
                    links.add(l);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("directed", true);
        out.put("multigraph", false);
        out.put("graph", Map.of());
        out.put("nodes", nodes);
        out.put("links", links);
        out.put("inspected_index", index.get(inspected.id()));
        return out;
    }

    private void walk(
            String start,
            Map<String, Alarm> included,
            java.util.function.Function<String, List<String>> next) {
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            for (String n : next.apply(todo.poll())) {
                if (!included.containsKey(n)) {
                    alarms.get(n)
                            .ifPresent(
                                    a -> {
                                        included.put(n, a);
                                        todo.add(n);
                                    });
                }
            }
        }
    }
}
