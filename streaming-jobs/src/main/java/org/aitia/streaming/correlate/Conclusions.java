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

    /** A builder that appends conclusions without copying what it holds on every append. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects conclusions in order: a rebuild from state appends one per topology change and alarm
     * (tens of thousands), which {@link #plus} would make quadratic.
     */
    public static final class Builder {
        private final List<Alarm> alarms = new ArrayList<>();
        private final List<HealingAction> actions = new ArrayList<>();
        private final Map<String, String> stateChanges = new LinkedHashMap<>();

        private Builder() {}

        /** Appends {@code c} (its state changes override earlier ones of the same entity). */
        public Builder add(Conclusions c) {
            alarms.addAll(c.alarms);
            actions.addAll(c.actions);
            stateChanges.putAll(c.stateChanges);
            return this;
        }

        public Conclusions build() {
            return new Conclusions(alarms, actions, stateChanges);
        }
    }
}
