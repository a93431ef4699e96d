package org.aitia.api.resources;

import io.javalin.Javalin;
import org.aitia.api.security.Role;
import org.aitia.api.services.EventService;

/** Vitrage's {@code POST /v1/event} (Doctor southbound API). */
public final class EventResource {
    private final EventService service;

    public EventResource(EventService service) {
        this.service = service;
    }

    public void register(Javalin app) {
        app.post("/v1/event", ctx -> ctx.json(service.post(Params.body(ctx))), Role.ADMIN);
    }
}
