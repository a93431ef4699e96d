package org.aitia.api.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.aitia.api.entities.Webhook;
import org.aitia.api.errors.ApiException;
import org.aitia.api.live.WebhookRegistry;
import org.aitia.model.Json;

/**
 * Vitrage's webhook API. Registrations are published on {@code aitia.webhooks} (compacted, key:
 * id), which the healing webhook adapter consumes. A caller sees its project's registrations; an
 * admin with {@code all_tenants} sees all.
 */
public final class WebhookService {
    private final WebhookRegistry registry;
    private final Publisher publisher;
    private final String topic;
    private final Clock clock;

    public WebhookService(
            WebhookRegistry registry, Publisher publisher, String topic, Clock clock) {
        this.registry = registry;
        this.publisher = publisher;
        this.topic = topic;
        this.clock = clock;
    }

    /** Validates and stores a registration. */
    public Webhook add(Scope scope, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("expected a JSON object {url, regex_filter, headers}");
        }
        String url = body.path("url").asText(null);
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("url: required");
        }
        try {
            URI u = new URI(url);
            if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme())
                    || u.getHost() == null) {
                throw ApiException.badRequest(
                        "url: expected an http(s) URL with a host but was " + url);
            }
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("url: not a URL: " + e.getMessage());
        }
        String headers = jsonObjectText(body.get("headers"), "headers");
        String filter = jsonObjectText(body.get("regex_filter"), "regex_filter");
        if (filter != null) {
            Iterator<Map.Entry<String, JsonNode>> it = read(filter, "regex_filter").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    Pattern.compile(e.getValue().asText());
                } catch (PatternSyntaxException ex) {
                    throw ApiException.badRequest(
                            "regex_filter."
                                    + e.getKey()
                                    + ": not a regular expression: "
                                    + ex.getDescription());
                }
            }
        }
        Webhook w =
                new Webhook(
                        UUID.randomUUID().toString(),
                        clock.instant().toString(),
                        scope.principal().projectId(),
                        scope.principal().isAdmin(),
                        url,
                        headers,
                        filter);
        publisher.publish(topic, w.id(), w);
        registry.apply(w.id(), w);
        return w;
    }

    private static String jsonObjectText(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return null;
        }
        JsonNode obj = v.isTextual() ? (v.asText().isBlank() ? null : read(v.asText(), field)) : v;
        if (obj == null) {
            return null;
        }
        if (!obj.isObject()) {
            throw ApiException.badRequest(field + ": expected a JSON object");
        }
        obj.fields()
                .forEachRemaining(
                        e -> {
                            if (!e.getValue().isValueNode()) {
                                throw ApiException.badRequest(
                                        field + "." + e.getKey() + ": expected a string");
                            }
                        });
        return Json.write(obj);
    }

    private static JsonNode read(String text, String field) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw ApiException.badRequest(field + ": not JSON: " + e.getMessage());
        }
    }

    /** The registrations the caller sees. */
    public List<Webhook> list(Scope scope) {
        return registry.all().stream().filter(w -> visible(scope, w)).toList();
    }

    private static boolean visible(Scope scope, Webhook w) {
        return scope.allTenants() || w.projectId().equals(scope.principal().projectId());
    }

    public Webhook show(Scope scope, String id) {
        return registry.get(id)
                .filter(w -> visible(scope, w))
                .orElseThrow(() -> ApiException.notFound("no webhook " + id));
    }

    /** Deletes a registration (a tombstone on the topic); returns it. */
    public Webhook delete(Scope scope, String id) {
        Webhook w = show(scope, id);
        publisher.publish(topic, id, null);
        registry.apply(id, null);
        return w;
    }
}
