package org.aitia.topology.query;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.aitia.topology.GraphView;

/**
 * Given the entities that have alarms, the smallest set of upstream entities that explains them
 * all: three instances on one host give the host; two hosts on one switch give the switch. An
 * entity explains itself and everything in its impact.
 */
public interface RootCauseCandidates {

    /**
     * The candidates for {@code alarmed}; empty when {@code alarmed} is empty.
     *
     * @param alarmed ids of entities with alarms; ids absent from {@code view} are reported in
     *     {@link Result#unknown()} and explain nothing
     */
    Result candidates(GraphView view, Collection<String> alarmed);

    /**
     * One candidate root cause.
     *
     * @param id the entity
     * @param explains the alarmed entities it explains (itself included when alarmed)
     */
    record Candidate(String id, Set<String> explains) {}

    /**
     * The answer.
     *
     * @param candidates most explaining first
     * @param unknown alarmed ids that are not in the graph
     */
    record Result(List<Candidate> candidates, List<String> unknown) {

        /** The candidate ids, in order. */
        public List<String> ids() {
            return candidates.stream().map(Candidate::id).toList();
        }
    }
}
