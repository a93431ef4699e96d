package org.aitia.healing.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.aitia.healing.Actions.T0;
import static org.aitia.healing.Actions.action;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.Map;
import org.aitia.healing.MutableClock;
import org.aitia.healing.adapter.CallOutcome;
import org.aitia.healing.bench.OpenStackSimulator;
import org.aitia.model.HealingAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NovaAdapterTest {
    static final String SERVICE = "e81d66a4-ddd3-4aba-8a84-171d1cb4d339";
    static final String SERVER = "9168b536-cd40-4630-b43f-b259807c6e87";
    static final String NOVA = OpenStackSimulator.NOVA;

    OpenStackFixture os;
    WireMockServer wm;
    MutableClock clock;
    NovaAdapter nova;

    @BeforeEach
    void start() {
        os = new OpenStackFixture();
        wm = os.sim.server();
        clock = new MutableClock(T0);
        os.sim.stubToken("tok-1", T0.plus(Duration.ofHours(1)));
        nova = new NovaAdapter(os.client(clock), os.retrying);
    }

    @AfterEach
    void stop() {
        os.close();
    }

    static MappingBuilder withMicroversion(MappingBuilder m) {
        return m.withHeader("X-OpenStack-Nova-API-Version", equalTo("2.53"))
                .withHeader("OpenStack-API-Version", equalTo("compute 2.53"));
    }

    CallOutcome run(HealingAction a) {
        return nova.execute(a).join();
    }

    @Test
    void shouldForceDownTheComputeServiceByItsUuidAsDoctorDoes() {
        wm.stubFor(
                withMicroversion(put(urlEqualTo(NOVA + "/os-services/" + SERVICE)))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                                                {"service": {"id": "%s", "binary": "nova-compute",
                                                 "disabled_reason": null, "host": "compute-3",
                                                 "state": "down", "status": "enabled",
                                                 "updated_at": "2026-11-24T01:00:00.000000",
                                                 "forced_down": true, "zone": "nova"}}"""
                                                        .formatted(SERVICE))));

        CallOutcome out =
                run(
                        action(
                                "nova.host.force_down",
                                "host:compute-3",
                                Map.of("service_id", SERVICE, "host", "compute-3"),
                                T0));

        assertThat(out.sent()).as(out.detail()).isTrue();
        assertThat(out.attempts()).isEqualTo(1);
        wm.verify(
                1,
                putRequestedFor(urlEqualTo(NOVA + "/os-services/" + SERVICE))
                        .withHeader("X-Auth-Token", equalTo("tok-1"))
                        .withHeader("X-OpenStack-Nova-API-Version", equalTo("2.53"))
                        .withHeader("OpenStack-API-Version", equalTo("compute 2.53"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson("{\"forced_down\": true}")));
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(OpenStackSimulator.KEYSTONE + "/auth/tokens"))
                        .withRequestBody(
                                equalToJson(
                                        """
                                        {"auth": {
                                          "identity": {"methods": ["password"],
                                            "password": {"user": {"name": "admin",
                                              "domain": {"name": "Default"}, "password": "secret"}}},
                                          "scope": {"project": {"name": "admin",
                                            "domain": {"name": "Default"}}}}}""")));
    }

    @Test
    void shouldLookUpTheServiceOfTheHostWhenTheActionNamesNoServiceId() {
        wm.stubFor(
                withMicroversion(
                                get(
                                        urlEqualTo(
                                                NOVA
                                                        + "/os-services?binary=nova-compute&host=compute-3")))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                                                {"services": [{"id": "%s", "binary": "nova-compute",
                                                 "disabled_reason": null, "host": "compute-3",
                                                 "state": "up", "status": "enabled",
                                                 "updated_at": "2026-11-24T00:59:00.000000",
                                                 "forced_down": false, "zone": "nova"}]}"""
                                                        .formatted(SERVICE))));
        wm.stubFor(
                withMicroversion(put(urlEqualTo(NOVA + "/os-services/" + SERVICE)))
                        .willReturn(aResponse().withStatus(200).withBody("{\"service\": {}}")));

        CallOutcome out =
                run(
                        action(
                                "nova.host.force_down",
                                "host:compute-3",
                                Map.of("host", "compute-3"),
                                T0));

        assertThat(out.sent()).as(out.detail()).isTrue();
        assertThat(out.attempts()).isEqualTo(2);
        wm.verify(
                1,
                getRequestedFor(
                        urlEqualTo(NOVA + "/os-services?binary=nova-compute&host=compute-3")));
        wm.verify(
                1,
                putRequestedFor(urlEqualTo(NOVA + "/os-services/" + SERVICE))
                        .withRequestBody(equalToJson("{\"forced_down\": true}")));
    }

    @Test
    void shouldFailForceDownWhenNovaKnowsNoComputeServiceOnTheHost() {
        wm.stubFor(
                get(urlEqualTo(NOVA + "/os-services?binary=nova-compute&host=compute-9"))
                        .willReturn(aResponse().withStatus(200).withBody("{\"services\": []}")));

        CallOutcome out =
                run(
                        action(
                                "nova.host.force_down",
                                "host:compute-9",
                                Map.of("host", "compute-9"),
                                T0));

        assertThat(out.sent()).isFalse();
        assertThat(out.detail()).isEqualTo("nova knows no nova-compute service on host compute-9");
    }

    @Test
    void shouldResetTheServerStateToError() {
        stubServerAction(202);

        CallOutcome out =
                run(
                        action(
                                "nova.server.reset_state",
                                "vm:" + SERVER,
                                Map.of("server_id", SERVER),
                                T0));

        assertThat(out.sent()).as(out.detail()).isTrue();
        verifyServerAction("{\"os-resetState\": {\"state\": \"error\"}}");
    }

    @Test
    void shouldFallBackToTheTargetIdWhenTheActionNamesNoServerId() {
        stubServerAction(202);

        CallOutcome out = run(action("nova.server.reset_state", SERVER, Map.of(), T0));

        assertThat(out.sent()).as(out.detail()).isTrue();
        verifyServerAction("{\"os-resetState\": {\"state\": \"error\"}}");
    }

    @Test
    void shouldHardRebootTheServer() {
        stubServerAction(202);

        assertThat(
                        run(action("nova.server.reboot", "vm-1", Map.of("server_id", SERVER), T0))
                                .sent())
                .isTrue();

        verifyServerAction("{\"reboot\": {\"type\": \"HARD\"}}");
    }

    @Test
    void shouldEvacuateTheServerToTheNamedHost() {
        stubServerAction(200);

        CallOutcome out =
                run(
                        action(
                                "nova.server.evacuate",
                                "vm-1",
                                Map.of("server_id", SERVER, "target_host", "compute-7"),
                                T0));

        assertThat(out.sent()).as(out.detail()).isTrue();
        verifyServerAction("{\"evacuate\": {\"host\": \"compute-7\"}}");
    }

    @Test
    void shouldLetTheSchedulerPickTheHostOfAnEvacuationWhenNoneIsNamed() {
        stubServerAction(200);

        run(action("nova.server.evacuate", "vm-1", Map.of("server_id", SERVER), T0));

        verifyServerAction("{\"evacuate\": {}}");
    }

    @Test
    void shouldLiveMigrateWithAutomaticBlockMigration() {
        stubServerAction(202);

        run(action("nova.server.live_migrate", "vm-1", Map.of("server_id", SERVER), T0));

        verifyServerAction("{\"os-migrateLive\": {\"host\": null, \"block_migration\": \"auto\"}}");
    }

    @Test
    void shouldRetryAfterA500AndSucceed() {
        String path = NOVA + "/servers/" + SERVER + "/action";
        wm.stubFor(
                post(urlEqualTo(path))
                        .inScenario("flaky")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                aResponse()
                                        .withStatus(500)
                                        .withBody(
                                                "{\"computeFault\": {\"code\": 500, \"message\":"
                                                        + " \"Unexpected API Error.\"}}"))
                        .willSetStateTo("recovered"));
        wm.stubFor(
                post(urlEqualTo(path))
                        .inScenario("flaky")
                        .whenScenarioStateIs("recovered")
                        .willReturn(aResponse().withStatus(202)));

        CallOutcome out =
                run(action("nova.server.reset_state", "vm-1", Map.of("server_id", SERVER), T0));

        assertThat(out.sent()).as(out.detail()).isTrue();
        assertThat(out.attempts()).isEqualTo(2);
        wm.verify(2, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void shouldFailWithNovasAnswerAndNotRetryOnA409Conflict() {
        String path = NOVA + "/servers/" + SERVER + "/action";
        wm.stubFor(
                post(urlEqualTo(path))
                        .willReturn(
                                aResponse()
                                        .withStatus(409)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"conflictingRequest\": {\"code\": 409, \"message\":"
                                                        + " \"Cannot 'evacuate' instance "
                                                        + SERVER
                                                        + " while it is in vm_state active\"}}")));

        CallOutcome out =
                run(action("nova.server.evacuate", "vm-1", Map.of("server_id", SERVER), T0));

        assertThat(out.sent()).isFalse();
        assertThat(out.attempts()).isEqualTo(1);
        assertThat(out.detail())
                .isEqualTo(
                        "nova answered 409 to POST /servers/"
                                + SERVER
                                + "/action: Cannot 'evacuate' instance "
                                + SERVER
                                + " while it is in vm_state active");
        wm.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptWhenNovaKeepsFailing() {
        String path = NOVA + "/servers/" + SERVER + "/action";
        wm.stubFor(
                post(urlEqualTo(path))
                        .willReturn(
                                aResponse()
                                        .withStatus(503)
                                        .withBody("<html>Service Unavailable</html>")));

        CallOutcome out =
                run(action("nova.server.reboot", "vm-1", Map.of("server_id", SERVER), T0));

        assertThat(out.sent()).isFalse();
        assertThat(out.attempts()).isEqualTo(3);
        assertThat(out.detail()).contains("nova answered 503").contains("gave up after 3 attempts");
        wm.verify(3, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void shouldRenewTheTokenBeforeItExpiresMidRun() {
        wm.resetAll();
        os.sim.stubTokens(
                "tok-1", T0.plus(Duration.ofHours(1)), "tok-2", T0.plus(Duration.ofHours(2)));
        stubServerAction(202);
        HealingAction first =
                action("nova.server.reset_state", "vm-1", Map.of("server_id", SERVER), T0);
        HealingAction later = action("nova.server.reboot", "vm-1", Map.of("server_id", SERVER), T0);

        run(first);
        clock.advance(Duration.ofMinutes(56)); // within the 5-minute margin of tok-1's expiry
        CallOutcome out = run(later);

        assertThat(out.sent()).as(out.detail()).isTrue();
        wm.verify(2, postRequestedFor(urlEqualTo(OpenStackSimulator.KEYSTONE + "/auth/tokens")));
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(NOVA + "/servers/" + SERVER + "/action"))
                        .withHeader("X-Auth-Token", equalTo("tok-1"))
                        .withRequestBody(
                                equalToJson("{\"os-resetState\": {\"state\": \"error\"}}")));
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(NOVA + "/servers/" + SERVER + "/action"))
                        .withHeader("X-Auth-Token", equalTo("tok-2"))
                        .withRequestBody(equalToJson("{\"reboot\": {\"type\": \"HARD\"}}")));
    }

    @Test
    void shouldReauthenticateAndRetryWhenNovaRejectsTheToken() {
        wm.resetAll();
        os.sim.stubTokens(
                "tok-1", T0.plus(Duration.ofHours(1)), "tok-2", T0.plus(Duration.ofHours(2)));
        String path = NOVA + "/servers/" + SERVER + "/action";
        wm.stubFor(
                post(urlEqualTo(path))
                        .withHeader("X-Auth-Token", equalTo("tok-1"))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withBody(
                                                "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\","
                                                        + " \"message\": \"The request you have made"
                                                        + " requires authentication.\"}}")));
        wm.stubFor(
                post(urlEqualTo(path))
                        .withHeader("X-Auth-Token", equalTo("tok-2"))
                        .willReturn(aResponse().withStatus(202)));

        CallOutcome out =
                run(action("nova.server.reset_state", "vm-1", Map.of("server_id", SERVER), T0));

        assertThat(out.sent()).as(out.detail()).isTrue();
        assertThat(out.attempts()).isEqualTo(2);
        wm.verify(2, postRequestedFor(urlEqualTo(OpenStackSimulator.KEYSTONE + "/auth/tokens")));
    }

    private void stubServerAction(int status) {
        wm.stubFor(
                withMicroversion(post(urlEqualTo(NOVA + "/servers/" + SERVER + "/action")))
                        .willReturn(aResponse().withStatus(status)));
    }

    private void verifyServerAction(String json) {
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(NOVA + "/servers/" + SERVER + "/action"))
                        .withHeader("X-Auth-Token", equalTo("tok-1"))
                        .withHeader("X-OpenStack-Nova-API-Version", equalTo("2.53"))
                        .withHeader("OpenStack-API-Version", equalTo("compute 2.53"))
                        .withRequestBody(equalToJson(json)));
    }
}
