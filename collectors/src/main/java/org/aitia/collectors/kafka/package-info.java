/** Publishing to Kafka: telemetry, raw bodies, dead letters and topology changes. */
package org.aitia.collectors.kafka;
