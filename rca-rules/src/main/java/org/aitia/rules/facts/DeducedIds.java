package org.aitia.rules.facts;

import java.util.HashMap;
import java.util.Map;
import org.aitia.model.Alarm;

/**
 * A bounded cache of deduced alarm ids ({@link Alarm#idFor} hashes with SHA-256; rules deduce the
 * same few alarms again and again). Thread-confined: one per thread.
 */
final class DeducedIds {
    private static final int MAX = 200_000;
    private static final ThreadLocal<Map<String, String>> CACHE =
            ThreadLocal.withInitial(() -> new HashMap<>(1024));

    private DeducedIds() {}

    static String of(String entityId, String name) {
        Map<String, String> m = CACHE.get();
        String key = entityId + '\u0000' + name;
        String id = m.get(key);
        if (id == null) {
            if (m.size() >= MAX) {
                m.clear();
            }
            id = Alarm.idFor(Alarm.DEDUCED_SOURCE, entityId, name);
            m.put(key, id);
        }
        return id;
    }
}
