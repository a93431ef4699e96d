package org.aitia.api;

import io.javalin.Javalin;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.aitia.api.errors.ErrorMapper;
import org.aitia.api.metrics.ApiMetrics;
import org.aitia.api.security.AccessGuard;
import org.aitia.api.security.Authenticator;
import org.aitia.model.Json;

/**
 * The HTTP server: Javalin (Jetty) with the access guard, the one error mapper, request metrics and
 * the routes the resources register. It records its route table as Javalin reports it, so tests can
 * hold the OpenAPI document against the routes actually served.
 */
final class ApiServer implements AutoCloseable {

    /** One served route. */
    record Route(String method, String path) {}

    private final Javalin app;
    private final List<Route> routes = new ArrayList<>();

    ApiServer(
            ApiConfig config,
            Authenticator authenticator,
            ApiMetrics metrics,
            List<Consumer<Javalin>> resources) {
        this.app =
                Javalin.create(
                        c -> {
                            c.showJavalinBanner = false;
                            c.startupWatcherEnabled = false;
                            c.jetty.defaultHost = config.host();
                            c.jetty.defaultPort = config.port();
                            c.http.maxRequestSize = config.maxBodyBytes();
                            c.http.prefer405over404 = true;
                            c.router.ignoreTrailingSlashes = true;
                            c.router.treatMultipleSlashesAsSingleSlash = true;
                            c.jsonMapper(new JavalinJackson(Json.mapper().copy(), false));
                            c.events.handlerAdded(this::recordRoute);
                            if (config.dashboards()
                                    && ApiServer.class.getResource("/aitia-dashboards/index.html")
                                            != null) {
                                c.staticFiles.add(
                                        s -> {
                                            s.hostedPath = "/ui";
                                            s.directory = "/aitia-dashboards";
                                            s.location = Location.CLASSPATH;
                                        });
                            }
                            c.requestLogger.http(
                                    (ctx, ms) ->
                                            metrics.request(
                                                    routeOf(ctx),
                                                    ctx.method().name(),
                                                    ctx.statusCode(),
                                                    ms / 1000.0));
                        });
        app.beforeMatched(new AccessGuard(authenticator));
        ErrorMapper.install(app);
        resources.forEach(r -> r.accept(app));
    }

    private static String routeOf(io.javalin.http.Context ctx) {
        try {
            String p = ctx.endpointHandlerPath();
            return p == null || p.isEmpty() || p.equals("*") ? "unmatched" : p;
        } catch (IllegalStateException e) {
            return "unmatched";
        }
    }

    private void recordRoute(HandlerMetaInfo info) {
        HandlerType t = info.getHttpMethod();
        if (t.isHttpMethod()) {
            synchronized (routes) {
                routes.add(new Route(t.name(), info.getPath()));
            }
        }
    }

    ApiServer start() {
        app.start();
        return this;
    }

    int port() {
        return app.port();
    }

    /** The routes served, as Javalin registered them. */
    List<Route> routes() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
