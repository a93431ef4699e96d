package org.aitia.rules.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.aitia.model.Severity;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule's consequence calls to conclude something. Every conclusion is inserted logically
 * ({@code insertLogical}), so it holds exactly as long as the rule's conditions do: when a cause
 * clears, its deduced alarms, causal links, states and action requests vanish (Vitrage's do/undo).
 * Each carries a {@link Justification}: the rule and the matched facts.
 *
 * <p>Used from DRL as {@code Conclude.alarm(kcontext, $instance, "instance down", "CRITICAL",
 * $hostDown);}.
 */
public final class Conclude {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private Conclude() {}

    /**
     * Deduces the alarm {@code name} on {@code target}, caused by each of {@code causes} (possibly
     * none: then the deduced alarm is a root cause).
     */
    public static void alarm(
            RuleContext k, Node target, String name, String severity, AlarmFact... causes) {
        Justification why = why(k);
        AlarmFact deduced =
                AlarmFact.deduced(
                        target.getId(),
                        target.getType(),
                        target.getSite(),
                        name,
                        Severity.of(severity),
                        since(k, why),
                        why);
        k.insertLogical(deduced);
        for (AlarmFact cause : causes) {
            if (cause != null && !cause.getId().equals(deduced.getId())) {
                k.insertLogical(new CausalLink(cause.getId(), deduced.getId(), why));
            }
        }
    }

    /** Concludes that {@code cause} causes {@code effect}. */
    public static void cause(RuleContext k, AlarmFact cause, AlarmFact effect) {
        if (!cause.getId().equals(effect.getId())) {
            k.insertLogical(new CausalLink(cause.getId(), effect.getId(), why(k)));
        }
    }

    /** Concludes that {@code target} is in operational state {@code state}. */
    public static void state(RuleContext k, Node target, String state) {
        k.insertLogical(new EntityState(target.getId(), state, why(k)));
    }

    /**
     * Requests the healing action {@code type} on {@code target}, justified by every alarm the rule
     * matched.
     */
    public static void action(RuleContext k, String type, Node target, Map<String, String> params) {
        Justification why = why(k);
        List<String> alarmIds = new ArrayList<>();
        for (Object f : why.facts()) {
            if (f instanceof AlarmFact a) {
                alarmIds.add(a.getId());
            }
        }
        if (alarmIds.isEmpty()) {
            alarmIds.add("topology:" + target.getId());
        }
        k.insertLogical(
                new ActionRequest(type, target.getId(), target.getSite(), params, alarmIds, why));
    }

    /** {@link #action(RuleContext, String, Node, Map)} without parameters. */
    public static void action(RuleContext k, String type, Node target) {
        action(k, type, target, Map.of());
    }

    /**
     * Vitrage's {@code mark_down}: {@code nova.host.force_down} for a host, {@code
     * nova.server.reset_state} (to error) for an instance, {@code aitia.mark_down} otherwise.
     */
    public static void markDown(RuleContext k, Node target) {
        switch (target.getType()) {
            case "nova.host" ->
                    action(
                            k,
                            "nova.host.force_down",
                            target,
                            params("host", target.getName(), "forced_down", "true"));
            case "nova.instance" ->
                    action(
                            k,
                            "nova.server.reset_state",
                            target,
                            params("server", target.getId(), "state", "error"));
            default -> action(k, "aitia.mark_down", target, Map.of());
        }
    }

    /** Derives that the VNF {@code vnfId} is a hop of the service {@code serviceId}. */
    public static void inChain(RuleContext k, String serviceId, String vnfId) {
        k.insertLogical(new InChain(serviceId, vnfId));
    }

    /** A map from alternating keys and values (null values become empty strings). */
    public static Map<String, String> params(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1] == null ? "" : keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * Vitrage's regex match: Python's {@code re.match}, anchored at the start of the value only.
     */
    public static boolean matches(String value, String regex) {
        if (value == null) {
            return false;
        }
        return PATTERNS.computeIfAbsent(regex, Pattern::compile).matcher(value).lookingAt();
    }

    private static Justification why(RuleContext k) {
        return new Justification(k.getRule().getName(), k.getMatch().getObjects());
    }

    /** The latest first-seen of the matched alarms, else the session clock: deterministic. */
    private static long since(RuleContext k, Justification why) {
        long t = Long.MIN_VALUE;
        for (Object f : why.facts()) {
            if (f instanceof AlarmFact a) {
                t = Math.max(t, a.getFirstSeenMillis());
            }
        }
        return t == Long.MIN_VALUE ? k.getKieRuntime().getSessionClock().getCurrentTime() : t;
    }
}
