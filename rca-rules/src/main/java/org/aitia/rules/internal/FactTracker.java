package org.aitia.rules.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * Watches the session's working memory and keeps what the engine reports from: the active alarm
 * facts, the causal links in both directions, the states of each entity, and what changed since the
 * last {@link #drain}: alarm ids, entity ids and new action requests.
 */
public final class FactTracker implements RuleRuntimeEventListener {
    private final Map<String, AlarmFact> alarms = new HashMap<>();
    private final Map<String, Map<String, CausalLink>> causesOf = new HashMap<>();
    private final Map<String, Set<String>> effectsOf = new HashMap<>();
    private final Map<String, Map<String, EntityState>> states = new HashMap<>();
    private Set<String> dirtyAlarms = new LinkedHashSet<>();
    private Set<String> dirtyEntities = new LinkedHashSet<>();
    private List<ActionRequest> newRequests = new ArrayList<>();

    @Override
    public void objectInserted(ObjectInsertedEvent e) {
        Object o = e.getObject();
        if (o instanceof AlarmFact a) {
            alarms.put(a.getId(), a);
            dirtyAlarms.add(a.getId());
        } else if (o instanceof CausalLink c) {
            causesOf.computeIfAbsent(c.getEffectId(), k -> new LinkedHashMap<>())
                    .put(c.getCauseId(), c);
            effectsOf
                    .computeIfAbsent(c.getCauseId(), k -> new LinkedHashSet<>())
                    .add(c.getEffectId());
            dirtyAlarms.add(c.getEffectId());
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
            dirtyAlarms.add(a.getId());
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent e) {
        Object o = e.getOldObject();
        if (o instanceof AlarmFact a) {
            alarms.remove(a.getId());
            dirtyAlarms.add(a.getId());
        } else if (o instanceof CausalLink c) {
            Map<String, CausalLink> m = causesOf.get(c.getEffectId());
            if (m != null) {
                m.remove(c.getCauseId());
                if (m.isEmpty()) {
                    causesOf.remove(c.getEffectId());
                }
            }
            Set<String> s = effectsOf.get(c.getCauseId());
            if (s != null) {
                s.remove(c.getEffectId());
                if (s.isEmpty()) {
                    effectsOf.remove(c.getCauseId());
                }
            }
            dirtyAlarms.add(c.getEffectId());
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
        return alarms.get(id);
    }

    /** Every active alarm fact. */
    public Map<String, AlarmFact> alarms() {
        return alarms;
    }

    /** The ids of the alarms that cause {@code effectId} directly, sorted; empty when none. */
    public List<String> causes(String effectId) {
        Map<String, CausalLink> m = causesOf.get(effectId);
        if (m == null) {
            return List.of();
        }
        String[] ids = m.keySet().toArray(new String[0]);
        Arrays.sort(ids);
        return List.of(ids);
    }

    /** The causal links into {@code effectId}; empty when none. */
    public Map<String, CausalLink> causeLinks(String effectId) {
        return causesOf.getOrDefault(effectId, Map.of());
    }

    /** The ids of the alarms {@code causeId} causes directly; empty when none. */
    public Set<String> effects(String causeId) {
        return effectsOf.getOrDefault(causeId, Set.of());
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
        dirtyAlarms.add(alarmId);
    }

    /** What changed since the last drain, and forgets it. */
    public Changes drain() {
        if (dirtyAlarms.isEmpty() && dirtyEntities.isEmpty() && newRequests.isEmpty()) {
            return Changes.NONE;
        }
        Changes c =
                new Changes(
                        List.copyOf(dirtyAlarms),
                        List.copyOf(dirtyEntities),
                        List.copyOf(newRequests));
        dirtyAlarms = emptied(dirtyAlarms);
        dirtyEntities = emptied(dirtyEntities);
        newRequests.clear();
        return c;
    }

    /**
     * The set, cleared; a new one when it grew large: clearing a hash set costs its capacity, which
     * one large incident would otherwise keep for good.
     */
    private static Set<String> emptied(Set<String> s) {
        if (s.size() > 256) {
            return new LinkedHashSet<>();
        }
        s.clear();
        return s;
    }

    /** Changed alarm ids, changed entity ids, new action requests, in the order they happened. */
    public record Changes(
            List<String> alarms, List<String> entities, List<ActionRequest> requests) {
        /** Nothing changed. */
        public static final Changes NONE = new Changes(List.of(), List.of(), List.of());
    }
}
