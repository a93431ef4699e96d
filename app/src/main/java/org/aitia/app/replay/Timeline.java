package org.aitia.app.replay;

import java.util.ArrayList;
import java.util.List;
import org.aitia.model.TelemetryEvent;

/**
 * When the replay handed each event to the pipeline (wall clock), and what it parsed to; used to
 * find the event that triggered a conclusion, for {@code latency_ms}.
 */
final class Timeline {
    private record Handed(long nanos, List<TelemetryEvent> events) {}

    private final List<Handed> handed = new ArrayList<>();

    void handed(long nanos, List<TelemetryEvent> events) {
        handed.add(new Handed(nanos, events));
    }

    /**
     * The hand-over instant of the latest event before {@code seenNanos} that names the alarm
     * ({@code entityRef} is the entity's id or name and the event's name is the alarm's), else of
     * the latest event before {@code seenNanos}; null when nothing was handed before.
     */
    Long trigger(String entityId, String entityName, String alarmName, long seenNanos) {
        Long fallback = null;
        for (int i = handed.size() - 1; i >= 0; i--) {
            Handed h = handed.get(i);
            if (h.nanos > seenNanos) {
                continue;
            }
            if (fallback == null) {
                fallback = h.nanos;
            }
            for (TelemetryEvent e : h.events) {
                boolean sameEntity =
                        e.entityRef().equals(entityId) || e.entityRef().equals(entityName);
                if (sameEntity && e.name().equals(alarmName)) {
                    return h.nanos;
                }
            }
        }
        return fallback;
    }
}
