package org.aitia.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.aitia.api.security.AccessGuard;
import org.aitia.api.security.Role;
import org.aitia.api.services.TemplateService;

/** Vitrage's {@code /v1/template} routes. */
public final class TemplateResource {
    private final TemplateService service;

    public TemplateResource(TemplateService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.get("/v1/template", ctx -> ctx.json(service.list()), Role.READER);
        app.get("/v1/template/versions", ctx -> ctx.json(service.versions()), Role.READER);
        app.get(
                "/v1/template/{uuid}",
                ctx -> ctx.json(service.show(ctx.pathParam("uuid"))),
                Role.READER);
        app.post("/v1/template", ctx -> ctx.json(service.validate(Params.body(ctx))), Role.ADMIN);
        app.put("/v1/template", this::add, Role.ADMIN);
        app.delete("/v1/template", this::deleteMany, Role.ADMIN);
        app.delete(
                "/v1/template/{uuid}",
                ctx -> ctx.json(service.delete(List.of(ctx.pathParam("uuid")))),
                Role.ADMIN);
    }

    private void add(Context ctx) {
        ctx.json(service.add(AccessGuard.principal(ctx), Params.body(ctx)));
    }

    private void deleteMany(Context ctx) {
        JsonNode body = Params.body(ctx);
        List<String> ids = new ArrayList<>(Params.list(ctx, "id"));
        JsonNode id = body.get("id");
        if (id != null && id.isArray()) {
            id.forEach(x -> ids.add(x.asText()));
        } else if (id != null && !id.isNull()) {
            ids.add(id.asText());
        }
        ctx.json(service.delete(ids));
    }
}
