package org.aitia.app.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.testdata.incident.Expectations;
import org.aitia.testdata.incident.Incident;

/**
 * Checks an incident's expectations against what the pipeline concluded. Each expectation gives one
 * line of the report, named as {@code root_cause compute-3-nic0}, {@code action
 * nova.host.force_down compute-3}, ...
 *
 * <p>Semantics: a root cause is an alarm whose latest version says {@code rootCause} (active, or
 * cleared while it was one); a consequence is an entity with an alarm linked through {@code
 * causedBy}, transitively, to a root cause; an action counts when it was issued (sent, or "would
 * issue" in dry-run, or attempted); states are the entities' final states; {@code within_ms} is
 * event time from the incident start to each root cause's first sight and each action's request.
 */
public final class ExpectationChecker {
    private final boolean withoutExecutor;

    /**
     * @param withoutExecutor true when no healing executor runs, so that an action counts as issued
     *     as soon as it is requested
     */
    public ExpectationChecker(boolean withoutExecutor) {
        this.withoutExecutor = withoutExecutor;
    }

    public List<ReplayReport.Expectation> check(Incident incident, Observations seen) {
        Expectations x = incident.expect();
        List<ReplayReport.Expectation> out = new ArrayList<>();
        List<Alarm> roots = seen.rootCauses();
        for (Expectations.RootCause rc : x.rootCauses()) {
            boolean ok =
                    roots.stream()
                            .anyMatch(
                                    a ->
                                            a.entityId().equals(rc.entity())
                                                    && (rc.alarm() == null
                                                            || rc.alarm().equals(a.name())));
            out.add(
                    line(
                            "root_cause "
                                    + rc.entity()
                                    + (rc.alarm() == null ? "" : " " + rc.alarm()),
                            ok));
        }
        for (String entity : x.consequences()) {
            boolean ok =
                    seen.alarms().stream()
                            .anyMatch(
                                    a ->
                                            a.entityId().equals(entity)
                                                    && !a.rootCause()
                                                    && linksToRoot(a, seen));
            out.add(line("consequence " + entity, ok));
        }
        for (String entity : x.notRootCauses()) {
            boolean ok = roots.stream().noneMatch(a -> a.entityId().equals(entity));
            out.add(line("not_root_cause " + entity, ok));
        }
        for (Expectations.Action a : x.actions()) {
            out.add(line("action " + a.type() + " " + a.target(), issued(a, seen)));
        }
        for (Expectations.Action a : x.forbiddenActions()) {
            out.add(line("forbidden_action " + a.type() + " " + a.target(), !issued(a, seen)));
        }
        x.states()
                .forEach(
                        (entity, state) ->
                                out.add(
                                        line(
                                                "state " + entity + " " + state,
                                                state.equalsIgnoreCase(
                                                        seen.states().getOrDefault(entity, "")))));
        if (x.withinMs() != null) {
            out.add(line("within_ms " + x.withinMs(), within(incident, seen, x.withinMs())));
        }
        return out;
    }

    private static ReplayReport.Expectation line(String what, boolean ok) {
        return new ReplayReport.Expectation(what, ok);
    }

    private boolean issued(Expectations.Action expected, Observations seen) {
        for (HealingAction a : seen.actions()) {
            if (a.type().equals(expected.type())
                    && a.target().equals(expected.target())
                    && seen.issued(a, withoutExecutor)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code alarm} reaches a root cause through {@code causedBy}. */
    static boolean linksToRoot(Alarm alarm, Observations seen) {
        Set<String> visited = new HashSet<>();
        List<String> frontier = new ArrayList<>(alarm.causedBy());
        while (!frontier.isEmpty()) {
            String id = frontier.remove(frontier.size() - 1);
            if (!visited.add(id)) {
                continue;
            }
            Alarm cause = seen.alarm(id);
            if (cause == null) {
                continue;
            }
            if (cause.rootCause()) {
                return true;
            }
            frontier.addAll(cause.causedBy());
        }
        return false;
    }

    private boolean within(Incident incident, Observations seen, long withinMs) {
        Instant start = incident.start();
        boolean any = false;
        for (Alarm a : seen.rootCauses()) {
            any = true;
            if (Duration.between(start, a.firstSeen()).toMillis() > withinMs) {
                return false;
            }
        }
        for (HealingAction a : seen.actions()) {
            if (seen.issued(a, withoutExecutor)
                    && Duration.between(start, a.requestedAt()).toMillis() > withinMs) {
                return false;
            }
        }
        return any;
    }
}
