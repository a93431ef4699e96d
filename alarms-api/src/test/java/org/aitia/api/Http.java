package org.aitia.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aitia.model.Json;

/** A small HTTP client for the tests: JSON in, status and JSON out. */
final class Http {
    /** An answer. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Http(String base) {
        this.base = base;
    }

    /** The same client with Vitrage noauth headers. */
    static Http noauth(String base, String user, String project, String roles) {
        Http h = new Http(base);
        h.headers.put("x-user-id", user);
        h.headers.put("x-project-id", project);
        h.headers.put("x-roles", roles);
        return h;
    }

    Http header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, String json) {
        return send("POST", path, json);
    }

    Answer put(String path, String json) {
        return send("PUT", path, json);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer send(String method, String path, String json) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
