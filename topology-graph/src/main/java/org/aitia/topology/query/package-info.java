/**
 * Queries on a {@link org.aitia.topology.GraphView}, one interface per capability (JGraphT style),
 * each implementation named after its technique: {@link org.aitia.topology.query.NeighbourQuery},
 * {@link org.aitia.topology.query.ImpactAnalysis} (with configurable {@link
 * org.aitia.topology.query.ImpactRules}), {@link org.aitia.topology.query.RootCauseCandidates},
 * {@link org.aitia.topology.query.ShortestPath}, {@link org.aitia.topology.query.SubgraphQuery} and
 * {@link org.aitia.topology.query.PatternMatcher}. Queries never change the graph; run them on a
 * {@link org.aitia.topology.GraphSnapshot} from threads other than the writer's.
 */
package org.aitia.topology.query;
