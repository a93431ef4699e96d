package org.aitia.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aitia.api.ApiConfig.Keystone;
import org.aitia.api.errors.ApiException;
import org.aitia.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates {@code X-Auth-Token} against Keystone v3 ({@code GET /v3/auth/tokens} with the token in
 * {@code X-Subject-Token}) and caches each answer for {@link Keystone#cacheSeconds()}, never past
 * the token's {@code expires_at}. The cache is keyed by the token's SHA-256, so no token is kept in
 * memory or logged in clear.
 */
public final class KeystoneAuthenticator implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(KeystoneAuthenticator.class);
    private static final int MAX_CACHED = 10_000;

    private final Keystone config;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Principal principal, Instant until) {}

    public KeystoneAuthenticator(Keystone config, Clock clock) {
        if (config == null || config.url() == null) {
            throw new IllegalArgumentException("keystone.url is required");
        }
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public Principal authenticate(Context ctx) {
        String token = StaticTokenAuthenticator.presentedToken(ctx);
        if (token == null) {
            throw ApiException.unauthorized("X-Auth-Token is required");
        }
        return validate(token);
    }

    /** The principal of {@code token}, from the cache or Keystone. */
    public Principal validate(String token) {
        String key = sha256(token);
        Instant now = clock.instant();
        Cached c = cache.get(key);
        if (c != null && now.isBefore(c.until())) {
            return c.principal();
        }
        JsonNode body = askKeystone(token);
        JsonNode t = body.path("token");
        String user = t.path("user").path("id").asText(null);
        if (user == null) {
            throw new ApiException(502, "Keystone answered without token.user.id");
        }
        String project = t.path("project").path("id").asText(null);
        Set<String> roles = new HashSet<>();
        t.path("roles").forEach(r -> roles.add(r.path("name").asText("")));
        Principal p = new Principal(user, project, roles);
        Instant until = now.plusSeconds(config.cacheSeconds());
        String expires = t.path("expires_at").asText(null);
        if (expires != null) {
            try {
                Instant exp = Instant.parse(expires);
                if (!now.isBefore(exp)) {
                    throw ApiException.unauthorized("the token has expired");
                }
                until = exp.isBefore(until) ? exp : until;
            } catch (DateTimeParseException e) {
                LOG.warn(
                        "Keystone expires_at '{}' is not ISO-8601; caching for {} s",
                        expires,
                        config.cacheSeconds());
            }
        }
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(x -> !now.isBefore(x.until()));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(key, new Cached(p, until));
        return p;
    }

    private JsonNode askKeystone(String token) {
        HttpRequest req =
                HttpRequest.newBuilder(URI.create(config.url() + "/v3/auth/tokens"))
                        .timeout(Duration.ofSeconds(5))
                        .header(
                                "X-Auth-Token",
                                config.serviceToken() == null ? token : config.serviceToken())
                        .header("X-Subject-Token", token)
                        .header("Accept", "application/json")
                        .GET()
                        .build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Keystone at {} cannot be reached: {}", config.url(), e.toString());
            throw ApiException.unavailable("Keystone cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted while asking Keystone");
        }
        int s = resp.statusCode();
        if (s == 401 || s == 403 || s == 404) {
            throw ApiException.unauthorized("Keystone does not accept the token (HTTP " + s + ")");
        }
        if (s != 200) {
            LOG.warn("Keystone answered HTTP {} to a token validation", s);
            throw new ApiException(502, "Keystone answered HTTP " + s);
        }
        try {
            return Json.mapper().readTree(resp.body());
        } catch (IOException e) {
            throw new ApiException(502, "Keystone answered malformed JSON: " + e.getMessage(), e);
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    @Override
    public String mode() {
        return "keystone";
    }
}
