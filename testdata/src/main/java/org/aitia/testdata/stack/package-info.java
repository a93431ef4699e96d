/**
 * Launchers of the real servers used by integration tests and {@code aitia run}: a Kafka broker in
 * KRaft mode ({@link org.aitia.testdata.stack.KafkaBroker}), an Elasticsearch node ({@link
 * org.aitia.testdata.stack.ElasticsearchNode}) and a standalone Flink session cluster ({@link
 * org.aitia.testdata.stack.FlinkSessionCluster}).
 *
 * <p>Each server runs as a child process bound to 127.0.0.1 on free ports, writes its log to a file
 * in its data directory, and is destroyed by {@code close()} or, at the latest, by a JVM shutdown
 * hook, so nothing survives a test run.
 */
package org.aitia.testdata.stack;
