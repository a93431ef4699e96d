/** The seeded NFV topology generator used by tests, benchmarks and the demo. */
package org.aitia.topology.generate;
