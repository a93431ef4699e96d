package org.aitia.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.aitia.api.security.AccessGuard;
import org.aitia.api.security.Role;
import org.aitia.api.services.AlarmService;
import org.aitia.api.services.Scope;

/** Vitrage's {@code /v1/alarm} routes. */
public final class AlarmResource {
    private final AlarmService service;
    private final int defaultPage;
    private final int maxPage;

    public AlarmResource(AlarmService service, int defaultPage, int maxPage) {
        this.service = service;
        this.defaultPage = defaultPage;
        this.maxPage = maxPage;
    }

    public void register(Javalin app) {
        app.get("/v1/alarm", this::list, Role.READER);
        app.get("/v1/alarm/count", this::count, Role.READER);
        app.get("/v1/alarm/history", this::history, Role.READER);
        app.get("/v1/alarm/{vitrage_id}", this::show, Role.READER);
    }

    private static Scope scope(Context ctx, JsonNode body) {
        return Scope.of(AccessGuard.principal(ctx), Params.bool(ctx, body, "all_tenants"));
    }

    private AlarmService.ListQuery query(Context ctx, String vitrageId) {
        return new AlarmService.ListQuery(
                vitrageId,
                Params.limit(ctx, null, defaultPage, maxPage),
                Params.list(ctx, "sort_by"),
                Params.list(ctx, "sort_dirs"),
                Params.list(ctx, "filter_by"),
                Params.list(ctx, "filter_vals"),
                Params.text(ctx, null, "marker"),
                !"false".equalsIgnoreCase(ctx.queryParam("next_page")));
    }

    private void list(Context ctx) throws java.io.IOException {
        Scope scope = scope(ctx, null);
        AlarmService.Page page =
                service.list(scope, query(ctx, Params.text(ctx, null, "vitrage_id")));
        ctx.contentType("application/json");
        ctx.res().setContentLength(page.length());
        page.writeTo(ctx.res().getOutputStream());
    }

    private void count(Context ctx) {
        ctx.json(service.count(scope(ctx, null)));
    }

    private void history(Context ctx) {
        ctx.json(
                service.history(
                        scope(ctx, null),
                        Params.time(ctx, "start"),
                        Params.time(ctx, "end"),
                        query(ctx, null)));
    }

    private void show(Context ctx) {
        ctx.json(service.show(scope(ctx, null), ctx.pathParam("vitrage_id")));
    }
}
