/**
 * {@code aitia run}: the whole engine on one machine, or against external Kafka, Flink and
 * Elasticsearch.
 */
package org.aitia.app.run;
