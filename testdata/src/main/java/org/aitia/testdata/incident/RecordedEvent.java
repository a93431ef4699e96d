package org.aitia.testdata.incident;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message a source sent during the incident (a line of {@code events.jsonl}).
 *
 * @param line the line in events.jsonl, for reports
 * @param atMs milliseconds after the incident start; paces the replay
 * @param source {@code ves}, {@code collectd}, {@code alertmanager}, {@code doctor} or {@code
 *     topology}
 * @param payload exactly what the source sent
 */
public record RecordedEvent(int line, long atMs, String source, JsonNode payload) {
    /** The payload as the JSON text a listener would have received. */
    public String payloadText() {
        return payload.toString();
    }
}
