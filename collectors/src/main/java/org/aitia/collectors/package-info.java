/**
 * How telemetry and topology enter Aitia: {@link org.aitia.collectors.Collectors} starts the HTTP
 * listeners and the topology datasources of a {@link org.aitia.collectors.CollectorsConfig}; {@link
 * org.aitia.collectors.ParseCommand} and {@link org.aitia.collectors.IngestBench} are the {@code
 * aitia parse} and {@code aitia bench ingest} entry points.
 */
package org.aitia.collectors;
