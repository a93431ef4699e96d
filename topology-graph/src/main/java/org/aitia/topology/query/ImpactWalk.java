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
     * true), at most {@code maxDepth} hops and {@code limit} entities.
     */
    static LinkedHashMap<String, Relationship> walk(
            GraphView view,
            ImpactRules rules,
            String root,
            boolean upstream,
            int maxDepth,
            int limit) {
        LinkedHashMap<String, Relationship> via = new LinkedHashMap<>();
        GraphView.Vertex start = view.vertex(root);
        if (start == null) {
            return via;
        }
        ArrayDeque<GraphView.Vertex> queue = new ArrayDeque<>();
        queue.add(start);
        int depth = 0;
        int levelLeft = 1;
        int nextLevel = 0;
        while (!queue.isEmpty() && depth < maxDepth) {
            GraphView.Vertex at = queue.poll();
            String atType = at.entity().type();
            List<Relationship> out = at.outgoing();
            for (int i = 0; i < out.size(); i++) {
                Relationship r = out.get(i);
                String other = r.target();
                if (other.equals(root) || via.containsKey(other)) {
                    continue;
                }
                GraphView.Vertex o = null;
                Flow f;
                if (rules.needsEndTypes(r.type())) {
                    o = view.vertex(other);
                    f = o == null ? Flow.NONE : rules.flow(r.type(), atType, o.entity().type());
                } else {
                    f = rules.flow(r.type());
                }
                if (upstream ? f.backward() : f.forward()) {
                    if (o == null) {
                        o = view.vertex(other);
                    }
                    if (o != null) {
                        via.put(other, r);
                        queue.add(o);
                        nextLevel++;
                        if (via.size() >= limit) {
                            return via;
                        }
                    }
                }
            }
            List<Relationship> in = at.incoming();
            for (int i = 0; i < in.size(); i++) {
                Relationship r = in.get(i);
                String other = r.source();
                if (other.equals(root) || via.containsKey(other)) {
                    continue;
                }
                GraphView.Vertex o = null;
                Flow f;
                if (rules.needsEndTypes(r.type())) {
                    o = view.vertex(other);
                    f = o == null ? Flow.NONE : rules.flow(r.type(), o.entity().type(), atType);
                } else {
                    f = rules.flow(r.type());
                }
                if (upstream ? f.forward() : f.backward()) {
                    if (o == null) {
                        o = view.vertex(other);
                    }
                    if (o != null) {
                        via.put(other, r);
                        queue.add(o);
                        nextLevel++;
                        if (via.size() >= limit) {
                            return via;
                        }
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
