package org.aitia.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aitia.model.ActionResult;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Severity;
import org.aitia.model.Topology;
import org.aitia.testdata.incident.Expectations;
import org.aitia.testdata.incident.Incident;
import org.junit.jupiter.api.Test;

class ExpectationCheckerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T_300MS = T0.plusMillis(300);
    private static final Instant T_2S = T0.plusSeconds(2);

    private final ExpectationChecker checker = new ExpectationChecker(false);
    private final Observations seen = new Observations();

    private static Incident incident(Expectations expect) {
        return new Incident(
                Path.of("x"),
                "x",
                "",
                T0,
                new Topology(List.of(), List.of()),
                List.of(),
                List.of(),
                expect);
    }

    private static Expectations expect(
            List<Expectations.RootCause> roots,
            List<String> consequences,
            List<String> notRoots,
            List<Expectations.Action> actions,
            List<Expectations.Action> forbidden,
            Map<String, String> states,
            Long within) {
        return new Expectations(roots, consequences, notRoots, actions, forbidden, states, within);
    }

    private static Alarm nicDown(Instant at) {
        return Alarm.raised(
                "collectd", "compute-3-eth0", "edge-1", "linkDown", Severity.CRITICAL, at);
    }

    private static Alarm vmUnreachable(Alarm cause, Instant at) {
        return Alarm.deduced(
                "vm-17",
                "edge-1",
                "instance unreachable",
                Severity.CRITICAL,
                "HostNicDownCausesInstanceUnreachable",
                List.of(cause.id()),
                at);
    }

    private static HealingAction forceDown(Alarm cause, Instant at) {
        return HealingAction.of(
                "nova.host.force_down",
                "compute-3",
                "edge-1",
                Map.of(),
                List.of(cause.id()),
                "r",
                true,
                at);
    }

    @Test
    void shouldPassWhenTheRootCauseItsConsequenceAndTheActionAreSeenInTime() {
        Alarm nic = nicDown(T_300MS);
        seen.alarm(nic, 1);
        seen.alarm(vmUnreachable(nic, T_300MS), 2);
        HealingAction action = forceDown(nic, T_300MS);
        seen.action(action, 3);
        seen.result(ActionResult.of(action, ActionResult.Status.DRY_RUN, null, 0, T_300MS));
        seen.state("compute-3", "ERROR");

        List<ReplayReport.Expectation> lines =
                checker.check(
                        incident(
                                expect(
                                        List.of(
                                                new Expectations.RootCause(
                                                        "compute-3-eth0", "linkDown")),
                                        List.of("vm-17"),
                                        List.of("vm-17"),
                                        List.of(
                                                new Expectations.Action(
                                                        "nova.host.force_down", "compute-3")),
                                        List.of(),
                                        Map.of("compute-3", "ERROR"),
                                        1000L)),
                        seen);

        assertThat(lines)
                .extracting(ReplayReport.Expectation::expect)
                .containsExactly(
                        "root_cause compute-3-eth0 linkDown",
                        "consequence vm-17",
                        "not_root_cause vm-17",
                        "action nova.host.force_down compute-3",
                        "state compute-3 ERROR",
                        "within_ms 1000");
        assertThat(lines).allMatch(ReplayReport.Expectation::ok);
    }

    @Test
    void shouldFailARootCauseExpectationWhenOnlyTheSymptomIsARootCause() {
        seen.alarm(
                Alarm.raised("ves", "vm-17", "edge-1", "unreachable", Severity.CRITICAL, T_300MS),
                1);

        List<ReplayReport.Expectation> lines =
                checker.check(
                        incident(
                                expect(
                                        List.of(new Expectations.RootCause("compute-3-eth0", null)),
                                        List.of("vm-17"),
                                        List.of("vm-17"),
                                        List.of(),
                                        List.of(),
                                        Map.of(),
                                        null)),
                        seen);

        assertThat(lines)
                .extracting(ReplayReport.Expectation::ok)
                .containsExactly(false, false, false);
    }

    @Test
    void shouldNotCountAHeldActionAsIssued() {
        Alarm nic = nicDown(T_300MS);
        seen.alarm(nic, 1);
        HealingAction action = forceDown(nic, T_300MS);
        seen.action(action, 2);
        seen.result(
                ActionResult.of(
                        action,
                        ActionResult.Status.HELD,
                        "storm guard: 80% of edge-1's hosts failed",
                        0,
                        T_300MS));

        List<ReplayReport.Expectation> lines =
                checker.check(
                        incident(
                                expect(
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        List.of(
                                                new Expectations.Action(
                                                        "nova.host.force_down", "compute-3")),
                                        List.of(
                                                new Expectations.Action(
                                                        "nova.host.force_down", "compute-3")),
                                        Map.of(),
                                        null)),
                        seen);

        assertThat(lines).extracting(ReplayReport.Expectation::ok).containsExactly(false, true);
    }

    @Test
    void shouldFailWithinMsWhenTheRootCauseCameLaterInEventTime() {
        seen.alarm(nicDown(T_2S), 1);

        List<ReplayReport.Expectation> lines =
                checker.check(
                        incident(
                                expect(
                                        List.of(), List.of(), List.of(), List.of(), List.of(),
                                        Map.of(), 1000L)),
                        seen);

        assertThat(lines).singleElement().satisfies(l -> assertThat(l.ok()).isFalse());
    }

    @Test
    void shouldCountAClearedRootCauseAsReportedButItsClearedConsequenceStillLinked() {
        Alarm nic = nicDown(T_300MS);
        seen.alarm(nic.cleared(T_2S), 1);
        seen.alarm(vmUnreachable(nic, T_300MS).cleared(T_2S), 2);

        List<ReplayReport.Expectation> lines =
                checker.check(
                        incident(
                                expect(
                                        List.of(new Expectations.RootCause("compute-3-eth0", null)),
                                        List.of("vm-17"),
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        Map.of(),
                                        null)),
                        seen);

        assertThat(lines).allMatch(ReplayReport.Expectation::ok);
    }
}
