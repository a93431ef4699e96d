package org.aitia.healing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aitia.model.HealingAction;

/** Named fixtures: actions at named instants. */
public final class Actions {
    public static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

    private Actions() {}

    public static HealingAction action(
            String type, String target, Map<String, String> params, Instant at) {
        return action(type, target, "edge-1", params, at);
    }

    public static HealingAction action(
            String type, String target, String site, Map<String, String> params, Instant at) {
        return HealingAction.of(
                type,
                target,
                site,
                params,
                List.of("a-" + type + "-" + target + "-" + at),
                "HostDownForcesHostDown",
                false,
                at);
    }

    public static HealingAction forceDown(String host, Instant at) {
        return action("nova.host.force_down", host, Map.of("host", host), at);
    }

    public static HealingAction resetState(String server, String host, Instant at) {
        return action(
                "nova.server.reset_state", server, Map.of("server_id", server, "host", host), at);
    }
}
