package org.aitia.topology.query;

import java.util.LinkedHashMap;
import org.aitia.topology.GraphView;
import org.aitia.topology.Walk;
import org.aitia.topology.query.ImpactRule.Flow;

/** The breadth-first walk shared by impact (downstream) and root causes (upstream). */
final class ImpactWalk {
    private ImpactWalk() {}

    /**
     * Walks from {@code root} along impact ({@code upstream} false) or against it ({@code upstream}
     * true), at most {@code maxDepth} hops and {@code limit} entities. Decides each relationship by
     * its type and the known end's type first, and reads the other end's type only when a rule
     * needs it (see {@link Walk}).
     */
    static Walk.Reached walk(
            GraphView view,
            ImpactRules rules,
            String root,
            boolean upstream,
            int maxDepth,
            int limit) {
        return Walk.from(view, root, new Steps(rules, upstream), maxDepth, limit);
    }

    /** The reached entities as a map id -> relationship, in breadth-first order. */
    static LinkedHashMap<String, org.aitia.model.Relationship> asMap(Walk.Reached reached) {
        LinkedHashMap<String, org.aitia.model.Relationship> via =
                new LinkedHashMap<>(Math.max(16, reached.size() * 4 / 3 + 1));
        for (int i = 0; i < reached.size(); i++) {
            via.put(reached.id(i), reached.via(i));
        }
        return via;
    }

    private record Steps(ImpactRules rules, boolean upstream) implements Walk.Steps {
        @Override
        public int step(String relationship, boolean atIsSource, String atType) {
            Flow f = rules.flowKnowing(relationship, atIsSource, atType);
            if (f == null) {
                return Walk.ASK;
            }
            return follows(f, atIsSource) ? Walk.FOLLOW : Walk.SKIP;
        }

        @Override
        public boolean follow(
                String relationship, boolean atIsSource, String atType, String otherType) {
            Flow f =
                    atIsSource
                            ? rules.flow(relationship, atType, otherType)
                            : rules.flow(relationship, otherType, atType);
            return follows(f, atIsSource);
        }

        /** Downstream follows impact: source->target when the known end is the source. */
        private boolean follows(Flow f, boolean atIsSource) {
            return atIsSource == !upstream ? f.forward() : f.backward();
        }
    }
}
