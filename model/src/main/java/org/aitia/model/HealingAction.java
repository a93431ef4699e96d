package org.aitia.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request to act on the VIM.
 *
 * @param id the idempotency key: an action with this id is executed at most once; see {@link
 *     #idFor(String, String, List)}
 * @param type {@code nova.host.force_down}, {@code nova.server.reset_state}, {@code
 *     k8s.node.cordon}, {@code mistral.workflow}, ...
 * @param target the id of the entity acted on
 * @param site the target's site
 * @param parameters type-specific parameters, never null
 * @param alarmIds the alarms that justify the action, at least one
 * @param rule the rule or template scenario that asked for it, or null
 * @param dryRun when true the action is decided and recorded but never sent
 * @param requestedAt event time of the decision
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealingAction(
        String id,
        String type,
        String target,
        String site,
        Map<String, String> parameters,
        List<String> alarmIds,
        String rule,
        boolean dryRun,
        Instant requestedAt) {

    public HealingAction {
        Checks.notBlank(id, "id");
        Checks.notBlank(type, "type");
        Checks.notBlank(target, "target");
        site = site == null || site.isBlank() ? Entity.DEFAULT_SITE : site;
        parameters = Checks.copyOf(parameters, "parameters");
        alarmIds = Checks.copyOf(alarmIds, "alarmIds");
        if (alarmIds.isEmpty()) {
            throw new IllegalArgumentException("alarmIds must name at least one alarm");
        }
        Checks.notNull(requestedAt, "requestedAt");
    }

    /**
     * The deterministic id of the action of {@code type} on {@code target} justified by {@code
     * alarmIds} (order does not matter).
     */
    public static String idFor(String type, String target, List<String> alarmIds) {
        List<String> sorted = alarmIds.stream().sorted().toList();
        return Ids.stable("act-", type, target, String.join(",", sorted));
    }

    /** A new action with its deterministic id. */
    public static HealingAction of(
            String type,
            String target,
            String site,
            Map<String, String> parameters,
            List<String> alarmIds,
            String rule,
            boolean dryRun,
            Instant at) {
        return new HealingAction(
                idFor(type, target, alarmIds),
                type,
                target,
                site,
                parameters,
                alarmIds,
                rule,
                dryRun,
                at);
    }

    public HealingAction withDryRun(boolean value) {
        return new HealingAction(
                id, type, target, site, parameters, alarmIds, rule, value, requestedAt);
    }
}
