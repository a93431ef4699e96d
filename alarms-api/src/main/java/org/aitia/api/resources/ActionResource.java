package org.aitia.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.aitia.api.entities.ActionApproval;
import org.aitia.api.security.AccessGuard;
import org.aitia.api.security.Role;
import org.aitia.api.services.ActionService;

/** {@code /api/v1/actions}: healing actions and results; approve or reject held actions. */
public final class ActionResource {
    private final ActionService service;
    private final int defaultPage;
    private final int maxPage;

    public ActionResource(ActionService service, int defaultPage, int maxPage) {
        this.service = service;
        this.defaultPage = defaultPage;
        this.maxPage = maxPage;
    }

    public void register(Javalin app) {
        app.get("/api/v1/actions", this::list, Role.READER);
        app.get("/api/v1/actions/audit", this::audit, Role.READER);
        app.get(
                "/api/v1/actions/{id}",
                ctx -> ctx.json(service.show(ctx.pathParam("id"))),
                Role.READER);
        app.post(
                "/api/v1/actions/{id}/approve",
                ctx -> decide(ctx, ActionApproval.Decision.APPROVED),
                Role.ADMIN);
        app.post(
                "/api/v1/actions/{id}/reject",
                ctx -> decide(ctx, ActionApproval.Decision.REJECTED),
                Role.ADMIN);
    }

    private void list(Context ctx) {
        ctx.json(
                service.list(
                        Params.text(ctx, null, "status"),
                        Params.text(ctx, null, "type"),
                        Params.text(ctx, null, "target"),
                        Params.limit(ctx, null, defaultPage, maxPage)));
    }

    private void audit(Context ctx) {
        ctx.json(
                service.audit(
                        Params.text(ctx, null, "action_id"),
                        Params.text(ctx, null, "status"),
                        Params.text(ctx, null, "type"),
                        Params.text(ctx, null, "target"),
                        Params.limit(ctx, null, defaultPage, maxPage)));
    }

    private void decide(Context ctx, ActionApproval.Decision d) {
        JsonNode body = Params.body(ctx);
        String reason = Params.text(ctx, body, "reason");
        ctx.json(
                service.decide(
                        ctx.pathParam("id"), d, AccessGuard.principal(ctx).userId(), reason));
    }
}
