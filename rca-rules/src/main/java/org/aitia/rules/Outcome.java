package org.aitia.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;

/**
 * What one engine call changed.
 *
 * @param alarms every alarm whose content changed, raw or deduced: raised, updated, whose {@code
 *     causedBy} or {@code rootCause} changed, or cleared (status CLEARED); at most one entry per
 *     alarm id, the latest
 * @param actions new healing-action requests, with deterministic ids ({@link HealingAction#of});
 *     the engine never emits the same action id twice
 * @param stateChanges entity id to its new aggregated operational state; {@code OK} when no rule
 *     holds a state for the entity any more
 */
public record Outcome(
        List<Alarm> alarms, List<HealingAction> actions, Map<String, String> stateChanges) {

    /** Nothing changed. */
    public static final Outcome NONE = new Outcome(List.of(), List.of(), Map.of());

    public Outcome {
        alarms = List.copyOf(alarms);
        actions = List.copyOf(actions);
        stateChanges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stateChanges));
    }

    /** True when nothing changed. */
    public boolean isEmpty() {
        return alarms.isEmpty() && actions.isEmpty() && stateChanges.isEmpty();
    }

    /** This outcome followed by {@code later}: later content of an alarm or state wins. */
    public Outcome then(Outcome later) {
        if (isEmpty()) {
            return later;
        }
        if (later.isEmpty()) {
            return this;
        }
        Map<String, Alarm> byId = new LinkedHashMap<>();
        alarms.forEach(a -> byId.put(a.id(), a));
        later.alarms.forEach(a -> byId.put(a.id(), a));
        Set<HealingAction> acts = new LinkedHashSet<>(actions);
        acts.addAll(later.actions);
        Map<String, String> states = new LinkedHashMap<>(stateChanges);
        states.putAll(later.stateChanges);
        return new Outcome(new ArrayList<>(byId.values()), new ArrayList<>(acts), states);
    }
}
