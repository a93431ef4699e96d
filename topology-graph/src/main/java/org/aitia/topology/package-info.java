/**
 * The live entity graph of the cloud: {@link org.aitia.topology.EntityGraph} (one writer applying
 * {@link org.aitia.model.TopologyChange}s, many readers on {@link
 * org.aitia.topology.GraphSnapshot}s), the canonical {@code topology.json} ({@link
 * org.aitia.topology.TopologyJson}) and the topology benchmark ({@link
 * org.aitia.topology.TopologyBench}). Queries live in {@code org.aitia.topology.query}, state
 * aggregation in {@code org.aitia.topology.state}, imports in {@code org.aitia.topology.io}, the
 * NFV topology generator in {@code org.aitia.topology.generate}.
 */
package org.aitia.topology;
