package org.aitia.collectors.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.aitia.collectors.CollectorsConfig;
import org.aitia.collectors.kafka.KafkaPublisher;
import org.aitia.collectors.kafka.OverloadedException;
import org.aitia.collectors.parse.AlertmanagerParser;
import org.aitia.collectors.parse.CollectdParser;
import org.aitia.collectors.parse.DoctorParser;
import org.aitia.collectors.parse.RejectedPayloadException;
import org.aitia.collectors.parse.VesParser;
import org.aitia.model.Json;
import org.aitia.model.TelemetryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server of all listeners (JDK {@code HttpServer} with a bounded worker pool).
 *
 * <ul>
 *   <li>{@code POST /eventListener/v7}, {@code /eventListener/v7/eventBatch}: VES 7.x
 *   <li>{@code POST /collectd}: collectd write_http JSON
 *   <li>{@code POST /alertmanager}: Alertmanager webhook v4
 *   <li>{@code POST /v1/event}: Doctor / Vitrage events
 *   <li>{@code GET /health}: 200 while running
 * </ul>
 *
 * Answers: 202 once Kafka acknowledged every event of the body; 400 with {@code {"field",
 * "reason"}} for a body the parser refuses; 401 without valid basic auth (when enabled); 413 for a
 * body over {@code maxBodyBytes}; 429 with {@code Retry-After} when too many events await Kafka's
 * acknowledgement; 503 with {@code Retry-After} when Kafka refused or did not acknowledge in {@code
 * ackTimeoutMs}. Every 400, 401 and 413 body goes to the dead-letter topic with its reason.
 */
public final class IngestServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final KafkaPublisher publisher;
    private final CollectorsConfig config;
    private final BasicAuthCheck auth;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final AtomicLong requestSeq = new AtomicLong();
    private final String instance = Long.toHexString(System.nanoTime());
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private IngestServer(CollectorsConfig config, KafkaPublisher publisher) throws IOException {
        this.config = config;
        this.publisher = publisher;
        this.auth = config.basicAuth() == null ? null : new BasicAuthCheck(config.basicAuth());
        for (Route r :
                List.of(
                        new Route("/eventListener/v7", new VesParser(VesParser.Mode.EVENT), true),
                        new Route(
                                "/eventListener/v7/eventBatch",
                                new VesParser(VesParser.Mode.BATCH),
                                true),
                        new Route("/collectd", new CollectdParser(), false),
                        new Route("/alertmanager", new AlertmanagerParser(), false),
                        new Route("/v1/event", new DoctorParser(), false))) {
            routes.put(r.path(), r);
        }
        AtomicInteger n = new AtomicInteger();
        this.workers =
                new ThreadPoolExecutor(
                        config.httpThreads(),
                        config.httpThreads(),
                        60,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(4096),
                        r -> {
                            Thread t = new Thread(r, "aitia-ingest-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 1024);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    static {
        // Without TCP_NODELAY a response written in two segments waits for the client's delayed
        // ACK (~40 ms per request). The JDK server reads this once, when it is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Starts the listeners on {@code config.host():config.port()}. */
    public static IngestServer start(CollectorsConfig config, KafkaPublisher publisher) {
        try {
            IngestServer s = new IngestServer(config, publisher);
            s.server.start();
            LOG.info(
                    "listeners on http://{}:{} ({})",
                    config.host(),
                    s.port(),
                    String.join(", ", s.routes.keySet()));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    /** The bound port (useful when the configuration asked for 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Events acknowledged by Kafka and answered 202 so far. */
    public long acceptedEvents() {
        return accepted.get();
    }

    /** Requests answered 4xx so far. */
    public long rejectedRequests() {
        return rejected.get();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.equals("/health")) {
                reply(ex, 200, "{\"status\":\"UP\"}", Map.of());
                return;
            }
            Route route = routes.get(path);
            if (route == null) {
                reply(
                        ex,
                        404,
                        error(
                                "$",
                                "no listener at " + path + ", expected one of " + routes.keySet()),
                        Map.of());
                return;
            }
            if (!ex.getRequestMethod().equals("POST")) {
                reply(ex, 405, error("$", "use POST"), Map.of("Allow", "POST"));
                return;
            }
            ingest(ex, route);
        } catch (IOException e) {
            LOG.warn(
                    "request {} {} failed while answering: {}",
                    ex.getRequestMethod(),
                    ex.getRequestURI(),
                    e.toString());
        } catch (RuntimeException e) {
            LOG.error("request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
            try {
                reply(ex, 500, error("$", "internal error: " + e), Map.of());
            } catch (IOException | RuntimeException e2) {
                LOG.warn("cannot answer 500: {}", e2.toString());
            }
        }
    }

    private void ingest(HttpExchange ex, Route route) throws IOException {
        String source = route.parser().source();
        byte[] body = readBody(ex.getRequestBody(), config.maxBodyBytes());
        if (body == null) {
            String reason = "$: the body exceeds maxBodyBytes " + config.maxBodyBytes();
            refuse(ex, route, 413, "$", reason, new byte[0]);
            return;
        }
        if (auth != null && !auth.accepts(ex.getRequestHeaders().getFirst("Authorization"))) {
            rejected.incrementAndGet();
            publisher.deadLetter(
                    source, "unauthorized: missing or wrong basic auth credentials", body);
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"aitia\"");
            reply(
                    ex,
                    401,
                    error("Authorization", "missing or wrong basic auth credentials"),
                    Map.of());
            return;
        }
        List<TelemetryEvent> events;
        try {
            events = route.parser().parse(body);
        } catch (RejectedPayloadException e) {
            refuse(ex, route, 400, e.field(), e.getMessage(), body);
            return;
        }
        if (events.size() + 1 > config.maxInFlightEvents()) {
            refuse(
                    ex,
                    route,
                    413,
                    "$",
                    "$: the body holds "
                            + events.size()
                            + " events, more than maxInFlightEvents "
                            + config.maxInFlightEvents()
                            + " allows in one request: split it",
                    body);
            return;
        }
        String requestId = instance + "-" + requestSeq.incrementAndGet();
        try {
            publisher
                    .publish(source, requestId, events, body)
                    .get(config.ackTimeoutMs(), TimeUnit.MILLISECONDS);
            accepted.addAndGet(events.size());
            reply(ex, 202, null, Map.of());
        } catch (OverloadedException e) {
            LOG.debug("{} request refused: {}", source, e.getMessage());
            retryLater(ex, e.unavailable() ? 503 : 429, e.getMessage());
        } catch (ExecutionException e) {
            LOG.warn(
                    "{} request {} not acknowledged by Kafka: {}",
                    source,
                    requestId,
                    e.getCause().toString());
            retryLater(
                    ex, 503, "Kafka did not acknowledge the events: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            LOG.warn(
                    "{} request {} not acknowledged within {} ms",
                    source,
                    requestId,
                    config.ackTimeoutMs());
            retryLater(
                    ex,
                    503,
                    "Kafka did not acknowledge the events within " + config.ackTimeoutMs() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retryLater(ex, 503, "the listener is shutting down");
        }
    }

    private void refuse(
            HttpExchange ex, Route route, int status, String field, String reason, byte[] body)
            throws IOException {
        rejected.incrementAndGet();
        LOG.info("{} body refused ({}): {}", route.parser().source(), status, reason);
        publisher
                .deadLetter(route.parser().source(), reason, body)
                .whenComplete(
                        (ok, e) -> {
                            if (e != null) {
                                LOG.error(
                                        "dead letter of a refused {} body was lost: {}",
                                        route.parser().source(),
                                        e.toString());
                            }
                        });
        String json = route.vesErrors() ? vesError(field, reason) : error(field, reason);
        reply(ex, status, json, Map.of());
    }

    private void retryLater(HttpExchange ex, int status, String reason) throws IOException {
        reply(
                ex,
                status,
                error("$", reason),
                Map.of("Retry-After", String.valueOf(config.retryAfterSeconds())));
    }

    private static void reply(HttpExchange ex, int status, String json, Map<String, String> headers)
            throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (json == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    static String error(String field, String reason) {
        return "{\"field\":" + Json.write(field) + ",\"reason\":" + Json.write(reason) + "}";
    }

    /** As ONAP's collector answers (SVC0002 Bad Parameter), plus our field and reason. */
    static String vesError(String field, String reason) {
        return "{\"field\":"
                + Json.write(field)
                + ",\"reason\":"
                + Json.write(reason)
                + ",\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0002\","
                + "\"text\":\"Bad Parameter: %1\",\"variables\":["
                + Json.write(reason)
                + "]}}}";
    }

    /** The body, or null when it is longer than {@code max}. */
    private static byte[] readBody(InputStream in, int max) throws IOException {
        byte[] b = in.readNBytes(max + 1);
        if (b.length > max) {
            in.skip(Long.MAX_VALUE);
            return null;
        }
        return b;
    }
}
