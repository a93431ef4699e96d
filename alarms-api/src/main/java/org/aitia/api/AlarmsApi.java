package org.aitia.api;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.aitia.api.bus.KafkaBus;
import org.aitia.api.entities.RuleSetDocument;
import org.aitia.api.entities.ServiceInfo;
import org.aitia.api.entities.Webhook;
import org.aitia.api.errors.ApiException;
import org.aitia.api.live.ActionLog;
import org.aitia.api.live.LiveAlarms;
import org.aitia.api.live.LiveFeed;
import org.aitia.api.live.LiveTopology;
import org.aitia.api.live.RuleSetRegistry;
import org.aitia.api.live.WebhookRegistry;
import org.aitia.api.metrics.ApiMetrics;
import org.aitia.api.resources.ActionResource;
import org.aitia.api.resources.AlarmResource;
import org.aitia.api.resources.EventResource;
import org.aitia.api.resources.IncidentResource;
import org.aitia.api.resources.OpsResource;
import org.aitia.api.resources.RuleResource;
import org.aitia.api.resources.TemplateResource;
import org.aitia.api.resources.TopologyResource;
import org.aitia.api.resources.WebhookResource;
import org.aitia.api.security.Authenticator;
import org.aitia.api.security.Authenticators;
import org.aitia.api.services.ActionService;
import org.aitia.api.services.AlarmService;
import org.aitia.api.services.EventService;
import org.aitia.api.services.IncidentService;
import org.aitia.api.services.Publisher;
import org.aitia.api.services.RcaRulesValidation;
import org.aitia.api.services.RuleService;
import org.aitia.api.services.TemplateService;
import org.aitia.api.services.TopologyService;
import org.aitia.api.services.WebhookService;
import org.aitia.api.storage.AuditReader;
import org.aitia.api.storage.EsStore;
import org.aitia.api.storage.HistoryReader;
import org.aitia.api.storage.HistoryWriter;
import org.aitia.api.storage.RetentionTask;
import org.aitia.api.storage.SnapshotTask;
import org.aitia.model.ActionResult;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.aitia.model.Severity;
import org.aitia.model.TopologyChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarms API: starts the HTTP server, the live view fed from Kafka, and the Elasticsearch
 * history, templates, retention and snapshots.
 *
 * <pre>{@code
 * try (AlarmsApi api = AlarmsApi.start(config, "127.0.0.1:9092", "http://127.0.0.1:9200")) {
 *     api.markEngineReady(); // when the streaming job runs
 * }
 * }</pre>
 *
 * <p>{@code GET /v1/status} answers 503 until both the live view has caught up with its topics and
 * the engine was marked ready with {@link #markEngineReady()} (or {@link
 * #setEngineReady(boolean)}).
 */
public final class AlarmsApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmsApi.class);

    private final ApiConfig config;
    private final LiveAlarms alarms = new LiveAlarms();
    private final LiveTopology topology = new LiveTopology();
    private final ActionLog actions = new ActionLog(10_000);
    private final RuleSetRegistry rules = new RuleSetRegistry();
    private final WebhookRegistry webhooks = new WebhookRegistry();
    private final ApiMetrics metrics = new ApiMetrics();
    private final Instant started = Instant.now();
    private final KafkaBus bus;
    private final LiveFeed feed;
    private final EsStore store;
    private final HistoryWriter historyWriter;
    private final RetentionTask retention;
    private final ScheduledExecutorService scheduler;
    private final ApiServer server;
    private volatile boolean engineReady;

    private AlarmsApi(ApiConfig config, String kafka, String esUrl) {
        this.config = config;
        Authenticator authenticator = Authenticators.create(config);
        this.store = esUrl == null ? null : new EsStore(esUrl, config.indexPrefix());
        HistoryReader historyReader = null;
        if (store != null) {
            try {
                store.installTemplates();
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            historyReader = new HistoryReader(store);
        }
        this.bus = kafka == null ? null : new KafkaBus(kafka);
        Publisher publisher =
                bus == null
                        ? (topic, key, value) -> {
                            throw ApiException.unavailable(
                                    "no Kafka configured: cannot publish on " + topic);
                        }
                        : bus::publish;
        this.historyWriter =
                store != null && config.historyWriter()
                        ? new HistoryWriter(store, topology::entityOrNull).start()
                        : null;
        if (historyWriter != null) {
            alarms.onTransition(historyWriter::accept);
        }
        this.retention =
                store == null
                        ? null
                        : new RetentionTask(store, config.retentionDays(), Clock.systemUTC());
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "aitia-api-scheduler");
                            t.setDaemon(true);
                            return t;
                        });
        if (retention != null) {
            scheduler.scheduleWithFixedDelay(retention, 1, 24 * 60, TimeUnit.MINUTES);
        }
        if (store != null && config.historyWriter()) {
            SnapshotTask snapshots =
                    new SnapshotTask(
                            store,
                            () ->
                                    new SnapshotTask.Versioned(
                                            topology.graph().version(),
                                            topology.graph().toTopology()),
                            Clock.systemUTC());
            scheduler.scheduleWithFixedDelay(
                    snapshots,
                    config.snapshotIntervalSeconds(),
                    config.snapshotIntervalSeconds(),
                    TimeUnit.SECONDS);
        }
        this.feed = kafka == null ? null : new LiveFeed(kafka, handlers(config.topics())).start();
        registerGauges();
        Clock clock = Clock.systemUTC();
        ApiConfig.Topics t = config.topics();
        List<Consumer<Javalin>> resources = new ArrayList<>();
        resources.add(
                new OpsResource(metrics, this::notReadyReason, this::services, openapi())
                        ::register);
        resources.add(
                new AlarmResource(
                                new AlarmService(alarms, topology, historyReader),
                                config.defaultPageSize(),
                                config.maxPageSize())
                        ::register);
        resources.add(new TopologyResource(new TopologyService(topology, alarms))::register);
        resources.add(
                new TemplateResource(
                                new TemplateService(
                                        RcaRulesValidation.templates(),
                                        rules,
                                        publisher,
                                        t.rules(),
                                        clock))
                        ::register);
        resources.add(new EventResource(new EventService(publisher, t.telemetry()))::register);
        resources.add(
                new WebhookResource(new WebhookService(webhooks, publisher, t.webhooks(), clock))
                        ::register);
        resources.add(
                new ActionResource(
                                new ActionService(
                                        actions,
                                        store == null ? null : new AuditReader(store),
                                        publisher,
                                        t.actionApprovals(),
                                        clock),
                                config.defaultPageSize(),
                                config.maxPageSize())
                        ::register);
        resources.add(new IncidentResource(new IncidentService(alarms, topology))::register);
        if (config.rulesApiEnabled()) {
            resources.add(
                    new RuleResource(
                                    new RuleService(
                                            RcaRulesValidation.drl(),
                                            rules,
                                            publisher,
                                            t.rules(),
                                            clock))
                            ::register);
        }
        this.server = new ApiServer(config, authenticator, metrics, resources);
    }

    /**
     * Starts the API.
     *
     * @param kafkaBootstrap Kafka's bootstrap servers; null runs without Kafka (the live view is
     *     then fed by {@link #alarms()} and {@link #topology()} directly, and publishing routes
     *     answer 503)
     * @param elasticsearchUrl e.g. {@code http://127.0.0.1:9200}; null runs without history
     */
    public static AlarmsApi start(
            ApiConfig config, String kafkaBootstrap, String elasticsearchUrl) {
        AlarmsApi api = new AlarmsApi(config, kafkaBootstrap, elasticsearchUrl);
        try {
            api.server.start();
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
        LOG.info(
                "alarms API on http://{}:{} (auth {}, Kafka {}, Elasticsearch {})",
                config.host(),
                api.port(),
                config.auth().mode(),
                kafkaBootstrap == null ? "none" : kafkaBootstrap,
                elasticsearchUrl == null ? "none" : elasticsearchUrl);
        return api;
    }

    private Map<String, LiveFeed.Handler> handlers(ApiConfig.Topics t) {
        Map<String, LiveFeed.Handler> h = new HashMap<>();
        h.put(
                t.alarms(),
                (key, v) -> alarms.apply(key, v == null ? null : Json.read(v, Alarm.class)));
        h.put(
                t.topology(),
                (key, v) -> {
                    if (v != null) {
                        topology.apply(Json.read(v, TopologyChange.class));
                    }
                });
        h.put(
                t.actions(),
                (key, v) -> {
                    if (v != null) {
                        actions.action(Json.read(v, HealingAction.class));
                    }
                });
        h.put(
                t.actionResults(),
                (key, v) -> {
                    if (v != null) {
                        actions.result(Json.read(v, ActionResult.class));
                    }
                });
        h.put(
                t.rules(),
                (key, v) ->
                        rules.apply(key, v == null ? null : Json.read(v, RuleSetDocument.class)));
        h.put(
                t.webhooks(),
                (key, v) -> webhooks.apply(key, v == null ? null : Json.read(v, Webhook.class)));
        return h;
    }

    private void registerGauges() {
        metrics.severities(
                () -> {
                    Map<Severity, Integer> m = new EnumMap<>(Severity.class);
                    for (Alarm a : alarms.inStartOrder()) {
                        m.merge(a.severity(), 1, Integer::sum);
                    }
                    return m;
                });
        metrics.gauge(
                "aitia_engine_lag_records",
                "Records on the API's topics not yet applied to the live view.",
                () -> feed == null ? 0 : feed.lag());
        metrics.gauge(
                "aitia_api_ready",
                "1 when /v1/status answers 200.",
                () -> notReadyReason() == null ? 1 : 0);
        metrics.gauge(
                "aitia_api_feed_rejected_total",
                "Topic records the live view refused.",
                () -> feed == null ? 0 : feed.rejected());
        metrics.gauge(
                "aitia_topology_entities",
                "Entities in the live topology.",
                () -> topology.graph().entityCount());
        metrics.gauge(
                "aitia_history_pending",
                "Alarm transitions waiting to be written to Elasticsearch.",
                () -> historyWriter == null ? 0 : historyWriter.pending());
    }

    private static byte[] openapi() {
        try (InputStream in = AlarmsApi.class.getResourceAsStream("/org/aitia/api/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("missing /org/aitia/api/openapi.json");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ServiceInfo> services() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = config.host();
        }
        long pid = ProcessHandle.current().pid();
        List<ServiceInfo> s = new ArrayList<>();
        s.add(new ServiceInfo("aitia-api", pid, host, started.toString()));
        if (feed != null) {
            s.add(new ServiceInfo("aitia-api-live-feed", pid, host, started.toString()));
        }
        if (historyWriter != null) {
            s.add(new ServiceInfo("aitia-api-history-writer", pid, host, started.toString()));
        }
        s.add(
                new ServiceInfo(
                        "aitia-engine", pid, host, engineReady ? started.toString() : "not ready"));
        return s;
    }

    /** Why {@code /v1/status} answers 503, or null when ready. */
    public String notReadyReason() {
        if (feed != null && !feed.caughtUp()) {
            return "the live view is still reading its topics";
        }
        if (!engineReady) {
            return "the engine is not ready";
        }
        return null;
    }

    /** Signals that the engine (the streaming job) runs; {@code /v1/status} then answers 200. */
    public void markEngineReady() {
        setEngineReady(true);
    }

    public void setEngineReady(boolean ready) {
        this.engineReady = ready;
        LOG.info("engine marked {}", ready ? "ready" : "not ready");
    }

    /** True when {@code /v1/status} answers 200. */
    public boolean ready() {
        return notReadyReason() == null;
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** The API's base URL. */
    public String url() {
        return "http://" + config.host() + ":" + port();
    }

    /** The live alarms (to feed directly when running without Kafka). */
    public LiveAlarms alarms() {
        return alarms;
    }

    /** The live topology (to feed directly when running without Kafka). */
    public LiveTopology topology() {
        return topology;
    }

    /** The retention task, or null without Elasticsearch. */
    public RetentionTask retention() {
        return retention;
    }

    /** The history writer, or null when this API writes no history. */
    public HistoryWriter historyWriter() {
        return historyWriter;
    }

    /** The routes served (method and path as registered). */
    List<ApiServer.Route> routes() {
        return server.routes();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        scheduler.shutdownNow();
        if (feed != null) {
            feed.close();
        }
        if (historyWriter != null) {
            historyWriter.close();
        }
        if (bus != null) {
            bus.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
