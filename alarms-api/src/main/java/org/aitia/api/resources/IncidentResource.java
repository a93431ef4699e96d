package org.aitia.api.resources;

import io.javalin.Javalin;
import org.aitia.api.security.AccessGuard;
import org.aitia.api.security.Role;
import org.aitia.api.services.IncidentService;
import org.aitia.api.services.Scope;

/** {@code /api/v1/incidents}: current root causes with their consequences and explanation. */
public final class IncidentResource {
    private final IncidentService service;

    public IncidentResource(IncidentService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.get(
                "/api/v1/incidents",
                ctx ->
                        ctx.json(
                                service.incidents(
                                        Scope.of(
                                                AccessGuard.principal(ctx),
                                                Params.bool(ctx, null, "all_tenants")),
                                        Params.bool(ctx, null, "include_isolated"))),
                Role.READER);
    }
}
