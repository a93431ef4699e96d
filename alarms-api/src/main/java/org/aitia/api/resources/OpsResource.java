package org.aitia.api.resources;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.aitia.api.entities.ServiceInfo;
import org.aitia.api.errors.ErrorMapper;
import org.aitia.api.metrics.ApiMetrics;
import org.aitia.api.security.Role;

/**
 * Operations: {@code /health}, {@code /v1/status} (503 until ready), {@code /v1/service}, {@code
 * /metrics}, {@code /openapi.json} and Vitrage's version list at {@code /}.
 */
public final class OpsResource {
    private final ApiMetrics metrics;
    private final Supplier<String> notReady;
    private final Supplier<List<ServiceInfo>> services;
    private final byte[] openapi;

    /**
     * @param notReady why the engine is not ready, or null when it is
     */
    public OpsResource(
            ApiMetrics metrics,
            Supplier<String> notReady,
            Supplier<List<ServiceInfo>> services,
            byte[] openapi) {
        this.metrics = metrics;
        this.notReady = notReady;
        this.services = services;
        this.openapi = openapi.clone();
    }

    public void register(Javalin app) {
        app.get("/health", ctx -> ctx.json(Map.of("status", "UP")), Role.PUBLIC);
        app.get(
                "/v1/status",
                ctx -> {
                    String reason = notReady.get();
                    if (reason != null) {
                        ErrorMapper.write(ctx, 503, reason);
                    } else {
                        ctx.json(Map.of("reason", "OK"));
                    }
                },
                Role.PUBLIC);
        app.get("/v1/service", ctx -> ctx.json(services.get()), Role.READER);
        app.get(
                "/metrics",
                ctx ->
                        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(metrics.scrape()),
                Role.READER);
        app.get(
                "/openapi.json",
                ctx -> ctx.contentType("application/json").result(openapi),
                Role.READER);
        app.get(
                "/",
                ctx -> {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("id", "v1.0");
                    v.put(
                            "links",
                            List.of(
                                    Map.of(
                                            "href",
                                            ctx.scheme() + "://" + ctx.host() + "/v1/",
                                            "rel",
                                            "self")));
                    v.put("status", "CURRENT");
                    v.put("updated", "2015-11-29");
                    ctx.json(Map.of("versions", List.of(v)));
                },
                Role.PUBLIC);
    }
}
