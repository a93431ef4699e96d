/**
 * State aggregation from Vitrage's {@code datasources_values} tables: raw states to operational
 * states with priorities, the highest priority winning.
 */
package org.aitia.topology.state;
