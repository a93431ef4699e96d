package org.aitia.topology.query;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import org.aitia.model.Relationship;
import org.aitia.topology.GraphView;
import org.aitia.topology.query.ImpactRule.Flow;

/** The breadth-first walk shared by impact (downstream) and root causes (upstream). */
final class ImpactWalk {
    private ImpactWalk() {}

    /**
     * Walks from {@code root} along impact ({@code upstream} false) or against it ({@code upstream}
     * true), at most {@code maxDepth} hops and {@code limit} entities. Decides each relationship by
     * its type and the known end's type first, and looks the other end up only when it is followed
     * or when a rule needs its type: memory latency, not arithmetic, is what a walk over a large
     * graph costs.
     */
    static LinkedHashMap<String, Relationship> walk(
            GraphView view,
            ImpactRules rules,
            String root,
            boolean upstream,
            int maxDepth,
            int limit) {
        LinkedHashMap<String, Relationship> via = new LinkedHashMap<>(512);
        GraphView.Vertex start = view.vertex(root);
        if (start == null) {
            return via;
        }
        String rootId = start.entity().id();
        ArrayDeque<GraphView.Vertex> queue = new ArrayDeque<>(256);
        queue.add(start);
        int depth = 0;
        int levelLeft = 1;
        int nextLevel = 0;
        while (!queue.isEmpty() && depth < maxDepth) {
            GraphView.Vertex at = queue.poll();
            String atType = at.entity().type();
            for (int side = 0; side < 2; side++) {
                boolean atIsSource = side == 0;
                List<Relationship> edges = atIsSource ? at.outgoing() : at.incoming();
                for (int i = 0; i < edges.size(); i++) {
                    Relationship r = edges.get(i);
                    GraphView.Vertex o = null;
                    Flow f = rules.flowKnowing(r.type(), atIsSource, atType);
                    String other = atIsSource ? r.target() : r.source();
                    if (f == null) {
                        if (other == rootId || via.containsKey(other)) {
                            continue;
                        }
                        o = view.vertex(other);
                        if (o == null) {
                            continue;
                        }
                        f =
                                atIsSource
                                        ? rules.flow(r.type(), atType, o.entity().type())
                                        : rules.flow(r.type(), o.entity().type(), atType);
                    }
                    // Downstream follows impact: source->target when at is the source.
                    boolean follow = atIsSource == !upstream ? f.forward() : f.backward();
                    if (!follow || other.equals(rootId) || via.containsKey(other)) {
                        continue;
                    }
                    if (o == null) {
                        o = view.vertex(other);
                        if (o == null) {
                            continue;
                        }
                    }
                    via.put(other, r);
                    queue.add(o);
                    nextLevel++;
                    if (via.size() >= limit) {
                        return via;
                    }
                }
            }
            if (--levelLeft == 0) {
                depth++;
                levelLeft = nextLevel;
                nextLevel = 0;
            }
        }
        return via;
    }
}
