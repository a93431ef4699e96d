package org.aitia.api.storage;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.aitia.api.vitrage.VitrageViews;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every alarm transition the live feed applies to Elasticsearch, in bulks, from its own
 * thread: the occurrence in {@code alarm-occurrences} and the transition in {@code
 * alarm-transitions}, both in Vitrage form. Document ids are deterministic, so re-reading the topic
 * after a restart writes nothing twice. A failed bulk is retried until it succeeds or the writer
 * closes.
 */
public final class HistoryWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);
    private static final int MAX_BATCH = 2000;

    private final EsStore store;
    private final Function<String, Entity> entities;
    private final BlockingQueue<Alarm> queue = new ArrayBlockingQueue<>(200_000);
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running = true;

    public HistoryWriter(EsStore store, Function<String, Entity> entities) {
        this.store = store;
        this.entities = entities;
        this.thread = new Thread(this::run, "aitia-api-history-writer");
        this.thread.setDaemon(true);
    }

    public HistoryWriter start() {
        thread.start();
        return this;
    }

    /** Queues one transition; blocks while the queue is full (back-pressure on the feed). */
    public void accept(Alarm alarm) {
        try {
            queue.put(alarm);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing " + alarm.id(), e);
        }
    }

    /** Transitions written so far. */
    public long written() {
        return written.get();
    }

    /** Transitions queued and not yet written. */
    public int pending() {
        return queue.size();
    }

    /** Failed bulk attempts so far. */
    public long failures() {
        return failures.get();
    }

    private void run() {
        List<Alarm> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Alarm first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                writeWithRetry(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeWithRetry(List<Alarm> batch) throws InterruptedException {
        long backoff = 500;
        while (true) {
            try {
                write(batch);
                written.addAndGet(batch.size());
                return;
            } catch (IOException | RuntimeException e) {
                failures.incrementAndGet();
                if (!running) {
                    LOG.error(
                            "closing with {} alarm transitions not written: {}",
                            batch.size(),
                            e.toString());
                    return;
                }
                LOG.warn(
                        "writing {} alarm transitions failed, retrying in {} ms: {}",
                        batch.size(),
                        backoff,
                        e.toString());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void write(List<Alarm> batch) throws IOException {
        BulkRequest.Builder br = new BulkRequest.Builder();
        for (Alarm a : batch) {
            Map<String, Object> doc =
                    new LinkedHashMap<>(VitrageViews.alarm(a, entities.apply(a.entityId())));
            doc.put("status", a.status().name());
            String occurrence = a.id() + "|" + a.firstSeen();
            String history = store.dated("alarm-occurrences", a.firstSeen());
            br.operations(op -> op.index(i -> i.index(history).id(occurrence).document(doc)));
            Map<String, Object> transition = new LinkedHashMap<>(doc);
            transition.put("transition_at", VitrageViews.ts(a.lastSeen()));
            String tid =
                    occurrence + "|" + a.status() + "|" + a.severity().label() + "|" + a.lastSeen();
            String transitions = store.dated("alarm-transitions", a.lastSeen());
            br.operations(op -> op.index(i -> i.index(transitions).id(tid).document(transition)));
        }
        BulkResponse resp = store.client().bulk(br.build());
        if (resp.errors()) {
            for (BulkResponseItem item : resp.items()) {
                if (item.error() != null) {
                    throw new IOException(
                            "bulk item "
                                    + item.index()
                                    + "/"
                                    + item.id()
                                    + " failed: "
                                    + item.error().reason());
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
