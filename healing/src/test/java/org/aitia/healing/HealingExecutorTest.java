package org.aitia.healing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.aitia.healing.Actions.T0;
import static org.aitia.healing.Actions.action;
import static org.aitia.healing.Actions.forceDown;
import static org.aitia.healing.Actions.resetState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.aitia.healing.GuardConfig.Approval;
import org.aitia.healing.adapter.Retrying;
import org.aitia.healing.bench.OpenStackSimulator;
import org.aitia.healing.guard.Guard;
import org.aitia.healing.journal.ActionJournal;
import org.aitia.healing.openstack.KeystoneSession;
import org.aitia.healing.openstack.NovaAdapter;
import org.aitia.healing.openstack.OpenStackHttp;
import org.aitia.model.ActionResult;
import org.aitia.model.ActionResult.Status;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard and the executor against Nova played by WireMock. */
class HealingExecutorTest {
    @TempDir Path dir;

    OpenStackSimulator sim;
    ExecutorService pool;
    MutableClock clock;
    RecordingSink sink;
    ActionJournal journal;
    HealingExecutor executor;

    @BeforeEach
    void start() {
        sim = new OpenStackSimulator(20);
        sim.stubToken("tok-1", T0.plus(Duration.ofDays(1)));
        sim.server()
                .stubFor(
                        WireMock.post(anyUrl())
                                .atPriority(10)
                                .willReturn(aResponse().withStatus(202)));
        sim.server()
                .stubFor(
                        put(anyUrl())
                                .willReturn(
                                        aResponse().withStatus(200).withBody("{\"service\": {}}")));
        sim.server()
                .stubFor(
                        WireMock.get(urlMatching(".*/os-services\\?.*"))
                                .willReturn(
                                        aResponse()
                                                .withStatus(200)
                                                .withBody(
                                                        "{\"services\": [{\"id\": \"svc-1\"}]}")));
        pool = Executors.newFixedThreadPool(4);
        clock = new MutableClock(T0);
    }

    @AfterEach
    void stop() {
        if (journal != null) {
            journal.close();
        }
        sim.close();
        pool.shutdownNow();
    }

    HealingExecutor executor(GuardConfig guard, boolean dryRun) {
        sink = new RecordingSink();
        journal = ActionJournal.open(dir.resolve("journal.jsonl"));
        HealingConfig.RetryConfig retry =
                new HealingConfig.RetryConfig(
                        2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(15));
        java.net.http.HttpClient http =
                java.net.http.HttpClient.newBuilder()
                        .version(java.net.http.HttpClient.Version.HTTP_1_1)
                        .executor(pool)
                        .build();
        KeystoneSession keystone =
                new KeystoneSession(sim.config(), http, clock, Duration.ofSeconds(15));
        NovaAdapter nova =
                new NovaAdapter(
                        new OpenStackHttp(keystone, http, Duration.ofSeconds(15)),
                        new Retrying(retry, pool));
        executor =
                new HealingExecutor(
                        new Guard(guard, dryRun, clock), journal, List.of(nova), sink, clock);
        return executor;
    }

    HealingExecutor live(GuardConfig guard) {
        return executor(guard, false);
    }

    static List<ActionResult> all(List<CompletableFuture<ActionResult>> futures) {
        return futures.stream().map(CompletableFuture::join).toList();
    }

    int novaCalls() {
        return sim.server().findAll(anyRequestedFor(urlMatching("/compute/.*"))).size();
    }

    @Test
    void shouldSendTheActionsOfAFailedHostAndReportEachAsSent() {
        live(GuardConfig.defaults());

        List<ActionResult> results =
                all(
                        executor.submitAll(
                                List.of(
                                        forceDown("compute-3", T0),
                                        resetState("vm-1", "compute-3", T0),
                                        resetState("vm-2", "compute-3", T0))));

        assertThat(results).extracting(ActionResult::status).containsOnly(Status.SENT);
        assertThat(sink.results).hasSize(3);
        assertThat(novaCalls()).isEqualTo(4); // service lookup + force-down + 2 reset-states
    }

    @Test
    void shouldHaveEveryCallOfAnIncidentInFlightAtOnce() {
        sim.server()
                .stubFor(
                        WireMock.post(urlMatching("/compute/v2.1/servers/.*/action"))
                                .willReturn(aResponse().withStatus(202).withFixedDelay(5000)));
        live(GuardConfig.defaults());
        List<HealingAction> vms = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            vms.add(resetState("vm-" + i, "compute-3", T0));
        }

        List<CompletableFuture<ActionResult>> futures = executor.submitAll(vms);
        long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (novaCalls() < 10 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        // Nova answers each call after 5 s: serial calls could not all have arrived by now
        assertThat(novaCalls()).isEqualTo(10);
        assertThat(futures).noneMatch(CompletableFuture::isDone);
        assertThat(all(futures)).extracting(ActionResult::status).containsOnly(Status.SENT);
    }

    @Test
    void shouldRecordADryRunAndCallNothing() {
        executor(GuardConfig.defaults(), true);

        ActionResult r = executor.submit(forceDown("compute-3", T0)).join();

        assertThat(r.status()).isEqualTo(Status.DRY_RUN);
        assertThat(r.attempts()).isZero();
        assertThat(sim.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldHonourTheDryRunFlagOfASingleAction() {
        live(GuardConfig.defaults());

        ActionResult r = executor.submit(forceDown("compute-3", T0).withDryRun(true)).join();

        assertThat(r.status()).isEqualTo(Status.DRY_RUN);
        assertThat(novaCalls()).isZero();
    }

    @Test
    void shouldSuppressASecondActionOfTheSameTypeOnTheSameTargetWithinTheDedupeWindow() {
        live(GuardConfig.builder().dedupeWindow(Duration.ofMinutes(5)).build());
        HealingAction first = action("nova.server.reboot", "vm-1", Map.of(), T0);
        HealingAction again = action("nova.server.reboot", "vm-1", Map.of(), T0.plusSeconds(60));
        HealingAction afterWindow =
                action("nova.server.reboot", "vm-1", Map.of(), T0.plusSeconds(400));

        List<ActionResult> results = all(executor.submitAll(List.of(first, again, afterWindow)));

        assertThat(results)
                .extracting(ActionResult::status)
                .containsExactly(Status.SENT, Status.SUPPRESSED, Status.SENT);
        assertThat(results.get(1).reason())
                .startsWith("duplicate of " + first.id() + " (nova.server.reboot on vm-1)");
        assertThat(novaCalls()).isEqualTo(2);
    }

    @Test
    void shouldNotRunTheSameActionIdTwiceNorReportItAgain() {
        live(GuardConfig.defaults());
        HealingAction a = resetState("vm-1", "compute-3", T0);

        executor.submit(a).join();
        ActionResult again = executor.submit(a).join();

        assertThat(again.status()).isEqualTo(Status.SENT);
        assertThat(sink.results).hasSize(1);
        assertThat(novaCalls()).isEqualTo(1);
    }

    @Test
    void shouldSuppressActionsOnATargetBeyondItsRateLimit() {
        clock = new MutableClock(T0);
        live(GuardConfig.builder().perTarget(2, Duration.ofMinutes(10)).build());

        List<ActionResult> results =
                all(
                        executor.submitAll(
                                List.of(
                                        action("nova.server.reset_state", "vm-1", Map.of(), T0),
                                        action("nova.server.reboot", "vm-1", Map.of(), T0),
                                        action("nova.server.live_migrate", "vm-1", Map.of(), T0))));

        assertThat(results)
                .extracting(ActionResult::status)
                .containsExactly(Status.SENT, Status.SENT, Status.SUPPRESSED);
        assertThat(results.get(2).reason())
                .isEqualTo("rate limit: target vm-1 already had 2 actions within PT10M");
        clock.advance(Duration.ofMinutes(11));
        assertThat(
                        executor.submit(action("nova.server.evacuate", "vm-1", Map.of(), T0))
                                .join()
                                .status())
                .isEqualTo(Status.SENT);
    }

    @Test
    void shouldSuppressActionsBeyondTheGlobalRateLimit() {
        live(GuardConfig.builder().global(3, Duration.ofMinutes(1)).build());

        List<ActionResult> results =
                all(
                        executor.submitAll(
                                List.of(
                                        resetState("vm-1", "c1", T0),
                                        resetState("vm-2", "c1", T0),
                                        resetState("vm-3", "c1", T0),
                                        resetState("vm-4", "c1", T0))));

        assertThat(results)
                .extracting(ActionResult::status)
                .containsExactly(Status.SENT, Status.SENT, Status.SENT, Status.SUPPRESSED);
        assertThat(results.get(3).reason()).isEqualTo("rate limit: 3 actions in all within PT1M");
    }

    @Test
    void shouldHoldDestructiveActionsAndRaiseOneAlarmWhenTooManyHostsOfASiteFail() {
        live(
                GuardConfig.builder()
                        .storm(0.3, Duration.ofMinutes(2), 3)
                        .siteHosts(Map.of("edge-1", 10))
                        .build());

        List<ActionResult> results =
                all(
                        executor.submitAll(
                                List.of(
                                        forceDown("compute-1", T0),
                                        forceDown("compute-2", T0.plusSeconds(5)),
                                        forceDown("compute-3", T0.plusSeconds(10)),
                                        forceDown("compute-4", T0.plusSeconds(15)),
                                        forceDown("compute-5", T0.plusSeconds(20)),
                                        resetState("vm-1", "compute-5", T0.plusSeconds(21)))));

        assertThat(results)
                .extracting(ActionResult::status)
                .containsExactly(
                        Status.SENT,
                        Status.SENT,
                        Status.SENT,
                        Status.HELD,
                        Status.HELD,
                        Status.SENT);
        assertThat(results.get(3).reason())
                .startsWith("storm guard: 4 of 10 hosts of site edge-1 failing within PT2M");
        assertThat(sink.alarms).hasSize(1);
        Alarm alarm = sink.alarms.get(0);
        assertThat(alarm.name()).isEqualTo("suspected monitoring or network partition");
        assertThat(alarm.entityId()).isEqualTo("edge-1");
        assertThat(alarm.isActive()).isTrue();
        assertThat(
                        sim.server()
                                .findAll(
                                        putRequestedFor(
                                                urlMatching("/compute/v2.1/os-services/.*"))))
                .hasSize(3);
        assertThat(executor.pending())
                .extracting(h -> h.action().target())
                .containsExactly("compute-4", "compute-5");
    }

    @Test
    void shouldClearTheStormAlarmWhenTheStormIsOver() {
        live(GuardConfig.builder().storm(0.3, Duration.ofMinutes(2), 3).build());
        all(
                executor.submitAll(
                        List.of(
                                forceDown("compute-1", T0),
                                forceDown("compute-2", T0),
                                forceDown("compute-3", T0))));

        executor.submit(resetState("vm-9", "compute-9", T0.plus(Duration.ofMinutes(10)))).join();

        assertThat(sink.alarms)
                .extracting(Alarm::status)
                .containsExactly(Alarm.Status.ACTIVE, Alarm.Status.CLEARED);
    }

    @Test
    void shouldHoldActionsInApprovalModeUntilAnOperatorApprovesOrRejectsThem() {
        live(GuardConfig.builder().approval(Approval.ALL).build());
        HealingAction down = forceDown("compute-3", T0);
        HealingAction reset = resetState("vm-1", "compute-3", T0);

        List<ActionResult> held = all(executor.submitAll(List.of(down, reset)));
        assertThat(held).extracting(ActionResult::status).containsOnly(Status.HELD);
        assertThat(novaCalls()).isZero();

        ActionResult approved = executor.approve(down.id()).join();
        ActionResult rejected = executor.reject(reset.id(), "VM already gone");

        assertThat(approved.status()).isEqualTo(Status.SENT);
        assertThat(rejected.status()).isEqualTo(Status.SUPPRESSED);
        assertThat(rejected.reason()).isEqualTo("rejected by an operator: VM already gone");
        assertThat(executor.pending()).isEmpty();
        assertThat(
                        sim.server()
                                .findAll(
                                        putRequestedFor(
                                                urlMatching("/compute/v2.1/os-services/svc-1"))))
                .hasSize(1);
        assertThat(sim.server().findAll(postRequestedFor(urlMatching("/compute/v2.1/servers/.*"))))
                .isEmpty();
        assertThatThrownBy(() -> executor.approve(reset.id()))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("no action " + reset.id() + " is held");
    }

    @Test
    void shouldHoldOnlyDestructiveActionsInDestructiveApprovalMode() {
        live(GuardConfig.builder().approval(Approval.DESTRUCTIVE).build());

        List<ActionResult> results =
                all(
                        executor.submitAll(
                                List.of(
                                        forceDown("compute-3", T0),
                                        resetState("vm-1", "compute-3", T0))));

        assertThat(results)
                .extracting(ActionResult::status)
                .containsExactly(Status.HELD, Status.SENT);
    }

    @Test
    void shouldNeverRunAnActionAgainAfterARestart() {
        live(GuardConfig.defaults());
        HealingAction a = forceDown("compute-3", T0);
        executor.submit(a).join();
        journal.close();

        live(GuardConfig.defaults());
        ActionResult again = executor.submit(a).join();

        assertThat(again.status()).isEqualTo(Status.SENT);
        assertThat(sink.results).isEmpty();
        assertThat(sim.server().findAll(putRequestedFor(urlMatching("/compute/.*")))).hasSize(1);
    }

    @Test
    void shouldReportAnActionInterruptedByAStopAsFailedAndNeverSendIt() {
        ActionJournal crashed = ActionJournal.open(dir.resolve("journal.jsonl"));
        HealingAction a = forceDown("compute-3", T0);
        crashed.claimAll(List.of(a)); // the process died before Nova answered
        crashed.close();

        live(GuardConfig.defaults());
        List<ActionResult> recovered = executor.recoverInterrupted();
        executor.submit(a).join();

        assertThat(recovered).extracting(ActionResult::status).containsExactly(Status.FAILED);
        assertThat(recovered.get(0).reason()).startsWith("interrupted:");
        assertThat(sink.results).hasSize(1);
        assertThat(novaCalls()).isZero();
    }

    @Test
    void shouldKeepHeldActionsPendingAcrossARestart() {
        live(GuardConfig.builder().approval(Approval.ALL).build());
        HealingAction a = forceDown("compute-3", T0);
        executor.submit(a).join();
        journal.close();

        live(GuardConfig.builder().approval(Approval.ALL).build());
        assertThat(executor.pending()).extracting(h -> h.action()).containsExactly(a);
        ActionResult approved = executor.approve(a.id()).join();

        assertThat(approved.status()).isEqualTo(Status.SENT);
        assertThat(executor.submit(a).join().status()).isEqualTo(Status.SENT);
        assertThat(sim.server().findAll(putRequestedFor(urlMatching("/compute/.*")))).hasSize(1);
    }

    @Test
    void shouldSuppressActionsOnTheDenyListsAndOutsideTheAllowLists() {
        live(
                GuardConfig.builder()
                        .denyTypes(List.of("nova.server.evacuate"))
                        .denyEntities(List.of("compute-ctl-*"))
                        .allowTypes(
                                List.of(
                                        "nova.host.force_down",
                                        "nova.server.evacuate",
                                        "nova.server.reboot"))
                        .build());

        List<ActionResult> results =
                all(
                        executor.submitAll(
                                List.of(
                                        action("nova.server.evacuate", "vm-1", Map.of(), T0),
                                        forceDown("compute-ctl-1", T0),
                                        resetState("vm-2", "compute-3", T0),
                                        action("nova.server.reboot", "vm-3", Map.of(), T0))));

        assertThat(results)
                .extracting(ActionResult::status)
                .containsExactly(
                        Status.SUPPRESSED, Status.SUPPRESSED, Status.SUPPRESSED, Status.SENT);
        assertThat(results)
                .extracting(ActionResult::reason)
                .containsExactly(
                        "action type nova.server.evacuate is on the deny list",
                        "target compute-ctl-1 matches deny-list entry compute-ctl-*",
                        "action type nova.server.reset_state is not on the allow list"
                                + " [nova.host.force_down, nova.server.evacuate, nova.server.reboot]",
                        "nova accepted reboot (202)");
    }

    @Test
    void shouldFailAnActionNoAdapterCarriesOut() {
        live(GuardConfig.defaults());

        ActionResult r = executor.submit(action("k8s.pod.delete", "upf-0", Map.of(), T0)).join();

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.reason())
                .startsWith("no adapter carries out k8s.pod.delete; known types: [nova.");
    }

    @Test
    void shouldFailAnInvalidActionWithTheReason() {
        live(GuardConfig.defaults());

        ActionResult r =
                executor.submit(
                                action(
                                        "nova.server.reset_state",
                                        "vm-1",
                                        Map.of("state", "frozen"),
                                        T0))
                        .join();

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.reason())
                .isEqualTo(
                        "invalid action: parameter state of nova.server.reset_state must be error or"
                                + " active but was frozen");
    }
}
