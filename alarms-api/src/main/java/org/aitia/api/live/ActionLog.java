package org.aitia.api.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aitia.model.ActionResult;
import org.aitia.model.HealingAction;

/**
 * The healing actions seen on {@code aitia.actions} and their latest results from {@code
 * aitia.action-results}, the most recent {@code capacity} actions (older ones are in the
 * Elasticsearch audit indices).
 */
public final class ActionLog {

    /**
     * An action and what became of it.
     *
     * @param action the action, or null when only its result was seen
     * @param results every result, oldest first
     */
    public record Entry(HealingAction action, List<ActionResult> results) {
        public Entry {
            results = List.copyOf(results);
        }

        /** The latest result, or empty while none came. */
        public Optional<ActionResult> latest() {
            return results.isEmpty()
                    ? Optional.empty()
                    : Optional.of(results.get(results.size() - 1));
        }
    }

    private final int capacity;
    private final LinkedHashMap<String, Entry> entries;

    public ActionLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1");
        }
        this.capacity = capacity;
        this.entries =
                new LinkedHashMap<>(16, 0.75f, false) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                        return size() > ActionLog.this.capacity;
                    }
                };
    }

    public synchronized void action(HealingAction a) {
        Entry e = entries.get(a.id());
        entries.put(a.id(), new Entry(a, e == null ? List.of() : e.results()));
    }

    public synchronized void result(ActionResult r) {
        Entry e = entries.get(r.actionId());
        List<ActionResult> rs = new ArrayList<>(e == null ? List.of() : e.results());
        rs.add(r);
        rs.sort(Comparator.comparing(ActionResult::at));
        entries.put(r.actionId(), new Entry(e == null ? null : e.action(), rs));
    }

    public synchronized Optional<Entry> get(String actionId) {
        return Optional.ofNullable(entries.get(actionId));
    }

    /** Every entry, newest first. */
    public synchronized List<Entry> all() {
        List<Entry> all = new ArrayList<>(entries.values());
        java.util.Collections.reverse(all);
        return all;
    }
}
