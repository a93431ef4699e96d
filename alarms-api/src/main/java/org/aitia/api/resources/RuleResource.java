package org.aitia.api.resources;

import io.javalin.Javalin;
import org.aitia.api.security.AccessGuard;
import org.aitia.api.security.Role;
import org.aitia.api.services.RuleService;

/** {@code /api/v1/rules}: DRL rule sets, admin only (a DRL rule is code). */
public final class RuleResource {
    private final RuleService service;

    public RuleResource(RuleService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.post(
                "/api/v1/rules/validate",
                ctx -> ctx.json(service.validate(Params.body(ctx))),
                Role.ADMIN);
        app.post(
                "/api/v1/rules",
                ctx ->
                        ctx.status(201)
                                .json(service.add(AccessGuard.principal(ctx), Params.body(ctx))),
                Role.ADMIN);
        app.get("/api/v1/rules", ctx -> ctx.json(service.list()), Role.ADMIN);
        app.get(
                "/api/v1/rules/{name}/versions",
                ctx -> ctx.json(service.versions(ctx.pathParam("name"))),
                Role.ADMIN);
        app.delete(
                "/api/v1/rules/{name}",
                ctx -> ctx.json(service.delete(ctx.pathParam("name"))),
                Role.ADMIN);
    }
}
