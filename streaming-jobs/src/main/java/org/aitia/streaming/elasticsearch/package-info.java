/** The Sink v2 of alarm documents into Elasticsearch. */
package org.aitia.streaming.elasticsearch;
