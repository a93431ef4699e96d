package org.aitia.streaming.functions;

import org.aitia.model.TelemetryEvent;
import org.aitia.model.TopologyChange;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/** Event-time timestamps of the job's inputs. */
public final class EventTimestamps {
    private EventTimestamps() {}

    /** A telemetry event's own event time. */
    public static final class Telemetry implements SerializableTimestampAssigner<TelemetryEvent> {
        private static final long serialVersionUID = 1L;

        @Override
        public long extractTimestamp(TelemetryEvent e, long recordTimestamp) {
            return e.eventTime().toEpochMilli();
        }
    }

    /** When the datasource observed the change, else the Kafka record's timestamp. */
    public static final class Topology implements SerializableTimestampAssigner<TopologyChange> {
        private static final long serialVersionUID = 1L;

        @Override
        public long extractTimestamp(TopologyChange c, long recordTimestamp) {
            return c.time() != null ? c.time().toEpochMilli() : recordTimestamp;
        }
    }
}
