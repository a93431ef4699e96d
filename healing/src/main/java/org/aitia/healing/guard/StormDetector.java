package org.aitia.healing.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aitia.healing.GuardConfig;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Severity;

/**
 * Tells a storm: more than {@code stormShare} of a site's hosts (and at least {@code
 * stormMinHosts}) failing within {@code stormWindow} of event time. That many hosts rarely die at
 * once; a monitoring outage or a network partition looks exactly like it, and acting on it (forcing
 * hosts down, evacuating) would make things worse. Raises one alarm per site when a storm begins
 * and clears it when it ends. Not thread-safe.
 *
 * <p>The failing host of an action is its {@code host} parameter, or its target for the host-level
 * types ({@code nova.host.force_down}, {@code k8s.node.cordon}, {@code k8s.node.taint}).
 */
final class StormDetector {
    /** The name of the alarm raised instead of acting during a storm. */
    static final String ALARM_NAME = "suspected monitoring or network partition";

    static final String RULE = "healing.storm-guard";

    private static final Set<String> HOST_LEVEL =
            Set.of("nova.host.force_down", "k8s.node.cordon", "k8s.node.taint");

    private final GuardConfig config;
    private final Map<String, Map<String, Instant>> failingBySite = new HashMap<>();
    private final Map<String, Alarm> raised = new HashMap<>();

    StormDetector(GuardConfig config) {
        this.config = config;
    }

    /** The state of a site after an action: a storm (with its description) or not. */
    record Assessment(Optional<String> storm, List<Alarm> alarms) {}

    /** Records the failing host {@code action} implies and assesses its site. */
    Assessment observe(HealingAction action) {
        Instant at = action.requestedAt();
        Map<String, Instant> failing =
                failingBySite.computeIfAbsent(action.site(), s -> new HashMap<>());
        hostOf(action).ifPresent(h -> failing.merge(h, at, (a, b) -> a.isAfter(b) ? a : b));
        Duration window = config.stormWindow();
        failing.values().removeIf(t -> Duration.between(t, at).compareTo(window) > 0);
        long count =
                failing.values().stream()
                        .filter(t -> Duration.between(t, at).abs().compareTo(window) <= 0)
                        .count();
        Integer hosts = config.siteHosts().get(action.site());
        boolean storm =
                count >= config.stormMinHosts()
                        && (hosts == null || count > config.stormShare() * hosts);
        List<Alarm> alarms = new ArrayList<>(1);
        Alarm current = raised.get(action.site());
        if (storm) {
            String description =
                    count
                            + (hosts == null ? "" : " of " + hosts)
                            + " hosts of site "
                            + action.site()
                            + " failing within "
                            + window
                            + " (threshold: more than "
                            + Math.round(config.stormShare() * 100)
                            + "% and at least "
                            + config.stormMinHosts()
                            + ")";
            if (current == null) {
                Alarm alarm =
                        Alarm.deduced(
                                action.site(),
                                action.site(),
                                ALARM_NAME,
                                Severity.CRITICAL,
                                RULE,
                                List.of(),
                                at);
                raised.put(action.site(), alarm);
                alarms.add(alarm);
            }
            return new Assessment(Optional.of(description), alarms);
        }
        if (current != null) {
            raised.remove(action.site());
            alarms.add(current.cleared(at));
        }
        return new Assessment(Optional.empty(), alarms);
    }

    static Optional<String> hostOf(HealingAction action) {
        String host = action.parameters().get("host");
        if (host != null && !host.isBlank()) {
            return Optional.of(host);
        }
        if (HOST_LEVEL.contains(action.type())) {
            String node = action.parameters().get("node");
            return Optional.of(node != null && !node.isBlank() ? node : action.target());
        }
        return Optional.empty();
    }
}
