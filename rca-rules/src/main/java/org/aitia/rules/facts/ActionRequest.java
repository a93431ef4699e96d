package org.aitia.rules.facts;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conclusion "the VIM should do {@code type} on {@code target}", justified by alarms. The engine
 * turns each new request into one {@code HealingAction} with a deterministic id.
 */
public final class ActionRequest {
    private final String type;
    private final String target;
    private final String site;
    private final Map<String, String> parameters;
    private final List<String> alarmIds;
    private final Justification justification;

    public ActionRequest(
            String type,
            String target,
            String site,
            Map<String, String> parameters,
            List<String> alarmIds,
            Justification justification) {
        this.type = type;
        this.target = target;
        this.site = site;
        this.parameters = Map.copyOf(parameters);
        this.alarmIds = alarmIds.stream().sorted().toList();
        this.justification = justification;
    }

    public String getType() {
        return type;
    }

    public String getTarget() {
        return target;
    }

    public String getSite() {
        return site;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public List<String> getAlarmIds() {
        return alarmIds;
    }

    public Justification getJustification() {
        return justification;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionRequest a
                && type.equals(a.type)
                && target.equals(a.target)
                && alarmIds.equals(a.alarmIds)
                && parameters.equals(a.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, target, alarmIds, parameters);
    }

    @Override
    public String toString() {
        return "action " + type + " on " + target + " for " + alarmIds;
    }
}
