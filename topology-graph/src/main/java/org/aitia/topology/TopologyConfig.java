package org.aitia.topology;

import java.nio.file.Path;
import java.util.List;
import org.aitia.topology.query.BreadthFirstSubgraph;
import org.aitia.topology.query.GreedySetCoverRootCauseCandidates;
import org.aitia.topology.query.ImpactRule;
import org.aitia.topology.query.ImpactRules;
import org.aitia.topology.state.StateTables;

/**
 * The {@code topology} section of {@code aitia.yaml}. Every field is optional.
 *
 * <pre>
 * topology:
 *   datasources-values-dir: /etc/aitia/datasources_values   # more tables, Vitrage's format
 *   expected-entities: 100000                                # sizing hint per graph
 *   impact-rules:                                            # added to the defaults
 *     - {relationship: chained_to, flow: SOURCE_TO_TARGET}
 *     - {relationship: contains, source-type: nova.host, target-type: nic, flow: BOTH}
 *   root-cause-max-depth: 16
 *   subgraph-max-entities: 10000
 * </pre>
 *
 * @param datasourcesValuesDir a directory of extra state tables in Vitrage's {@code
 *     datasources_values} format, merged over the bundled ones; null for none
 * @param expectedEntities a sizing hint for each graph (default 10,000)
 * @param impactRules rules added to {@link ImpactRules#defaults()}, replacing a default for the
 *     same relationship and end types (default none)
 * @param rootCauseMaxDepth how far upstream root-cause search looks (default 16)
 * @param subgraphMaxEntities the most entities a subgraph query returns (default 10,000)
 */
public record TopologyConfig(
        String datasourcesValuesDir,
        Integer expectedEntities,
        List<ImpactRule> impactRules,
        Integer rootCauseMaxDepth,
        Integer subgraphMaxEntities) {

    public TopologyConfig {
        expectedEntities = expectedEntities == null ? 10_000 : expectedEntities;
        impactRules = impactRules == null ? List.of() : List.copyOf(impactRules);
        rootCauseMaxDepth = rootCauseMaxDepth == null ? 16 : rootCauseMaxDepth;
        subgraphMaxEntities = subgraphMaxEntities == null ? 10_000 : subgraphMaxEntities;
        if (expectedEntities < 0 || rootCauseMaxDepth < 1 || subgraphMaxEntities < 1) {
            throw new IllegalArgumentException(
                    "topology: expected-entities must be >= 0, root-cause-max-depth and"
                            + " subgraph-max-entities >= 1");
        }
    }

    /** All defaults. */
    public static TopologyConfig defaults() {
        return new TopologyConfig(null, null, null, null, null);
    }

    /** The bundled state tables, with those of {@link #datasourcesValuesDir} merged in. */
    public StateTables stateTables() {
        StateTables t = StateTables.defaults();
        return datasourcesValuesDir == null
                ? t
                : t.with(StateTables.loadDirectory(Path.of(datasourcesValuesDir)));
    }

    /** The default impact rules with {@link #impactRules} applied. */
    public ImpactRules rules() {
        return impactRules.isEmpty()
                ? ImpactRules.defaults()
                : ImpactRules.defaults().with(impactRules);
    }

    /** An empty graph with these state tables and sizing. */
    public EntityGraph newGraph() {
        return new EntityGraph(stateTables(), expectedEntities);
    }

    /** Root-cause search with these rules and depth. */
    public GreedySetCoverRootCauseCandidates rootCauses() {
        return new GreedySetCoverRootCauseCandidates(rules(), rootCauseMaxDepth, 100_000);
    }

    /** Subgraph queries (both directions) with this entity limit. */
    public BreadthFirstSubgraph subgraphs() {
        return new BreadthFirstSubgraph(Direction.BOTH, subgraphMaxEntities);
    }
}
