package org.aitia.topology.query;

import org.aitia.model.Topology;

/**
 * The part of the graph around a root.
 *
 * @param root the root entity id
 * @param depth the depth asked for
 * @param topology the entities within the depth and the relationships between them; empty when the
 *     root is absent
 * @param truncated true when the entity limit stopped the search before the depth was reached
 */
public record Subgraph(String root, int depth, Topology topology, boolean truncated) {}
