package org.aitia.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.aitia.api.security.AccessGuard;
import org.aitia.api.security.Role;
import org.aitia.api.services.Scope;
import org.aitia.api.services.TopologyService;

/** Vitrage's {@code /v1/topology}, {@code /v1/rca} and {@code /v1/resources} routes. */
public final class TopologyResource {
    private final TopologyService service;

    public TopologyResource(TopologyService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.post("/v1/topology", this::topology, Role.READER);
        app.get("/v1/rca", this::rca, Role.READER);
        app.post("/v1/resources/count", this::count, Role.READER);
        app.get("/v1/resources/count", this::count, Role.READER);
        app.post("/v1/resources", this::list, Role.READER);
        app.get("/v1/resources", this::list, Role.READER);
        app.get("/v1/resources/{vitrage_id}", this::show, Role.READER);
    }

    private static Scope scope(Context ctx, JsonNode body) {
        return Scope.of(AccessGuard.principal(ctx), Params.bool(ctx, body, "all_tenants"));
    }

    private static JsonNode query(Context ctx, JsonNode body) {
        String q = ctx.queryParam("query");
        if (q != null) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(q);
        }
        return body == null ? null : body.get("query");
    }

    private void topology(Context ctx) {
        JsonNode body = Params.body(ctx);
        Scope scope = scope(ctx, body);
        ctx.json(
                service.topology(
                        scope,
                        new TopologyService.TopologyQuery(
                                Params.text(ctx, body, "graph_type"),
                                Params.integer(ctx, body, "depth"),
                                Params.text(ctx, body, "root"),
                                query(ctx, body))));
    }

    private void rca(Context ctx) {
        String id = Params.text(ctx, null, "alarm_id");
        if (id == null) {
            throw org.aitia.api.errors.ApiException.badRequest("alarm_id: required");
        }
        ctx.json(service.rca(scope(ctx, null), id));
    }

    private void list(Context ctx) {
        JsonNode body = Params.body(ctx);
        ctx.json(
                service.resources(
                        scope(ctx, body),
                        Params.text(ctx, body, "resource_type"),
                        query(ctx, body)));
    }

    private void count(Context ctx) {
        JsonNode body = Params.body(ctx);
        ctx.json(
                service.count(
                        scope(ctx, body),
                        Params.text(ctx, body, "resource_type"),
                        query(ctx, body),
                        Params.text(ctx, body, "group_by")));
    }

    private void show(Context ctx) {
        ctx.json(service.resource(scope(ctx, null), ctx.pathParam("vitrage_id")));
    }
}
