package org.aitia.healing.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Instant;
import org.aitia.healing.HealingConfig.OpenStackConfig;

/**
 * WireMock playing Keystone (and, with the stubs a test adds, Nova, Neutron and Mistral) on a free
 * port of 127.0.0.1, with the token and catalog shapes of the Identity API v3 reference. Paths:
 * Keystone {@code /identity/v3}, Nova {@code /compute/v2.1}, Neutron {@code /networking}, Mistral
 * {@code /workflow/v2}.
 */
public final class OpenStackSimulator implements AutoCloseable {
    public static final String KEYSTONE = "/identity/v3";
    public static final String NOVA = "/compute/v2.1";
    public static final String NEUTRON = "/networking";
    public static final String MISTRAL = "/workflow/v2";

    private final WireMockServer server;

    /**
     * Starts WireMock with {@code threads} Jetty threads and asynchronous delayed answers; its
     * request journal records every call for verification.
     */
    public OpenStackSimulator(int threads) {
        server =
                new WireMockServer(
                        options()
                                .bindAddress("127.0.0.1")
                                .dynamicPort()
                                .containerThreads(threads)
                                .jettyAcceptors(2)
                                .asynchronousResponseEnabled(true)
                                .asynchronousResponseThreads(threads));
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Settings for user {@code admin} / project {@code admin} against this Keystone. */
    public OpenStackConfig config() {
        return OpenStackConfig.of(baseUrl() + KEYSTONE, "admin", "secret", "admin");
    }

    /** Keystone issues {@code tokenId} expiring at {@code expiresAt}, every time it is asked. */
    public void stubToken(String tokenId, Instant expiresAt) {
        server.stubFor(
                post(urlEqualTo(KEYSTONE + "/auth/tokens"))
                        .willReturn(tokenResponse(tokenId, expiresAt)));
    }

    /**
     * Keystone issues {@code first} then, on every later request, {@code second} (a scenario): for
     * tests of renewal.
     */
    public void stubTokens(String first, Instant firstExpiry, String second, Instant secondExpiry) {
        server.stubFor(
                post(urlEqualTo(KEYSTONE + "/auth/tokens"))
                        .inScenario("tokens")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(tokenResponse(first, firstExpiry))
                        .willSetStateTo("renewed"));
        server.stubFor(
                post(urlEqualTo(KEYSTONE + "/auth/tokens"))
                        .inScenario("tokens")
                        .whenScenarioStateIs("renewed")
                        .willReturn(tokenResponse(second, secondExpiry)));
    }

    private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokenResponse(
            String tokenId, Instant expiresAt) {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Subject-Token", tokenId)
                .withBody(tokenBody(expiresAt));
    }

    /** The body of a project-scoped token, as in the Identity API v3 reference. */
    public String tokenBody(Instant expiresAt) {
        String base = baseUrl();
        return """
                {"token": {
                  "methods": ["password"],
                  "user": {"domain": {"id": "default", "name": "Default"},
                           "id": "ee4dfb6e5540447cb3741905149d9b6e", "name": "admin",
                           "password_expires_at": null},
                  "audit_ids": ["3T2dc1CGQxyJsHdDu1xkcw"],
                  "expires_at": "%s",
                  "issued_at": "%s",
                  "project": {"domain": {"id": "default", "name": "Default"},
                              "id": "a6944d763bf64ee6a275f1263fae0352", "name": "admin"},
                  "is_domain": false,
                  "roles": [{"id": "51cc68287d524c759f47c811e6463340", "name": "admin"}],
                  "catalog": [
                    {"type": "compute", "name": "nova", "id": "1b5d2f5d9a7b4d9f8ab6e6c3e0c1a001",
                     "endpoints": [
                       {"id": "e1", "interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "%s"},
                       {"id": "e2", "interface": "internal", "region_id": "RegionOne", "region": "RegionOne", "url": "http://192.0.2.1:8774/v2.1"}]},
                    {"type": "network", "name": "neutron", "id": "1b5d2f5d9a7b4d9f8ab6e6c3e0c1a002",
                     "endpoints": [
                       {"id": "e3", "interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "%s/"}]},
                    {"type": "workflowv2", "name": "mistral", "id": "1b5d2f5d9a7b4d9f8ab6e6c3e0c1a003",
                     "endpoints": [
                       {"id": "e4", "interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "%s"}]},
                    {"type": "identity", "name": "keystone", "id": "1b5d2f5d9a7b4d9f8ab6e6c3e0c1a004",
                     "endpoints": [
                       {"id": "e5", "interface": "public", "region_id": "RegionOne", "region": "RegionOne", "url": "%s"}]}
                  ]}}
                """
                .formatted(
                        expiresAt,
                        expiresAt.minusSeconds(3600),
                        base + NOVA,
                        base + NEUTRON,
                        base + MISTRAL,
                        base + KEYSTONE);
    }

    @Override
    public void close() {
        server.stop();
    }
}
