package org.aitia.healing.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.aitia.healing.HealingConfig.WebhookConfig;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;

/**
 * Webhook receivers. The {@code webhook} action POSTs {@code {"notification":
 * "aitia.action.execute", "payload": <the action>}} to every configured URL and to the action's
 * {@code url} parameter; {@link #notify(Alarm)} POSTs Vitrage's shape, {@code {"notification":
 * "vitrage.alarm.activate" | "vitrage.alarm.deactivate", "payload": {...}}}. With a secret, each
 * POST carries {@value #SIGNATURE_HEADER}{@code : sha256=<hex HMAC-SHA256 of the body>}.
 */
public final class WebhookAdapter implements Adapter {
    /** The signature header. */
    public static final String SIGNATURE_HEADER = "X-Aitia-Signature";

    private final WebhookConfig config;
    private final HttpClient http;
    private final Retrying retrying;
    private final Duration timeout;

    public WebhookAdapter(
            WebhookConfig config, HttpClient http, Retrying retrying, Duration timeout) {
        this.config = config;
        this.http = http;
        this.retrying = retrying;
        this.timeout = timeout;
    }

    @Override
    public Set<String> types() {
        return Set.of("webhook");
    }

    @Override
    public CompletableFuture<CallOutcome> execute(HealingAction action) {
        List<String> urls = new ArrayList<>(config.urls());
        String extra = action.parameters().get("url");
        if (extra != null && !extra.isBlank()) {
            urls.add(extra);
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(
                    "webhook action without a url parameter and no healing.webhook.urls");
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("notification", "aitia.action.execute");
        body.set("payload", Json.mapper().valueToTree(action));
        return postAll(action.id(), urls, Json.write(body));
    }

    /** POSTs {@code alarm} in Vitrage's notification shape to every configured URL. */
    public CompletableFuture<CallOutcome> notify(Alarm alarm) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put(
                "notification",
                alarm.isActive() ? "vitrage.alarm.activate" : "vitrage.alarm.deactivate");
        ObjectNode payload = body.putObject("payload");
        payload.put("vitrage_id", alarm.id());
        payload.put("name", alarm.name());
        payload.put("vitrage_category", "ALARM");
        payload.put("vitrage_type", alarm.source());
        payload.put("vitrage_is_deduced", alarm.deduced());
        payload.put("state", alarm.isActive() ? "Active" : "Inactive");
        payload.put("vitrage_operational_severity", alarm.severity().label());
        payload.put("severity", alarm.severity().label());
        payload.put("update_timestamp", alarm.lastSeen().toString());
        ObjectNode resource = payload.putObject("resource");
        resource.put("vitrage_id", alarm.entityId());
        resource.put("id", alarm.entityId());
        resource.put("site", alarm.site());
        return postAll(alarm.id(), config.urls(), Json.write(body));
    }

    private CompletableFuture<CallOutcome> postAll(String id, List<String> urls, String json) {
        List<CompletableFuture<CallOutcome>> posts = new ArrayList<>();
        for (String url : urls) {
            posts.add(retrying.run(id + " POST " + url, n -> post(url, json)));
        }
        return CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new))
                .thenApply(
                        v -> {
                            List<CallOutcome> all =
                                    posts.stream().map(CompletableFuture::join).toList();
                            int attempts = all.stream().mapToInt(CallOutcome::attempts).sum();
                            List<String> failed =
                                    all.stream()
                                            .filter(o -> !o.sent())
                                            .map(CallOutcome::detail)
                                            .toList();
                            if (failed.isEmpty()) {
                                return CallOutcome.sent(
                                        attempts,
                                        "webhook delivered to " + urls.size() + " receivers");
                            }
                            return CallOutcome.failed(attempts, String.join("; ", failed));
                        });
    }

    private CompletableFuture<Attempt> post(String url, String json) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
        config.headers().forEach(b::header);
        if (config.hmacSecret() != null && !config.hmacSecret().isBlank()) {
            b.header(SIGNATURE_HEADER, "sha256=" + sign(config.hmacSecret(), json));
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(
                        r ->
                                Attempt.ofStatus(
                                        r.statusCode(),
                                        "webhook "
                                                + url
                                                + " answered "
                                                + r.statusCode()
                                                + (r.statusCode() / 100 == 2
                                                        ? ""
                                                        : ": " + cut(r.body()))));
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code secret}. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM lacks HmacSHA256", e);
        }
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
