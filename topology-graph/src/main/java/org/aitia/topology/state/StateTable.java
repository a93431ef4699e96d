package org.aitia.topology.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One datasource's table from Vitrage's {@code datasources_values/<type>.yaml}: raw states (upper
 * case) to their operational value and priority.
 *
 * @param type the datasource or entity type (the file name without {@code .yaml})
 * @param category {@code RESOURCE} or {@code ALARM}
 * @param values upper-cased raw state to its value
 */
public record StateTable(String type, String category, Map<String, Value> values) {

    /** What a raw state means. */
    public record Value(String operational, int priority) {}

    public StateTable {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code rawState} (case-insensitive, as Vitrage), or null when unknown. */
    public Value lookup(String rawState) {
        return rawState == null ? null : values.get(rawState.toUpperCase(Locale.ROOT));
    }

    /** This table with {@code other}'s raw states added (other wins on a clash). */
    public StateTable mergedWith(StateTable other) {
        Map<String, Value> all = new LinkedHashMap<>(values);
        all.putAll(other.values);
        return new StateTable(type, category, all);
    }
}
