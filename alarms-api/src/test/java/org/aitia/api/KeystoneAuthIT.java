package org.aitia.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keystone mode against WireMock answering {@code GET /v3/auth/tokens} as the Identity API v3
 * reference shows: the API validates each token once and then serves it from its cache.
 */
class KeystoneAuthIT {
    private static final String SERVICE = "service-token-0123456789";
    private static final String ADMIN = "gAAAAABadmin-token";
    private static final String MEMBER = "gAAAAABmember-token";
    private static WireMockServer keystone;
    private static AlarmsApi api;

    private static String token(String user, String project, String role) {
        String expires =
                Instant.now()
                        .plus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString()
                        .replace("Z", ".000000Z");
        return """
                {"token": {"methods": ["password"], "expires_at": "%s", "issued_at": "2026-01-01T10:00:00.000000Z",
                  "user": {"domain": {"id": "default", "name": "Default"}, "id": "%s", "name": "%s", "password_expires_at": null},
                  "audit_ids": ["3T2dc1CGQxyJsHdDu1xkcw"],
                  "project": {"domain": {"id": "default", "name": "Default"}, "id": "%s", "name": "demo"},
                  "is_domain": false,
                  "roles": [{"id": "51cc68287d524c759f47c811e6463340", "name": "%s"}],
                  "catalog": []}}
                """
                .formatted(expires, user, user, project, role);
    }

    @BeforeAll
    static void start() {
        keystone = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        keystone.start();
        keystone.stubFor(
                get(urlEqualTo("/v3/auth/tokens"))
                        .withHeader("X-Auth-Token", equalTo(SERVICE))
                        .withHeader("X-Subject-Token", equalTo(ADMIN))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("X-Subject-Token", ADMIN)
                                        .withBody(token("u-admin", "p-admin", "admin"))));
        keystone.stubFor(
                get(urlEqualTo("/v3/auth/tokens"))
                        .withHeader("X-Auth-Token", equalTo(SERVICE))
                        .withHeader("X-Subject-Token", equalTo(MEMBER))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("X-Subject-Token", MEMBER)
                                        .withBody(token("u-member", "p-demo", "member"))));
        keystone.stubFor(
                get(urlEqualTo("/v3/auth/tokens"))
                        .atPriority(10)
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\": {\"code\": 404, \"message\": \"Could not find token.\", \"title\": \"Not Found\"}}")));
        ApiConfig config =
                ApiConfig.defaults()
                        .withPort(0)
                        .withAuth(
                                ApiConfig.Auth.keystone(
                                        new ApiConfig.Keystone(
                                                keystone.baseUrl() + "/", SERVICE, 300)));
        api = AlarmsApi.start(config, null, null);
    }

    @AfterAll
    static void stop() {
        api.close();
        keystone.stop();
    }

    @Test
    void shouldAcceptAValidTokenAndAskKeystoneOnlyOnce() {
        Http member = new Http(api.url()).header("X-Auth-Token", MEMBER);
        assertThat(member.get("/v1/alarm/").status()).isEqualTo(200);
        assertThat(member.get("/v1/alarm/count").status()).isEqualTo(200);
        assertThat(member.get("/v1/resources").status()).isEqualTo(200);
        keystone.verify(
                1,
                getRequestedFor(urlEqualTo("/v3/auth/tokens"))
                        .withHeader("X-Subject-Token", equalTo(MEMBER)));
    }

    @Test
    void shouldGiveKeystoneRolesTheirMeaning() {
        Http member = new Http(api.url()).header("X-Auth-Token", MEMBER);
        assertThat(member.get("/v1/alarm/?all_tenants=true").status()).isEqualTo(403);
        assertThat(member.delete("/v1/webhook/x").status()).isEqualTo(403);
        Http admin = new Http(api.url()).header("X-Auth-Token", ADMIN);
        assertThat(admin.get("/v1/alarm/?all_tenants=true").status()).isEqualTo(200);
        assertThat(admin.delete("/v1/webhook/x").status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseATokenKeystoneDoesNotKnow() {
        Http.Answer a =
                new Http(api.url()).header("X-Auth-Token", "gAAAAABunknown").get("/v1/alarm/");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().get("reason").asText())
                .isEqualTo("Keystone does not accept the token (HTTP 404)");
    }
}
