package org.aitia.streaming.correlate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;

/**
 * What a site's engine concluded from one input.
 *
 * @param alarms alarm transitions (raw alarms with their causes and root-cause flag, deduced
 *     alarms)
 * @param actions healing actions requested
 * @param stateChanges entity id to its new aggregated state
 */
public record Conclusions(
        List<Alarm> alarms, List<HealingAction> actions, Map<String, String> stateChanges) {

    public Conclusions {
        alarms = List.copyOf(alarms);
        actions = List.copyOf(actions);
        stateChanges = Map.copyOf(stateChanges);
    }

    public static Conclusions none() {
        return new Conclusions(List.of(), List.of(), Map.of());
    }

    /** Both, this one first. */
    public Conclusions plus(Conclusions other) {
        List<Alarm> a = new ArrayList<>(alarms);
        a.addAll(other.alarms);
        List<HealingAction> h = new ArrayList<>(actions);
        h.addAll(other.actions);
        Map<String, String> s = new LinkedHashMap<>(stateChanges);
        s.putAll(other.stateChanges);
        return new Conclusions(a, h, s);
    }
}
