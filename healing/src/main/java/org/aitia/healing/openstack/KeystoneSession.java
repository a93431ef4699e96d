package org.aitia.healing.openstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.aitia.healing.HealingConfig.OpenStackConfig;
import org.aitia.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Keystone v3 token, issued with the password method scoped to a project, and renewed {@code
 * tokenRefreshMargin} before it expires (or at once when a service rejects it), so no call is ever
 * made with a token about to lapse. Concurrent callers share one issuance.
 */
public final class KeystoneSession {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoneSession.class);

    /**
     * An issued token.
     *
     * @param id the {@code X-Subject-Token}
     * @param expiresAt its {@code expires_at}
     * @param endpoints the catalog's URL per service type, for the configured interface and region
     */
    public record Token(String id, Instant expiresAt, Map<String, String> endpoints) {}

    private final OpenStackConfig config;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private CompletableFuture<Token> current;

    public KeystoneSession(OpenStackConfig config, HttpClient http, Clock clock, Duration timeout) {
        this.config = config;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A token valid for at least the refresh margin; issues a new one when needed. */
    public synchronized CompletableFuture<Token> token() {
        if (current != null) {
            if (!current.isDone()) {
                return current;
            }
            if (!current.isCompletedExceptionally()) {
                Token t = current.join();
                if (clock.instant().isBefore(t.expiresAt().minus(config.tokenRefreshMargin()))) {
                    return current;
                }
                LOG.info(
                        "Keystone token expires at {}, within {}: renewing",
                        t.expiresAt(),
                        config.tokenRefreshMargin());
            }
        }
        current = issue();
        return current;
    }

    /** Forgets {@code token} (a service answered 401), so the next call issues a new one. */
    public synchronized void invalidate(Token token) {
        if (current != null
                && current.isDone()
                && !current.isCompletedExceptionally()
                && current.join().id().equals(token.id())) {
            LOG.warn("Keystone token rejected by a service: re-authenticating");
            current = null;
        }
    }

    /** The URL of service {@code type} ({@code compute}, {@code network}, {@code workflowv2}). */
    public String endpoint(Token token, String type) {
        String override =
                switch (type) {
                    case "compute" -> config.computeUrl();
                    case "network" -> config.networkUrl();
                    case "workflowv2" -> config.workflowUrl();
                    default -> null;
                };
        if (override != null) {
            return override;
        }
        String url = token.endpoints().get(type);
        if (url == null) {
            throw new IllegalStateException(
                    "the Keystone catalog has no "
                            + config.endpointInterface()
                            + " endpoint of type "
                            + type
                            + (config.region() == null ? "" : " in region " + config.region())
                            + "; set it in healing.openstack");
        }
        return url;
    }

    private CompletableFuture<Token> issue() {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(config.authUrl() + "/auth/tokens"))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(authBody()))
                        .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(this::parse);
    }

    private Token parse(HttpResponse<String> response) {
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException(
                    "keystone answered "
                            + response.statusCode()
                            + ": "
                            + Faults.message(response.body()));
        }
        String id = response.headers().firstValue("X-Subject-Token").orElse(null);
        if (id == null) {
            throw new IllegalStateException("keystone answered without an X-Subject-Token");
        }
        JsonNode token;
        try {
            token = Json.mapper().readTree(response.body()).path("token");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("keystone answered a body that is not JSON", e);
        }
        Instant expires = Instant.parse(token.path("expires_at").asText());
        Map<String, String> endpoints = new HashMap<>();
        for (JsonNode service : token.path("catalog")) {
            for (JsonNode ep : service.path("endpoints")) {
                boolean sameInterface =
                        config.endpointInterface().equals(ep.path("interface").asText());
                String region = ep.path("region_id").asText(ep.path("region").asText(null));
                boolean sameRegion = config.region() == null || config.region().equals(region);
                if (sameInterface && sameRegion) {
                    endpoints.putIfAbsent(
                            service.path("type").asText(), stripSlash(ep.path("url").asText()));
                }
            }
        }
        LOG.info("Keystone token issued for {}, expires at {}", config.username(), expires);
        return new Token(id, expires, Map.copyOf(endpoints));
    }

    private String authBody() {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode auth = root.putObject("auth");
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode user = identity.putObject("password").putObject("user");
        user.put("name", config.username());
        user.putObject("domain").put("name", config.userDomain());
        user.put("password", config.password());
        ObjectNode project = auth.putObject("scope").putObject("project");
        project.put("name", config.projectName());
        project.putObject("domain").put("name", config.projectDomain());
        return Json.write(root);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
