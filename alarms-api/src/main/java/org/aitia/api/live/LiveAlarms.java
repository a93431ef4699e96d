package org.aitia.api.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.aitia.model.Alarm;

/**
 * The active alarms, as the compacted {@code aitia.alarms} topic says: a raised or updated alarm is
 * in, a cleared alarm or a tombstone leaves. Reads never block; the one writer is the Kafka feed
 * (or a test or benchmark applying alarms directly).
 *
 * <p>Alarms are also kept in Vitrage's default order ({@code start_timestamp}, then {@code
 * vitrage_id}), so the first page of {@code GET /v1/alarm/} costs its own length, not the number of
 * alarms.
 */
public final class LiveAlarms {

    /** Vitrage's default sort key. */
    public record StartKey(Instant start, String id) implements Comparable<StartKey> {
        private static final Comparator<StartKey> ORDER =
                Comparator.comparing(StartKey::start).thenComparing(StartKey::id);

        @Override
        public int compareTo(StartKey o) {
            return ORDER.compare(this, o);
        }
    }

    private final Map<String, Alarm> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<StartKey, Alarm> ordered = new ConcurrentSkipListMap<>();
    private final List<Consumer<Alarm>> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} with every alarm transition applied (active or cleared). */
    public void onTransition(Consumer<Alarm> listener) {
        listeners.add(listener);
    }

    /** Applies one record of {@code aitia.alarms}: {@code alarm} null is a tombstone. */
    public void apply(String id, Alarm alarm) {
        Alarm previous = alarm != null && alarm.isActive() ? byId.put(id, alarm) : byId.remove(id);
        if (previous != null) {
            ordered.remove(new StartKey(previous.firstSeen(), previous.id()));
        }
        if (alarm != null && alarm.isActive()) {
            ordered.put(new StartKey(alarm.firstSeen(), alarm.id()), alarm);
        }
        if (alarm != null) {
            for (Consumer<Alarm> l : listeners) {
                l.accept(alarm);
            }
        }
    }

    /** The active alarm of that id. */
    public Optional<Alarm> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The number of active alarms. */
    public int size() {
        return byId.size();
    }

    /** Every active alarm in Vitrage's default order, a live view. */
    public Collection<Alarm> inStartOrder() {
        return ordered.values();
    }

    /** The active alarms after {@code marker} (an alarm id) in the default order. */
    public Collection<Alarm> inStartOrderAfter(String marker) {
        Alarm m = byId.get(marker);
        if (m == null) {
            return null;
        }
        return ordered.tailMap(new StartKey(m.firstSeen(), m.id()), false).values();
    }

    /** A copy of every active alarm, in no order. */
    public List<Alarm> snapshot() {
        return new ArrayList<>(byId.values());
    }
}
