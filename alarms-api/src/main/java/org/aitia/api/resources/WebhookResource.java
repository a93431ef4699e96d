package org.aitia.api.resources;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aitia.api.entities.Webhook;
import org.aitia.api.security.AccessGuard;
import org.aitia.api.security.Role;
import org.aitia.api.services.Scope;
import org.aitia.api.services.WebhookService;
import org.aitia.model.Json;

/**
 * Vitrage's {@code /v1/webhook} routes. Readers who are not admins see header names with masked
 * values, since headers often carry credentials.
 */
public final class WebhookResource {
    private final WebhookService service;

    public WebhookResource(WebhookService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.post(
                "/v1/webhook",
                ctx -> ctx.json(service.add(scope(ctx), Params.body(ctx))),
                Role.ADMIN);
        app.get(
                "/v1/webhook",
                ctx ->
                        ctx.json(
                                service.list(scope(ctx)).stream()
                                        .map(w -> masked(ctx, w))
                                        .toList()),
                Role.READER);
        app.get(
                "/v1/webhook/{id}",
                ctx -> ctx.json(masked(ctx, service.show(scope(ctx), ctx.pathParam("id")))),
                Role.READER);
        app.delete(
                "/v1/webhook/{id}",
                ctx -> ctx.json(service.delete(scope(ctx), ctx.pathParam("id"))),
                Role.ADMIN);
    }

    private static Scope scope(Context ctx) {
        return Scope.of(AccessGuard.principal(ctx), Params.bool(ctx, null, "all_tenants"));
    }

    static Webhook masked(Context ctx, Webhook w) {
        if (AccessGuard.principal(ctx).isAdmin() || w.headers() == null) {
            return w;
        }
        Map<String, String> names = new LinkedHashMap<>();
        Json.read(w.headers(), Map.class)
                .keySet()
                .forEach(k -> names.put(String.valueOf(k), "***"));
        return new Webhook(
                w.id(),
                w.createdAt(),
                w.projectId(),
                w.isAdminWebhook(),
                w.url(),
                Json.write(names),
                w.regexFilter());
    }
}
