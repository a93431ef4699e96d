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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.Map;
import org.aitia.healing.MutableClock;
import org.aitia.healing.adapter.CallOutcome;
import org.aitia.healing.bench.OpenStackSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NeutronAndMistralAdapterTest {
    static final String PORT = "d7815f5b-a228-47bb-a5e5-f139c4e476f6";
    static final String PORTS = OpenStackSimulator.NEUTRON + "/v2.0/ports/" + PORT;
    static final String EXTENSION =
            OpenStackSimulator.NEUTRON + "/v2.0/extensions/data-plane-status";

    OpenStackFixture os;
    WireMockServer wm;
    NeutronAdapter neutron;
    MistralAdapter mistral;

    @BeforeEach
    void start() {
        os = new OpenStackFixture();
        wm = os.sim.server();
        os.sim.stubToken("tok-1", T0.plus(Duration.ofHours(1)));
        OpenStackHttp http = os.client(new MutableClock(T0));
        neutron = new NeutronAdapter(http, os.retrying);
        mistral = new MistralAdapter(http, os.retrying);
    }

    @AfterEach
    void stop() {
        os.close();
    }

    @Test
    void shouldSetThePortDataPlaneStatusDownWhereTheExtensionExists() {
        wm.stubFor(
                get(urlEqualTo(EXTENSION))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody(
                                                """
                                                {"extension": {"alias": "data-plane-status",
                                                 "name": "Port data plane status extension",
                                                 "description": "Port data plane status extension",
                                                 "links": [], "updated": "2017-04-10T10:00:00-00:00"}}""")));
        wm.stubFor(
                put(urlEqualTo(PORTS))
                        .willReturn(aResponse().withStatus(200).withBody(portBody())));

        CallOutcome out =
                neutron.execute(
                                action(
                                        "neutron.port.set_status",
                                        "port:x",
                                        Map.of("port_id", PORT),
                                        T0))
                        .join();

        assertThat(out.sent()).as(out.detail()).isTrue();
        assertThat(out.detail()).contains("data_plane_status DOWN");
        wm.verify(
                1,
                putRequestedFor(urlEqualTo(PORTS))
                        .withHeader("X-Auth-Token", equalTo("tok-1"))
                        .withRequestBody(
                                equalToJson("{\"port\": {\"data_plane_status\": \"DOWN\"}}")));
    }

    @Test
    void shouldSetAdminStateDownWhereTheDeploymentLacksDataPlaneStatus() {
        wm.stubFor(
                get(urlEqualTo(EXTENSION))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withBody(
                                                "{\"NeutronError\": {\"type\": \"ExtensionNotFound\","
                                                        + " \"message\": \"Extension with alias"
                                                        + " data-plane-status does not exist\","
                                                        + " \"detail\": \"\"}}")));
        wm.stubFor(
                put(urlEqualTo(PORTS))
                        .willReturn(aResponse().withStatus(200).withBody(portBody())));

        CallOutcome first =
                neutron.execute(action("neutron.port.set_status", PORT, Map.of(), T0)).join();
        CallOutcome second =
                neutron.execute(
                                action(
                                        "neutron.port.set_status",
                                        PORT,
                                        Map.of(),
                                        T0.plusSeconds(1)))
                        .join();

        assertThat(first.sent()).as(first.detail()).isTrue();
        assertThat(second.sent()).isTrue();
        wm.verify(
                2,
                putRequestedFor(urlEqualTo(PORTS))
                        .withRequestBody(equalToJson("{\"port\": {\"admin_state_up\": false}}")));
        wm.verify(1, getRequestedFor(urlEqualTo(EXTENSION)));
    }

    @Test
    void shouldFailWithNeutronsMessageWhenThePortDoesNotExist() {
        wm.stubFor(
                get(urlEqualTo(EXTENSION)).willReturn(aResponse().withStatus(200).withBody("{}")));
        wm.stubFor(
                put(urlEqualTo(PORTS))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withBody(
                                                "{\"NeutronError\": {\"type\": \"PortNotFound\","
                                                        + " \"message\": \"Port "
                                                        + PORT
                                                        + " could not be found.\", \"detail\": \"\"}}")));

        CallOutcome out =
                neutron.execute(action("neutron.port.set_status", PORT, Map.of(), T0)).join();

        assertThat(out.sent()).isFalse();
        assertThat(out.attempts()).isEqualTo(1);
        assertThat(out.detail()).endsWith("Port " + PORT + " could not be found.");
    }

    @Test
    void shouldStartAMistralExecutionWithTheWorkflowInputAsVitrageDoes() {
        String path = OpenStackSimulator.MISTRAL + "/executions";
        wm.stubFor(
                post(urlEqualTo(path))
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                                                {"id": "123e4567-e89b-12d3-a456-426655440000",
                                                 "workflow_name": "evacuate_host",
                                                 "workflow_id": "123e4567-e89b-12d3-a456-426655441111",
                                                 "description": "", "state": "RUNNING",
                                                 "state_info": null,
                                                 "input": "{\\"host\\": \\"compute-3\\"}",
                                                 "created_at": "2026-11-24 01:00:00",
                                                 "updated_at": "2026-11-24 01:00:00"}""")));

        CallOutcome out =
                mistral.execute(
                                action(
                                        "mistral.workflow",
                                        "host:compute-3",
                                        Map.of("workflow", "evacuate_host", "host", "compute-3"),
                                        T0))
                        .join();

        assertThat(out.sent()).as(out.detail()).isTrue();
        assertThat(out.detail())
                .isEqualTo(
                        "mistral execution 123e4567-e89b-12d3-a456-426655440000 of evacuate_host"
                                + " is RUNNING");
        wm.verify(
                1,
                postRequestedFor(urlEqualTo(path))
                        .withHeader("X-Auth-Token", equalTo("tok-1"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"workflow_name\": \"evacuate_host\","
                                                + " \"input\": \"{\\\"host\\\":\\\"compute-3\\\"}\"}")));
    }

    @Test
    void shouldRefuseAMistralActionThatNamesNoWorkflow() {
        assertThatThrownBy(
                        () ->
                                mistral.execute(
                                        action("mistral.workflow", "host:compute-3", Map.of(), T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter workflow");
    }

    private static String portBody() {
        return "{\"port\": {\"id\": \""
                + PORT
                + "\", \"admin_state_up\": false,"
                + " \"data_plane_status\": \"DOWN\", \"status\": \"DOWN\"}}";
    }
}
