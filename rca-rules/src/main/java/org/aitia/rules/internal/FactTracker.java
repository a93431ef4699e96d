package org.aitia.rules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.rules.facts.ActionRequest;
import org.aitia.rules.facts.AlarmFact;
import org.aitia.rules.facts.CausalLink;
import org.aitia.rules.facts.EntityState;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Watches the session's working memory and keeps what the engine reports from: one {@link
 * AlarmEntry} per alarm id (its active fact, its causal links in both directions), the active alarm
 * facts of each entity, the states of each entity, and what changed since the last {@link #drain}:
 * alarm entries, entity ids and new action requests.
 */
public final class FactTracker implements RuleRuntimeEventListener {
    private final Map<String, AlarmEntry> alarms = new HashMap<>();

    /** Entity id to its active alarm facts: one {@code AlarmFact}, or a list of them. */
    private final Map<String, Object> byEntity = new HashMap<>();

    private final Map<String, Map<String, EntityState>> states = new HashMap<>();
    private List<AlarmEntry> dirtyAlarms = new ArrayList<>();
    private Set<String> dirtyEntities = new LinkedHashSet<>();
    private List<ActionRequest> newRequests = new ArrayList<>();

    /**
     * What the tracker knows of one alarm id: its active fact (null once retracted), the causal
     * links into it and the ids it causes. Held while any of these is, or while it is changed and
     * not yet drained.
     */
    public static final class AlarmEntry {
        private final String id;
        private AlarmFact fact;
        private Map<String, CausalLink> causes;
        private Set<String> effects;
        private boolean dirty;

        private AlarmEntry(String id) {
            this.id = id;
        }

        /** The alarm id. */
        public String id() {
            return id;
        }

        /** The active alarm fact, or null. */
        public AlarmFact fact() {
            return fact;
        }

        /** The ids of the alarms that cause this one directly, sorted; empty when none. */
        public List<String> causes() {
            if (causes == null) {
                return List.of();
            }
            if (causes.size() == 1) {
                return List.of(causes.keySet().iterator().next());
            }
            String[] ids = causes.keySet().toArray(new String[0]);
            Arrays.sort(ids);
            return List.of(ids);
        }

        private boolean unused() {
            return fact == null && causes == null && effects == null && !dirty;
        }
    }

    @Override
    public void objectInserted(ObjectInsertedEvent e) {
        Object o = e.getObject();
        if (o instanceof AlarmFact a) {
            AlarmEntry entry = entry(a.getId());
            entry.fact = a;
            changed(entry);
            index(a);
        } else if (o instanceof CausalLink c) {
            AlarmEntry effect = entry(c.getEffectId());
            if (effect.causes == null) {
                effect.causes = new HashMap<>(4);
            }
            effect.causes.put(c.getCauseId(), c);
            AlarmEntry cause = entry(c.getCauseId());
            if (cause.effects == null) {
                cause.effects = new HashSet<>(4);
            }
            cause.effects.add(c.getEffectId());
            changed(effect);
        } else if (o instanceof EntityState s) {
            states.computeIfAbsent(s.getEntityId(), k -> new LinkedHashMap<>())
                    .put(s.getState(), s);
            dirtyEntities.add(s.getEntityId());
        } else if (o instanceof ActionRequest r) {
            newRequests.add(r);
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent e) {
        if (e.getObject() instanceof AlarmFact a) {
            touch(a.getId());
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent e) {
        Object o = e.getOldObject();
        if (o instanceof AlarmFact a) {
            AlarmEntry entry = alarms.get(a.getId());
            if (entry != null) {
                entry.fact = null;
                changed(entry);
            }
            unindex(a);
        } else if (o instanceof CausalLink c) {
            AlarmEntry cause = alarms.get(c.getCauseId());
            if (cause != null && cause.effects != null) {
                cause.effects.remove(c.getEffectId());
                if (cause.effects.isEmpty()) {
                    cause.effects = null;
                }
                release(cause);
            }
            AlarmEntry effect = alarms.get(c.getEffectId());
            if (effect != null) {
                if (effect.causes != null) {
                    effect.causes.remove(c.getCauseId());
                    if (effect.causes.isEmpty()) {
                        effect.causes = null;
                    }
                }
                changed(effect);
            }
        } else if (o instanceof EntityState s) {
            Map<String, EntityState> m = states.get(s.getEntityId());
            if (m != null) {
                m.remove(s.getState());
                if (m.isEmpty()) {
                    states.remove(s.getEntityId());
                }
            }
            dirtyEntities.add(s.getEntityId());
        } else if (o instanceof ActionRequest r) {
            newRequests.remove(r);
        }
    }

    /** The active alarm fact with this id, or null. */
    public AlarmFact alarm(String id) {
        AlarmEntry entry = alarms.get(id);
        return entry == null ? null : entry.fact;
    }

    /** The active alarm facts on this entity (raw and deduced), in no particular order. */
    public List<AlarmFact> alarmsOn(String entityId) {
        Object o = byEntity.get(entityId);
        if (o == null) {
            return List.of();
        }
        if (o instanceof AlarmFact a) {
            return List.of(a);
        }
        @SuppressWarnings("unchecked")
        List<AlarmFact> list = (List<AlarmFact>) o;
        return List.copyOf(list);
    }

    /** The ids of every active alarm, in no particular order. */
    public List<String> activeAlarmIds() {
        List<String> ids = new ArrayList<>(alarms.size());
        for (AlarmEntry entry : alarms.values()) {
            if (entry.fact != null) {
                ids.add(entry.id);
            }
        }
        return ids;
    }

    /** The ids of the alarms that cause {@code effectId} directly, sorted; empty when none. */
    public List<String> causes(String effectId) {
        AlarmEntry entry = alarms.get(effectId);
        return entry == null ? List.of() : entry.causes();
    }

    /** The causal links into {@code effectId}; empty when none. */
    public Map<String, CausalLink> causeLinks(String effectId) {
        AlarmEntry entry = alarms.get(effectId);
        return entry == null || entry.causes == null ? Map.of() : entry.causes;
    }

    /** The ids of the alarms {@code causeId} causes directly; empty when none. */
    public Set<String> effects(String causeId) {
        AlarmEntry entry = alarms.get(causeId);
        return entry == null || entry.effects == null ? Set.of() : entry.effects;
    }

    /** The states rules hold for {@code entityId}; empty when none. */
    public Map<String, EntityState> states(String entityId) {
        return states.getOrDefault(entityId, Map.of());
    }

    /** Every entity some rule holds a state for. */
    public Set<String> entitiesWithState() {
        return states.keySet();
    }

    /** Marks an alarm changed (a raw alarm updated by its source). */
    public void touch(String alarmId) {
        AlarmEntry entry = alarms.get(alarmId);
        if (entry != null) {
            changed(entry);
        }
    }

    /**
     * The entries of these alarm ids, in that order: for a report of alarms whether or not the
     * tracker saw them change (a new session). An id the tracker holds nothing of gets an empty
     * entry, which the tracker does not keep.
     */
    public List<AlarmEntry> entries(Iterable<String> alarmIds) {
        List<AlarmEntry> out = new ArrayList<>();
        for (String id : alarmIds) {
            AlarmEntry entry = alarms.get(id);
            out.add(entry == null ? new AlarmEntry(id) : entry);
        }
        return out;
    }

    /** What changed since the last drain, and forgets it. */
    public Changes drain() {
        if (dirtyAlarms.isEmpty() && dirtyEntities.isEmpty() && newRequests.isEmpty()) {
            return Changes.NONE;
        }
        List<AlarmEntry> changed = List.copyOf(dirtyAlarms);
        for (AlarmEntry entry : changed) {
            entry.dirty = false;
            release(entry);
        }
        Changes c = new Changes(changed, List.copyOf(dirtyEntities), List.copyOf(newRequests));
        dirtyAlarms = dirtyAlarms.size() > 256 ? new ArrayList<>() : cleared(dirtyAlarms);
        dirtyEntities = dirtyEntities.size() > 256 ? new LinkedHashSet<>() : cleared(dirtyEntities);
        newRequests.clear();
        return c;
    }

    /** Adds a fact to its entity's index (most entities hold one alarm: no list then). */
    private void index(AlarmFact a) {
        Object prev = byEntity.putIfAbsent(a.getEntityId(), a);
        if (prev == null || prev == a) {
            return;
        }
        if (prev instanceof AlarmFact single) {
            List<AlarmFact> list = new ArrayList<>(4);
            list.add(single);
            list.add(a);
            byEntity.put(a.getEntityId(), list);
        } else {
            @SuppressWarnings("unchecked")
            List<AlarmFact> list = (List<AlarmFact>) prev;
            if (!list.contains(a)) {
                list.add(a);
            }
        }
    }

    private void unindex(AlarmFact a) {
        Object o = byEntity.get(a.getEntityId());
        if (o == a) {
            byEntity.remove(a.getEntityId());
        } else if (o instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == a) {
                    list.remove(i);
                    break;
                }
            }
            if (list.size() == 1) {
                byEntity.put(a.getEntityId(), list.get(0));
            } else if (list.isEmpty()) {
                byEntity.remove(a.getEntityId());
            }
        }
    }

    private AlarmEntry entry(String id) {
        AlarmEntry entry = alarms.get(id);
        if (entry == null) {
            entry = new AlarmEntry(id);
            alarms.put(id, entry);
        }
        return entry;
    }

    private void changed(AlarmEntry entry) {
        if (!entry.dirty) {
            entry.dirty = true;
            dirtyAlarms.add(entry);
        }
    }

    private void release(AlarmEntry entry) {
        if (entry.unused()) {
            alarms.remove(entry.id);
        }
    }

    /**
     * The collection, cleared. {@link #drain} replaces large ones instead: clearing a hash set
     * costs its capacity, which one large incident would otherwise keep for good.
     */
    private static <C extends java.util.Collection<?>> C cleared(C c) {
        c.clear();
        return c;
    }

    /**
     * Changed alarm entries, changed entity ids, new action requests, in the order they happened.
     */
    public record Changes(
            List<AlarmEntry> alarms, List<String> entities, List<ActionRequest> requests) {
        /** Nothing changed. */
        public static final Changes NONE = new Changes(List.of(), List.of(), List.of());
    }
}
