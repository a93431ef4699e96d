/** Imports of foreign topology formats: Vitrage's static datasource YAML. */
package org.aitia.topology.io;
