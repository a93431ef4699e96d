/**
 * Topology datasources (OpenStack, Kubernetes, static files) that publish only the differences
 * between successive snapshots as {@link org.aitia.model.TopologyChange}s.
 */
package org.aitia.collectors.topology;
