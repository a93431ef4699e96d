package org.aitia.app.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.aitia.api.AlarmsApi;
import org.aitia.api.ApiConfig;
import org.aitia.app.config.AitiaConfig;
import org.aitia.collectors.Collectors;
import org.aitia.collectors.CollectorsConfig;
import org.aitia.healing.HealingConfig;
import org.aitia.healing.HealingService;
import org.aitia.streaming.StreamingConfig;
import org.aitia.testdata.stack.ElasticsearchNode;
import org.aitia.testdata.stack.KafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running parts of Aitia, started in dependency order (Kafka, Elasticsearch, the topics, the
 * Flink job, healing, listeners, API) and stopped in reverse. What the configuration names as
 * external is used, not started.
 */
public final class Stack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Stack.class);

    private final Deque<Part> parts = new ArrayDeque<>();
    private final List<String> where = new ArrayList<>();
    private String bootstrapServers;
    private String elasticsearchUrl;

    /** The consumer group of the assurance job's sources, once it runs. */
    private String jobGroup;

    private record Part(String name, AutoCloseable closer) {}

    /** Which parts to run. */
    public enum Only {
        ALL,
        HEALING,
        API,
        COLLECTORS,
        JOB
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String elasticsearchUrl() {
        return elasticsearchUrl;
    }

    /** Lines saying what runs where, for the user. */
    public List<String> where() {
        return where;
    }

    private synchronized void started(String name, AutoCloseable closer, String line) {
        parts.push(new Part(name, closer));
        where.add(line);
        LOG.info("{}", line);
    }

    /**
     * Starts everything the configuration asks for.
     *
     * @throws Exception naming the part that could not start; what had started is stopped again
     */
    public static Stack start(
            AitiaConfig config, Path dataDir, Only only, boolean noauth, PrintStream progress)
            throws Exception {
        Stack stack = new Stack();
        try {
            Files.createDirectories(dataDir);
            boolean wantsElasticsearch = only != Only.COLLECTORS;
            // Kafka and Elasticsearch start side by side: they are the slow part of a start.
            CompletableFuture<Void> elasticsearch =
                    wantsElasticsearch
                            ? CompletableFuture.runAsync(
                                    () -> stack.startElasticsearch(config, dataDir, progress))
                            : CompletableFuture.completedFuture(null);
            try {
                stack.startKafka(config, dataDir, progress);
            } finally {
                try {
                    elasticsearch.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                }
            }
            Topics.create(config, stack.bootstrapServers);
            if (only == Only.ALL || only == Only.JOB) {
                stack.startJob(config, dataDir, progress);
            }
            if (only == Only.ALL || only == Only.HEALING) {
                stack.startHealing(config, dataDir);
            }
            if (only == Only.ALL || only == Only.COLLECTORS) {
                stack.startCollectors(config);
            }
            if (only == Only.ALL || only == Only.API) {
                stack.startApi(config, noauth, only == Only.ALL || only == Only.API);
            }
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e;
        }
    }

    private void startKafka(AitiaConfig config, Path dataDir, PrintStream progress) {
        String external = config.string("kafka.bootstrapServers");
        if (!external.isBlank()) {
            bootstrapServers = external;
            where.add("Kafka         external, " + external);
            return;
        }
        progress.println("aitia: starting Kafka (KRaft) in " + dataDir.resolve("kafka") + " ...");
        KafkaBroker broker =
                KafkaBroker.builder()
                        .dataDir(dataDir.resolve("kafka"))
                        .port(config.integer("kafka.embeddedPort"))
                        .start();
        bootstrapServers = broker.bootstrapServers();
        started(
                "kafka",
                broker,
                "Kafka         " + bootstrapServers + "  (log " + broker.logFile() + ")");
    }

    private void startElasticsearch(AitiaConfig config, Path dataDir, PrintStream progress) {
        String external = config.string("elasticsearch.url");
        if (!external.isBlank()) {
            elasticsearchUrl = external;
            synchronized (this) {
                where.add("Elasticsearch external, " + external);
            }
            return;
        }
        progress.println(
                "aitia: starting Elasticsearch in " + dataDir.resolve("elasticsearch") + " ...");
        ElasticsearchNode node =
                ElasticsearchNode.builder()
                        .dataDir(dataDir.resolve("elasticsearch"))
                        .port(config.integer("elasticsearch.embeddedPort"))
                        .start();
        elasticsearchUrl = node.httpUrl();
        started(
                "elasticsearch",
                node,
                "Elasticsearch " + elasticsearchUrl + "  (log " + node.logFile() + ")");
    }

    private void startJob(AitiaConfig config, Path dataDir, PrintStream progress) throws Exception {
        StreamingConfig streaming =
                config.section("streaming", StreamingConfig.class)
                        .withBootstrapServers(bootstrapServers)
                        .withTopics(Topics.streaming(config))
                        .withParallelism(config.integer("flink.parallelism"))
                        .withCheckpoints(
                                config.integer("flink.checkpointIntervalMs"),
                                dataDir.resolve("checkpoints").toUri().toString())
                        .withElasticsearch(
                                elasticsearchUrl == null
                                        ? StreamingConfig.ElasticsearchConfig.none()
                                        : StreamingConfig.ElasticsearchConfig.at(elasticsearchUrl));
        progress.println("aitia: starting the assurance job ...");
        FlinkJob job = FlinkJob.start(config, streaming);
        jobGroup = streaming.groupId();
        started("flink", job, "Flink job     " + job.describe());
    }

    private void startHealing(AitiaConfig config, Path dataDir) {
        HealingConfig healing =
                config.section("healing", HealingConfig.class)
                        .withTopics(Topics.healing(config))
                        .withJournalPath(
                                dataDir.resolve("healing").resolve("journal.jsonl").toString());
        HealingService service = HealingService.start(healing, bootstrapServers, elasticsearchUrl);
        ApprovalBridge approvals =
                new ApprovalBridge(
                        bootstrapServers, config.string("kafka.topics.actionApprovals"), service);
        started(
                "healing",
                service,
                "Healing       "
                        + (healing.isDryRun()
                                ? "dry-run (decides and records, calls nothing)"
                                : "LIVE: calls the VIM"));
        parts.push(new Part("approvals", approvals));
    }

    /** The listeners' section of {@code config}, with the topics of {@code kafka.topics}. */
    static CollectorsConfig collectorsConfig(AitiaConfig config) {
        return config.section(
                "collectors",
                CollectorsConfig.class,
                s -> {
                    ObjectNode t = s.putObject("topics");
                    t.put("telemetry", config.string("kafka.topics.telemetry"));
                    t.put("deadletter", config.string("kafka.topics.deadletter"));
                    t.put("topology", config.string("kafka.topics.topology"));
                    t.put("raw", config.string("kafka.topics.raw"));
                    s.put("partitions", config.integer("kafka.partitions"));
                });
    }

    private void startCollectors(AitiaConfig config) {
        CollectorsConfig collectors = collectorsConfig(config);
        Collectors running = Collectors.start(collectors, bootstrapServers);
        String base = "http://" + collectors.host() + ":" + running.port();
        started(
                "collectors",
                running,
                "Listeners     "
                        + base
                        + "/eventListener/v7 (VES), "
                        + base
                        + "/collectd, "
                        + base
                        + "/alertmanager, "
                        + base
                        + "/v1/event (Doctor)");
    }

    /**
     * The API's section of {@code config}, with the topics of {@code kafka.topics}; {@code noauth}
     * forces Vitrage's noauth mode ({@code aitia run --noauth}).
     */
    static ApiConfig apiConfig(AitiaConfig config, boolean noauth) {
        return config.section(
                "api",
                ApiConfig.class,
                s -> {
                    ObjectNode t = s.putObject("topics");
                    for (String k :
                            List.of(
                                    "telemetry",
                                    "topology",
                                    "alarms",
                                    "actions",
                                    "actionResults",
                                    "rules",
                                    "webhooks",
                                    "actionApprovals")) {
                        t.put(k, config.string("kafka.topics." + k));
                    }
                    if (noauth) {
                        s.putObject("auth").put("mode", "noauth");
                    }
                });
    }

    private void startApi(AitiaConfig config, boolean noauth, boolean engineInThisProcess) {
        ApiConfig api = apiConfig(config, noauth);
        AlarmsApi running = AlarmsApi.start(api, bootstrapServers, elasticsearchUrl);
        if (engineInThisProcess) {
            running.setEngineReady(true);
        }
        started(
                "api",
                running,
                "API           http://"
                        + api.host()
                        + ":"
                        + running.port()
                        + "/v1 (Vitrage), /api/v1, /metrics, /openapi.json; auth "
                        + api.auth().mode().toString().toLowerCase(java.util.Locale.ROOT));
    }

    /** Starts {@code aitia run --demo} on the library incidents under {@code library}. */
    public void startDemo(AitiaConfig config, Path library) throws Exception {
        Demo demo =
                Demo.start(
                        bootstrapServers,
                        jobGroup != null
                                ? jobGroup
                                : config.section("streaming", StreamingConfig.class).groupId(),
                        config.string("kafka.topics.telemetry"),
                        config.string("kafka.topics.topology"),
                        config.string("kafka.topics.deadletter"),
                        library);
        started(
                "demo",
                demo,
                "Demo          replays "
                        + demo.incidents()
                        + " library incidents from "
                        + library
                        + " in a loop (dry-run)");
    }

    /** Stops every part, the last started first; a part that fails to stop is logged. */
    @Override
    public void close() {
        while (!parts.isEmpty()) {
            Part p = parts.pop();
            try {
                p.closer.close();
                LOG.info("{} stopped", p.name);
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", p.name, e.toString());
            }
        }
    }
}
