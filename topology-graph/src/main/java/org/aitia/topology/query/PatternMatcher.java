package org.aitia.topology.query;

import java.util.List;
import java.util.Map;
import org.aitia.model.Entity;
import org.aitia.topology.GraphView;

/**
 * Anchored pattern matching: every match of a small {@link Pattern} that includes a given entity —
 * the building block of the template compiler (a change to one entity re-evaluates only the matches
 * around it).
 */
public interface PatternMatcher {

    /**
     * Every match of {@code pattern} in which some pattern vertex is {@code anchorId}; empty when
     * there is none or the anchor is absent. Distinct pattern vertices match distinct entities.
     */
    List<Match> matchesIncluding(GraphView view, Pattern pattern, String anchorId);

    /**
     * One match.
     *
     * @param bindings pattern vertex alias to the entity it matched, in the pattern's order
     */
    record Match(Map<String, Entity> bindings) {

        /** The entity bound to {@code alias}, or null. */
        public Entity get(String alias) {
            return bindings.get(alias);
        }
    }
}
