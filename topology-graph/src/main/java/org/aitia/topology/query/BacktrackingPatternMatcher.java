package org.aitia.topology.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.topology.GraphView;

/**
 * {@link PatternMatcher} by backtracking from the anchor: the anchor is tried as each pattern
 * vertex it satisfies, then the other pattern vertices are bound in breadth-first order, each from
 * the adjacency of an already bound neighbour along a pattern edge, checking every other pattern
 * edge between bound vertices. The cost is bounded by the degrees around the anchor, not by the
 * size of the graph.
 */
public final class BacktrackingPatternMatcher implements PatternMatcher {
    private final int maxMatches;

    /** At most 100,000 matches per call. */
    public BacktrackingPatternMatcher() {
        this(100_000);
    }

    /**
     * @param maxMatches the most matches one call returns (at least 1)
     */
    public BacktrackingPatternMatcher(int maxMatches) {
        if (maxMatches < 1) {
            throw new IllegalArgumentException("maxMatches must be >= 1, not " + maxMatches);
        }
        this.maxMatches = maxMatches;
    }

    @Override
    public List<Match> matchesIncluding(GraphView view, Pattern pattern, String anchorId) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(pattern, "pattern");
        Entity anchor = view.entity(anchorId).orElse(null);
        if (anchor == null) {
            return List.of();
        }
        List<Match> found = new ArrayList<>();
        for (Pattern.Vertex start : pattern.vertices().values()) {
            if (start.accepts(anchor)) {
                Plan plan = Plan.from(pattern, start.alias());
                Entity[] bound = new Entity[plan.order.length];
                bound[0] = anchor;
                Set<String> used = new HashSet<>();
                used.add(anchor.id());
                extend(view, plan, 1, bound, used, found);
                if (found.size() >= maxMatches) {
                    break;
                }
            }
        }
        return Collections.unmodifiableList(found);
    }

    private void extend(
            GraphView view,
            Plan plan,
            int step,
            Entity[] bound,
            Set<String> used,
            List<Match> found) {
        if (found.size() >= maxMatches) {
            return;
        }
        if (step == plan.order.length) {
            Map<String, Entity> bindings = new LinkedHashMap<>();
            for (String alias : plan.pattern.vertices().keySet()) {
                bindings.put(alias, bound[plan.position.get(alias)]);
            }
            found.add(new Match(Collections.unmodifiableMap(bindings)));
            return;
        }
        Pattern.Vertex v = plan.order[step];
        Pattern.Edge link = plan.link[step];
        boolean fromSource = plan.position.get(link.source()) < step;
        Entity known = bound[plan.position.get(fromSource ? link.source() : link.target())];
        List<Relationship> candidates =
                fromSource ? view.outgoing(known.id()) : view.incoming(known.id());
        for (int i = 0; i < candidates.size(); i++) {
            Relationship r = candidates.get(i);
            if (!r.type().equals(link.type())) {
                continue;
            }
            String otherId = fromSource ? r.target() : r.source();
            if (used.contains(otherId)) {
                continue;
            }
            Entity other = view.entity(otherId).orElse(null);
            if (other == null || !v.accepts(other)) {
                continue;
            }
            bound[step] = other;
            if (otherEdgesHold(view, plan, step, bound)) {
                used.add(otherId);
                extend(view, plan, step + 1, bound, used, found);
                used.remove(otherId);
            }
            bound[step] = null;
        }
    }

    /**
     * Every pattern edge between the vertex bound at {@code step} and earlier ones, but its link.
     */
    private static boolean otherEdgesHold(GraphView view, Plan plan, int step, Entity[] bound) {
        for (Pattern.Edge e : plan.checks[step]) {
            Relationship r =
                    new Relationship(
                            bound[plan.position.get(e.source())].id(),
                            bound[plan.position.get(e.target())].id(),
                            e.type());
            if (!view.hasRelationship(r)) {
                return false;
            }
        }
        return true;
    }

    /** The order in which pattern vertices are bound, from one start vertex. */
    private static final class Plan {
        final Pattern pattern;
        final Pattern.Vertex[] order;
        final Pattern.Edge[] link;
        final List<Pattern.Edge>[] checks;
        final Map<String, Integer> position = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        private Plan(Pattern pattern, String start) {
            this.pattern = pattern;
            int n = pattern.vertices().size();
            order = new Pattern.Vertex[n];
            link = new Pattern.Edge[n];
            checks = new List[n];
            order[0] = pattern.vertices().get(start);
            position.put(start, 0);
            int placed = 1;
            while (placed < n) {
                for (Pattern.Edge e : pattern.edges()) {
                    boolean s = position.containsKey(e.source());
                    boolean t = position.containsKey(e.target());
                    if (s != t) {
                        String next = s ? e.target() : e.source();
                        position.put(next, placed);
                        order[placed] = pattern.vertices().get(next);
                        link[placed] = e;
                        placed++;
                        break;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (checks[i] == null) {
                    checks[i] = new ArrayList<>();
                }
            }
            Set<Pattern.Edge> links = new HashSet<>();
            for (Pattern.Edge e : link) {
                if (e != null) {
                    links.add(e);
                }
            }
            for (Pattern.Edge e : pattern.edges()) {
                if (!links.remove(e)) {
                    int later = Math.max(position.get(e.source()), position.get(e.target()));
                    checks[later].add(e);
                }
            }
        }

        static Plan from(Pattern pattern, String start) {
            return new Plan(pattern, start);
        }
    }
}
