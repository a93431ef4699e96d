package org.aitia.app.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aitia.model.ActionResult;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.HealingAction;
import org.aitia.testdata.incident.Incident;

/** Builds the report of one incident from what was observed. */
final class ReportBuilder {
    private final Incident incident;
    private final Observations seen;
    private final Timeline timeline;
    private final Map<String, String> names = new TreeMap<>();

    ReportBuilder(Incident incident, Observations seen, Timeline timeline) {
        this.incident = incident;
        this.seen = seen;
        this.timeline = timeline;
        for (Entity e : incident.topology().entities()) {
            names.put(e.id(), e.name());
        }
    }

    ReplayReport build(int read, int rejected) {
        List<ReplayReport.Expectation> expectations =
                new ExpectationChecker(false).check(incident, seen);
        boolean passed = expectations.stream().allMatch(ReplayReport.Expectation::ok);
        List<ReplayReport.RootCause> roots = new ArrayList<>();
        for (Alarm a : seen.rootCauses()) {
            roots.add(new ReplayReport.RootCause(a.id(), a.entityId(), a.name()));
        }
        List<ReplayReport.AlarmLine> alarms = new ArrayList<>();
        int raw = 0;
        for (Alarm a : seen.alarms()) {
            if (!a.deduced()) {
                raw++;
            }
            alarms.add(
                    new ReplayReport.AlarmLine(
                            a.id(),
                            a.entityId(),
                            a.name(),
                            a.severity().label(),
                            a.status().name(),
                            a.deduced(),
                            a.causedBy(),
                            a.rule()));
        }
        List<ReplayReport.ActionLine> actions = new ArrayList<>();
        for (HealingAction a : seen.actions()) {
            ActionResult r = seen.resultOf(a.id());
            actions.add(
                    new ReplayReport.ActionLine(
                            a.id(),
                            a.type(),
                            a.target(),
                            r == null ? "REQUESTED" : r.status().name(),
                            Duration.between(incident.start(), a.requestedAt()).toMillis()));
        }
        return new ReplayReport(
                incident.name(),
                passed,
                new ReplayReport.Events(read, rejected),
                roots,
                alarms,
                new TreeMap<>(seen.states()),
                actions,
                expectations,
                latency(),
                new ReplayReport.Compression(raw, roots.size()));
    }

    private ReplayReport.Latency latency() {
        Long rootCause = null;
        for (Alarm a : seen.rootCauses()) {
            Long l = latencyOf(a, seen.alarmSeenNanos(a.id()));
            if (l != null && (rootCause == null || l > rootCause)) {
                rootCause = l;
            }
        }
        Long action = null;
        for (HealingAction a : seen.actions()) {
            Long seenAt = seen.actionSeenNanos(a.id());
            Long l = null;
            for (String alarmId : a.alarmIds()) {
                Alarm cause = seen.alarm(alarmId);
                if (cause != null && seenAt != null) {
                    l = latencyOf(cause, seenAt);
                    break;
                }
            }
            if (l == null && seenAt != null) {
                Long t = timeline.trigger("", "", "", seenAt);
                l = t == null ? null : (seenAt - t) / 1_000_000L;
            }
            if (l != null && (action == null || l > action)) {
                action = l;
            }
        }
        return new ReplayReport.Latency(rootCause, action);
    }

    private Long latencyOf(Alarm alarm, Long seenNanos) {
        if (seenNanos == null) {
            return null;
        }
        Long t =
                timeline.trigger(
                        alarm.entityId(),
                        names.getOrDefault(alarm.entityId(), alarm.entityId()),
                        alarm.name(),
                        seenNanos);
        return t == null ? null : (seenNanos - t) / 1_000_000L;
    }
}
