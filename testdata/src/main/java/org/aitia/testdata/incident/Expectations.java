package org.aitia.testdata.incident;

import java.util.List;
import java.util.Map;

/**
 * The {@code expect} section of {@code incident.yaml}. Every list is empty and every map empty when
 * the incident does not state it; {@code withinMs} is null then.
 */
public record Expectations(
        List<RootCause> rootCauses,
        List<String> consequences,
        List<String> notRootCauses,
        List<Action> actions,
        List<Action> forbiddenActions,
        Map<String, String> states,
        Long withinMs) {

    public Expectations {
        rootCauses = List.copyOf(rootCauses);
        consequences = List.copyOf(consequences);
        notRootCauses = List.copyOf(notRootCauses);
        actions = List.copyOf(actions);
        forbiddenActions = List.copyOf(forbiddenActions);
        states = Map.copyOf(states);
    }

    /** An expected root cause: an entity, and optionally the exact alarm name. */
    public record RootCause(String entity, String alarm) {}

    /** An expected (or forbidden) action: its type and target entity. */
    public record Action(String type, String target) {}

    /** No expectations at all. */
    public static Expectations none() {
        return new Expectations(
                List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), null);
    }
}
