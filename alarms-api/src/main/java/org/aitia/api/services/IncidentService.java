package org.aitia.api.services;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.api.live.LiveAlarms;
import org.aitia.api.live.LiveTopology;
import org.aitia.api.vitrage.VitrageViews;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;

/**
 * The current incidents: each active root-cause alarm with the tree of alarms it causes and an
 * explanation in words, worst first.
 */
public final class IncidentService {
    private final LiveAlarms alarms;
    private final LiveTopology topology;

    public IncidentService(LiveAlarms alarms, LiveTopology topology) {
        this.alarms = alarms;
        this.topology = topology;
    }

    /**
     * The incidents the caller sees.
     *
     * @param withoutConsequences include root causes that cause nothing
     */
    public List<Map<String, Object>> incidents(Scope scope, boolean withoutConsequences) {
        Map<String, List<Alarm>> effects = new HashMap<>();
        List<Alarm> roots = new ArrayList<>();
        for (Alarm a : alarms.inStartOrder()) {
            for (String c : a.causedBy()) {
                effects.computeIfAbsent(c, k -> new ArrayList<>()).add(a);
            }
            if (a.rootCause() || a.causedBy().stream().noneMatch(c -> alarms.get(c).isPresent())) {
                roots.add(a);
            }
        }
        roots.sort(
                Comparator.comparing((Alarm a) -> -a.severity().priority())
                        .thenComparing(Alarm::firstSeen)
                        .thenComparing(Alarm::id));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Alarm root : roots) {
            Entity e = topology.entityOrNull(root.entityId());
            if (!scope.sees(e)) {
                continue;
            }
            List<String> explanation = new ArrayList<>();
            Set<String> seen = new HashSet<>(Set.of(root.id()));
            List<Map<String, Object>> tree = children(root, effects, explanation, seen);
            if (tree.isEmpty() && !withoutConsequences) {
                continue;
            }
            Map<String, Object> incident = new LinkedHashMap<>();
            incident.put("root_cause", VitrageViews.alarm(root, e));
            incident.put("consequences", tree);
            incident.put("consequence_count", seen.size() - 1);
            incident.put("explanation", explanation);
            out.add(incident);
        }
        return out;
    }

    private List<Map<String, Object>> children(
            Alarm cause,
            Map<String, List<Alarm>> effects,
            List<String> explanation,
            Set<String> seen) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Alarm effect : effects.getOrDefault(cause.id(), List.of())) {
            if (!seen.add(effect.id())) {
                continue;
            }
            explanation.add(
                    describe(effect)
                            + " because of "
                            + describe(cause)
                            + (effect.rule() == null ? "" : " (rule " + effect.rule() + ")"));
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("alarm", VitrageViews.alarm(effect, topology.entityOrNull(effect.entityId())));
            node.put("rule", effect.rule());
            node.put("consequences", children(effect, effects, explanation, seen));
            out.add(node);
        }
        return out;
    }

    private static String describe(Alarm a) {
        return a.severity().label() + " '" + a.name() + "' on " + a.entityId();
    }
}
