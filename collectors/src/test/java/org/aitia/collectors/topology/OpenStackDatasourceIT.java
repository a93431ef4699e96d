package org.aitia.collectors.topology;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aitia.collectors.CollectorsConfig;
import org.aitia.model.TopologyChange;
import org.aitia.model.TopologyChange.Op;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * openstack4j against WireMock serving Keystone v3, Nova, Neutron and Cinder responses shaped as
 * the OpenStack API reference shows them.
 */
class OpenStackDatasourceIT {
    static final String PROJECT = "a6944d763bf64ee6a275f1263fae0352";
    static final String VM = "9168b536-cd40-4630-b43f-b259807c6e87";
    static final String PORT = "d80b1a3b-4fc1-49f3-952e-1e2ab7081d8b";
    static final String NET = "4e8e5957-649f-477b-9e5b-f1f75b21c03c";
    static final String VOLUME = "a26887c6-c47b-4654-abb5-dfadf7d3f803";

    WireMockServer wiremock;
    String base;
    final List<TopologyChange> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        wiremock =
                new WireMockServer(
                        WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wiremock.start();
        base = "http://127.0.0.1:" + wiremock.port();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Keystone: the first token expires in 61 s (so it must be renewed within a second or
        // two), the second one in an hour.
        wiremock.stubFor(
                post(urlPathEqualTo("/identity/v3/auth/tokens"))
                        .inScenario("keystone")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .withRequestBody(matching(".*\"password\".*\"aitia\".*"))
                        .willReturn(token("gAAAAA-tok-1", now, now.plusSeconds(61)))
                        .willSetStateTo("renewed"));
        wiremock.stubFor(
                post(urlPathEqualTo("/identity/v3/auth/tokens"))
                        .inScenario("keystone")
                        .whenScenarioStateIs("renewed")
                        .willReturn(token("gAAAAA-tok-2", now, now.plusSeconds(3600))));
        api("/compute/v2.1/os-availability-zone/detail", "availability_zones.json");
        api("/compute/v2.1/os-hypervisors/detail", "hypervisors.json");
        api("/compute/v2.1/servers/detail", "servers.json");
        api("/network/v2.0/networks", "networks.json");
        api("/network/v2.0/ports", "ports.json");
        api("/volume/v3/" + PROJECT + "/volumes/detail", "volumes.json");
    }

    @AfterEach
    void stop() {
        wiremock.stop();
    }

    @Test
    void shouldResyncTheWholeCloudOnStartThenPublishOnlyTheRemovedServer() throws Exception {
        try (OpenStackDatasource ds = OpenStackDatasource.start(config(300), published::addAll)) {
            StaticDatasourceTest.waitFor(() -> published.size() >= 12);

            assertThat(wiremock.findAllUnmatchedRequests()).isEmpty();
            assertThat(published)
                    .filteredOn(c -> c.entity() != null)
                    .extracting(
                            c -> c.entity().type(), c -> c.entity().id(), c -> c.entity().site())
                    .containsExactlyInAnyOrder(
                            tuple("nova.zone", "nova.zone:internal", "internal"),
                            tuple("nova.zone", "nova.zone:edge-1", "edge-1"),
                            tuple("nova.host", "compute-3", "edge-1"),
                            tuple("nova.instance", VM, "edge-1"),
                            tuple("neutron.network", NET, "default"),
                            tuple("neutron.port", PORT, "default"),
                            tuple("cinder.volume", VOLUME, "edge-1"));
            assertThat(published)
                    .filteredOn(c -> c.relationship() != null)
                    .extracting(TopologyChange::key)
                    .containsExactlyInAnyOrder(
                            "nova.zone:edge-1|contains|compute-3",
                            "compute-3|contains|" + VM,
                            NET + "|contains|" + PORT,
                            PORT + "|attached|" + VM,
                            VOLUME + "|attached|" + VM);
            assertThat(published)
                    .filteredOn(c -> c.entity() != null && c.entity().id().equals(VM))
                    .singleElement()
                    .satisfies(
                            c -> {
                                assertThat(c.entity().name()).isEqualTo("vfw-1");
                                assertThat(c.entity().state()).isEqualTo("ACTIVE");
                            });

            int before = published.size();
            wiremock.stubFor(
                    get(urlPathEqualTo("/compute/v2.1/servers/detail"))
                            .willReturn(
                                    aResponse()
                                            .withStatus(200)
                                            .withHeader("Content-Type", "application/json")
                                            .withBody("{\"servers\": []}")));
            StaticDatasourceTest.waitFor(() -> published.size() >= before + 4);

            assertThat(published.subList(before, published.size()))
                    .extracting(TopologyChange::op, TopologyChange::key)
                    .containsExactlyInAnyOrder(
                            tuple(Op.DELETE, "compute-3|contains|" + VM),
                            tuple(Op.DELETE, PORT + "|attached|" + VM),
                            tuple(Op.DELETE, VOLUME + "|attached|" + VM),
                            tuple(Op.DELETE, VM));
        }
    }

    @Test
    void shouldRenewTheKeystoneTokenBeforeItExpiresWithoutRepublishing() throws Exception {
        try (OpenStackDatasource ds = OpenStackDatasource.start(config(300), published::addAll)) {
            StaticDatasourceTest.waitFor(() -> ds.authentications() >= 2 && ds.polls() >= 4);

            assertThat(ds.authentications()).isGreaterThanOrEqualTo(2);
            assertThat(
                            wiremock.findAll(
                                    com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                                    urlPathEqualTo(
                                                            "/compute/v2.1/os-hypervisors/detail"))
                                            .withHeader("X-Auth-Token", equalTo("gAAAAA-tok-2"))))
                    .isNotEmpty();
            assertThat(published).as("a token renewal changes nothing in the topology").hasSize(12);
            assertThat(published).allMatch(c -> c.op() == Op.UPSERT);
        }
    }

    @Test
    void shouldKeepPollingAfterKeystoneRefusesAndPublishNoDeletes() throws Exception {
        wiremock.resetScenarios();
        wiremock.stubFor(
                post(urlPathEqualTo("/identity/v3/auth/tokens"))
                        .atPriority(1)
                        .inScenario("outage")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request you have made requires authentication.\"}}"))
                        .willSetStateTo("back"));
        try (OpenStackDatasource ds = OpenStackDatasource.start(config(200), published::addAll)) {
            StaticDatasourceTest.waitFor(() -> published.size() >= 12);

            assertThat(published).hasSize(12).allMatch(c -> c.op() == Op.UPSERT);
        }
    }

    private CollectorsConfig.OpenStack config(long pollMs) {
        return new CollectorsConfig.OpenStack(
                base + "/identity/v3",
                "aitia",
                "secret",
                "Default",
                "admin",
                "Default",
                null,
                null,
                pollMs);
    }

    private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(
            String id, Instant issued, Instant expires) throws IOException {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Subject-Token", id)
                .withBody(
                        resource("token.json")
                                .replace(
                                        "{{expires_at}}",
                                        expires.toString().replace("Z", ".000000Z"))
                                .replace(
                                        "{{issued_at}}",
                                        issued.toString().replace("Z", ".000000Z")));
    }

    private void api(String path, String file) throws IOException {
        wiremock.stubFor(
                get(urlPathEqualTo(path))
                        .withHeader("X-Auth-Token", matching("gAAAAA-tok-[12]"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(resource(file))));
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/openstack/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base);
        }
    }
}
