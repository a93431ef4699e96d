package org.aitia.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.Severity;
import org.aitia.model.TopologyChange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Authentication with static bearer tokens, roles, tenancy and input limits, on a server fed
 * directly (no Kafka, no Elasticsearch).
 */
class SecurityIT {
    private static final String READER_P1 = "reader-token-of-project-1-0123456789";
    private static final String ADMIN_P1 = "admin-token-of-project-1-0123456789";
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static AlarmsApi api;

    @BeforeAll
    static void start() {
        LOGS.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOGS);
        ApiConfig config =
                new ApiConfig(
                        null,
                        0,
                        ApiConfig.Auth.staticTokens(
                                List.of(
                                        new ApiConfig.StaticToken(
                                                READER_P1, "alice", "p1", Set.of("reader")),
                                        new ApiConfig.StaticToken(
                                                ADMIN_P1, "root", "p1", Set.of("admin")))),
                        2048L,
                        null,
                        100,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        api = AlarmsApi.start(config, null, null);
        api.topology()
                .apply(TopologyChange.upsert(Entity.of("host-1", "nova.host", "host-1", "s1")));
        api.topology()
                .apply(
                        TopologyChange.upsert(
                                new Entity(
                                        "vm-a",
                                        "nova.instance",
                                        "a",
                                        "s1",
                                        "ACTIVE",
                                        Map.of("project_id", "p1"))));
        api.topology()
                .apply(
                        TopologyChange.upsert(
                                new Entity(
                                        "vm-b",
                                        "nova.instance",
                                        "b",
                                        "s1",
                                        "ACTIVE",
                                        Map.of("project_id", "p2"))));
        for (String e : List.of("host-1", "vm-a", "vm-b")) {
            Alarm a = Alarm.raised("collectd", e, "s1", "down", Severity.CRITICAL, Stack.T0);
            api.alarms().apply(a.id(), a);
        }
    }

    @AfterAll
    static void stop() {
        api.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
    }

    private static Http bearer(String token) {
        return new Http(api.url()).header("Authorization", "Bearer " + token);
    }

    private static List<String> resources(JsonNode alarms) {
        List<String> out = new ArrayList<>();
        alarms.forEach(a -> out.add(a.get("vitrage_resource_id").asText()));
        return out;
    }

    @Test
    void shouldRefuseARequestWithoutOrWithAWrongTokenWithAJsonReason() {
        Http.Answer none = new Http(api.url()).get("/v1/alarm/");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("reason").asText()).contains("a token is required");
        Http.Answer wrong = bearer("not-a-valid-token-at-all-xx").get("/v1/alarm/");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("reason").asText()).isEqualTo("the token is not valid");
        assertThat(new Http(api.url()).header("X-Auth-Token", READER_P1).get("/v1/alarm/").status())
                .isEqualTo(200);
    }

    @Test
    void shouldServeHealthAndStatusWithoutAuthentication() {
        assertThat(new Http(api.url()).get("/health").status()).isEqualTo(200);
        Http.Answer status = new Http(api.url()).get("/v1/status");
        assertThat(status.status()).isEqualTo(503);
        assertThat(status.json().get("reason").asText()).isEqualTo("the engine is not ready");
    }

    @Test
    void shouldShowAReaderOnlyItsProjectsAndSharedResourcesAlarms() {
        assertThat(resources(bearer(READER_P1).get("/v1/alarm/").json()))
                .containsExactlyInAnyOrder("host-1", "vm-a");
        assertThat(bearer(READER_P1).get("/v1/alarm/count").json().get("critical").asInt())
                .isEqualTo(2);
        assertThat(bearer(READER_P1).get("/v1/resources/vm-b").status()).isEqualTo(404);
    }

    @Test
    void shouldAllowAllTenantsOnlyToAnAdmin() {
        Http.Answer refused = bearer(READER_P1).get("/v1/alarm/?all_tenants=True");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("reason").asText())
                .isEqualTo("all_tenants needs the admin role");
        assertThat(resources(bearer(ADMIN_P1).get("/v1/alarm/?all_tenants=True").json()))
                .containsExactlyInAnyOrder("host-1", "vm-a", "vm-b");
    }

    @Test
    void shouldRefuseAdminRoutesToAReader() {
        Http.Answer a = bearer(READER_P1).put("/v1/template/", "{\"templates\":[]}");
        assertThat(a.status()).isEqualTo(403);
        assertThat(a.json().get("reason").asText())
                .isEqualTo("PUT /v1/template needs the admin role");
        assertThat(bearer(READER_P1).post("/v1/event", "{}").status()).isEqualTo(403);
    }

    @Test
    void shouldRefuseATooLargeBodyAndATooLargePageWithAReason() {
        String big = "{\"query\":\"" + "x".repeat(4096) + "\"}";
        Http.Answer tooBig = bearer(READER_P1).post("/v1/topology", big);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().has("reason")).isTrue();
        Http.Answer page = bearer(READER_P1).get("/v1/alarm/?limit=101");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.json().get("reason").asText())
                .isEqualTo("limit must be between 1 and 100 but was 101");
        Http.Answer malformed = bearer(READER_P1).post("/v1/topology", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("reason").asText()).startsWith("the body is not JSON");
    }

    @Test
    void shouldServeTheDashboardsAssetsButNoDataWithoutAToken() {
        Http anon = new Http(api.url());
        Http.Answer page = anon.get("/ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Aitia</title>");
        assertThat(anon.get("/api/v1/incidents").status()).isEqualTo(401);
    }

    @Test
    void shouldAnswerAnUnknownRouteWithAJson404() {
        Http.Answer a = bearer(READER_P1).get("/v2/nothing");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.json().get("reason").asText()).isEqualTo("Endpoint GET /v2/nothing not found");
    }

    @Test
    void shouldNeverLogAToken() {
        bearer("secret-token-that-must-not-be-logged").get("/v1/alarm/");
        bearer(READER_P1).get("/v1/alarm/a-missing");
        bearer(ADMIN_P1).post("/v1/event", "{\"time\":\"x\"}");
        List<String> lines = new ArrayList<>();
        synchronized (LOGS) {
            LOGS.list.forEach(
                    e ->
                            lines.add(
                                    e.getFormattedMessage()
                                            + (e.getThrowableProxy() == null
                                                    ? ""
                                                    : e.getThrowableProxy().getMessage())));
        }
        assertThat(lines)
                .noneMatch(
                        l ->
                                l.contains("secret-token-that-must-not-be-logged")
                                        || l.contains(READER_P1)
                                        || l.contains(ADMIN_P1));
    }

    @Test
    void shouldRefuseNoauthOnANonLoopbackAddress() {
        ApiConfig open =
                new ApiConfig(
                        "0.0.0.0",
                        0,
                        ApiConfig.Auth.noauth(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
        assertThatThrownBy(() -> AlarmsApi.start(open, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only starts on a loopback address");
    }
}
