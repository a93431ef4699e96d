/**
 * The Flink assurance job: {@link org.aitia.streaming.AssuranceJob} wires it, {@link
 * org.aitia.streaming.EmbeddedAssurance} runs it on an embedded MiniCluster, {@link
 * org.aitia.streaming.StreamingConfig} configures it, {@link org.aitia.streaming.E2eBench} measures
 * it end to end.
 */
package org.aitia.streaming;
