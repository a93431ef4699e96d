package org.aitia.streaming.elasticsearch;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.aitia.model.Alarm;
import org.aitia.model.Json;
import org.aitia.streaming.StreamingConfig.ElasticsearchConfig;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Sink v2 of alarm transitions into Elasticsearch: the alarm's current document (doc id = alarm
 * id, external version = its last event time, so a replayed older transition never overwrites a
 * newer one) and one history document per transition (doc id = alarm id + transition). Bulk
 * requests, retried with back-off while Elasticsearch is unreachable; the documents not yet written
 * are part of the checkpoint, so a crash loses none, and the writer never holds up correlation
 * until {@code maxBufferedDocs} are waiting.
 */
public final class AlarmDocumentSink implements Sink<Alarm>, SupportsWriterState<Alarm, Alarm> {
    private static final long serialVersionUID = 1L;

    private final ElasticsearchConfig config;

    public AlarmDocumentSink(ElasticsearchConfig config) {
        if (!config.enabled()) {
            throw new IllegalArgumentException("the Elasticsearch sink needs at least one host");
        }
        this.config = config;
    }

    @Override
    public SinkWriter<Alarm> createWriter(WriterInitContext context) throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<Alarm, Alarm> restoreWriter(
            WriterInitContext context, Collection<Alarm> pending) throws IOException {
        return new AlarmDocumentWriter(config, pending, context.metricGroup());
    }

    @Override
    public SimpleVersionedSerializer<Alarm> getWriterStateSerializer() {
        return new PendingAlarmSerializer();
    }

    /** A pending alarm in the writer's state: the model's JSON. */
    static final class PendingAlarmSerializer implements SimpleVersionedSerializer<Alarm> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Alarm alarm) {
            return Json.writeBytes(alarm);
        }

        @Override
        public Alarm deserialize(int version, byte[] serialized) {
            return Json.read(serialized, Alarm.class);
        }
    }
}
