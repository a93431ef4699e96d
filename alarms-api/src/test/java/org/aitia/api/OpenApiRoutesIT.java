package org.aitia.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds {@code /openapi.json} against the routes the server actually registered (Javalin's
 * handler-added events): a route missing from the document, or a documented route that is not
 * served, fails the test.
 */
class OpenApiRoutesIT {
    private static AlarmsApi api;

    @BeforeAll
    static void start() {
        api = AlarmsApi.start(ApiConfig.defaults().withPort(0).withRulesApi(true), null, null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String normalise(String method, String path) {
        String p = path.replaceAll("\\{[^}]+}", "{}");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return method.toUpperCase(Locale.ROOT) + " " + p;
    }

    private static Set<String> served() {
        Set<String> s = new TreeSet<>();
        api.routes().forEach(r -> s.add(normalise(r.method(), r.path())));
        return s;
    }

    private static Set<String> documented() {
        JsonNode doc = Http.noauth(api.url(), "u", "p", "reader").get("/openapi.json").json();
        Set<String> s = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> s.add(normalise(m, p.getKey())));
        }
        return s;
    }

    @Test
    void shouldDocumentEveryServedRoute() {
        Set<String> missing = new TreeSet<>(served());
        missing.removeAll(documented());
        assertThat(missing).as("served but not in /openapi.json").isEmpty();
    }

    @Test
    void shouldServeEveryDocumentedRoute() {
        Set<String> extra = new TreeSet<>(documented());
        extra.removeAll(served());
        assertThat(extra).as("in /openapi.json but not served").isEmpty();
    }

    @Test
    void shouldServeTheVitrageRoutesTheCommandLineCalls() {
        assertThat(served())
                .contains(
                        "GET /v1/alarm",
                        "GET /v1/alarm/{}",
                        "GET /v1/alarm/count",
                        "GET /v1/alarm/history",
                        "POST /v1/topology",
                        "GET /v1/rca",
                        "POST /v1/resources",
                        "GET /v1/resources/{}",
                        "PUT /v1/template",
                        "POST /v1/template",
                        "DELETE /v1/template",
                        "POST /v1/event",
                        "POST /v1/webhook",
                        "DELETE /v1/webhook/{}",
                        "GET /v1/service",
                        "GET /v1/status");
    }
}
