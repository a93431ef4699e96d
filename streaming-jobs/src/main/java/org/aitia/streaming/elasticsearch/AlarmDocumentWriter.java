package org.aitia.streaming.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.aitia.model.Alarm;
import org.aitia.model.Ids;
import org.aitia.model.Json;
import org.aitia.streaming.StreamingConfig.ElasticsearchConfig;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes alarm documents in bulk from a background thread, so that correlation never waits for
 * Elasticsearch while fewer than {@code maxBufferedDocs} documents are pending.
 */
final class AlarmDocumentWriter implements StatefulSinkWriter<Alarm, Alarm> {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmDocumentWriter.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final ElasticsearchConfig config;
    private final LinkedBlockingDeque<Alarm> queue;
    private final List<Alarm> inFlight = new ArrayList<>();
    private final RestClient rest;
    private final ElasticsearchClient client;
    private final Thread thread;
    private final Counter written;
    private final Counter retries;
    private final Counter rejected;
    private volatile boolean running = true;
    private volatile Throwable fatal;

    AlarmDocumentWriter(
            ElasticsearchConfig config, Collection<Alarm> restored, SinkWriterMetricGroup metrics) {
        this.config = config;
        this.queue = new LinkedBlockingDeque<>(config.maxBufferedDocs());
        this.queue.addAll(restored);
        HttpHost[] hosts = config.hosts().stream().map(HttpHost::create).toArray(HttpHost[]::new);
        this.rest = RestClient.builder(hosts).build();
        this.client =
                new ElasticsearchClient(
                        new RestClientTransport(
                                rest, new JacksonJsonpMapper(Json.mapper().copy())));
        this.written = metrics.counter("documentsWritten");
        this.retries = metrics.counter("bulkRetries");
        this.rejected = metrics.counter("documentsRejected");
        this.thread = new Thread(this::loop, "aitia-es-alarm-writer");
        this.thread.setDaemon(true);
        this.thread.start();
        if (!restored.isEmpty()) {
            LOG.info(
                    "Restored {} alarm document(s) not yet written to Elasticsearch",
                    restored.size());
        }
    }

    @Override
    public void write(Alarm alarm, Context context) throws IOException, InterruptedException {
        failIfBroken();
        queue.put(alarm);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        failIfBroken();
        if (endOfInput) {
            while (!drained()) {
                failIfBroken();
                Thread.sleep(20);
            }
        }
    }

    @Override
    public List<Alarm> snapshotState(long checkpointId) {
        List<Alarm> pending;
        synchronized (inFlight) {
            pending = new ArrayList<>(inFlight);
        }
        pending.addAll(queue);
        return pending;
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.interrupt();
        thread.join(5_000);
        rest.close();
    }

    private boolean drained() {
        synchronized (inFlight) {
            return queue.isEmpty() && inFlight.isEmpty();
        }
    }

    private void failIfBroken() throws IOException {
        if (fatal != null) {
            throw new IOException("the Elasticsearch alarm writer stopped", fatal);
        }
    }

    private void loop() {
        long backoff = config.retryBackoffMs();
        boolean failing = false;
        try {
            while (running) {
                synchronized (inFlight) {
                    if (inFlight.isEmpty()) {
                        queue.drainTo(inFlight, config.bulkActions());
                    }
                }
                if (inFlight.isEmpty()) {
                    Alarm first = queue.poll(config.flushIntervalMs() + 1, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        synchronized (inFlight) {
                            inFlight.add(first);
                            queue.drainTo(inFlight, config.bulkActions() - 1);
                        }
                    }
                    continue;
                }
                try {
                    send();
                    if (failing) {
                        LOG.info(
                                "Elasticsearch is reachable again; pending alarm documents written");
                    }
                    failing = false;
                    backoff = config.retryBackoffMs();
                } catch (IOException | RuntimeException e) {
                    retries.inc();
                    if (!failing) {
                        LOG.warn(
                                "Elasticsearch bulk of {} alarm document(s) failed, retrying with"
                                        + " back-off (correlation goes on): {}",
                                inFlight.size(),
                                e.toString());
                    }
                    failing = true;
                    Thread.sleep(backoff);
                    backoff = Math.min(MAX_BACKOFF_MS, Math.max(1, backoff * 2));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            fatal = t;
            LOG.error("The Elasticsearch alarm writer stopped", t);
        }
    }

    /** Sends the in-flight batch; keeps in it only what must be retried. */
    private void send() throws IOException {
        List<Alarm> batch;
        synchronized (inFlight) {
            batch = new ArrayList<>(inFlight);
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (Alarm a : batch) {
            Map<?, ?> doc = Json.mapper().convertValue(a, Map.class);
            bulk.operations(
                    op ->
                            op.index(
                                    i ->
                                            i.index(config.alarmsIndex())
                                                    .id(a.id())
                                                    .version(a.lastSeen().toEpochMilli())
                                                    .versionType(VersionType.ExternalGte)
                                                    .document(doc)));
            bulk.operations(
                    op ->
                            op.index(
                                    i ->
                                            i.index(historyIndex(config.historyIndex(), a))
                                                    .id(historyId(a))
                                                    .document(doc)));
        }
        BulkResponse response = client.bulk(bulk.build());
        List<Alarm> retry = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int n = 0; n < batch.size(); n++) {
            Alarm a = batch.get(n);
            boolean again = false;
            for (BulkResponseItem item : List.of(items.get(2 * n), items.get(2 * n + 1))) {
                if (item.error() == null || item.status() == 409) {
                    continue;
                }
                if (item.status() == 429 || item.status() >= 500) {
                    again = true;
                } else {
                    rejected.inc();
                    LOG.error(
                            "Elasticsearch rejected alarm document {} in {}: {}",
                            item.id(),
                            item.index(),
                            item.error().reason());
                }
            }
            if (again) {
                retry.add(a);
            } else {
                written.inc();
            }
        }
        synchronized (inFlight) {
            inFlight.clear();
            inFlight.addAll(retry);
        }
        if (!retry.isEmpty()) {
            throw new IOException(
                    retry.size() + " alarm document(s) were refused for now (429/5xx)");
        }
    }

    /**
     * The dated history index of a transition: {@code <historyIndex>-yyyy.MM.dd} of its {@code
     * lastSeen} in UTC, so that the API's retention task drops old days whole. A replayed
     * transition has the same time, hence the same index and id: written once.
     */
    static String historyIndex(String prefix, Alarm a) {
        return prefix + "-" + DAY.format(a.lastSeen().atZone(java.time.ZoneOffset.UTC));
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("yyyy.MM.dd");

    /** The history document's id: the alarm id and the transition. */
    static String historyId(Alarm a) {
        return a.id()
                + ":"
                + Ids.stable(
                        "",
                        a.status().name(),
                        a.severity().label(),
                        String.valueOf(a.rootCause()),
                        String.join(",", a.causedBy()),
                        String.valueOf(a.lastSeen().toEpochMilli()));
    }
}
