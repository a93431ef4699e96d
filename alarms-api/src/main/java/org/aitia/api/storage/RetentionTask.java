package org.aitia.api.storage;

import co.elastic.clients.elasticsearch.indices.GetIndexResponse;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the dated indices ({@code <prefix>-<kind>-yyyy.MM.dd}) whose day is more than {@code
 * retentionDays} before today (UTC) and which were also created that long ago: indices are dated by
 * event time, so a replay of an old incident writes old-dated indices, which are then kept for the
 * retention period after their creation. The integ-test node has no ILM, so this is the retention.
 */
public final class RetentionTask implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionTask.class);

    private final EsStore store;
    private final int retentionDays;
    private final Clock clock;

    public RetentionTask(EsStore store, int retentionDays, Clock clock) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be >= 1");
        }
        this.store = store;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    /**
     * Deletes the expired indices now.
     *
     * @return the names of the deleted indices, sorted
     */
    public List<String> runOnce() {
        LocalDate oldestKept =
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(retentionDays);
        List<String> expired = new ArrayList<>();
        try {
            GetIndexResponse all =
                    store.client()
                            .indices()
                            .get(
                                    g ->
                                            g.index(store.prefix() + "-*")
                                                    .ignoreUnavailable(true)
                                                    .allowNoIndices(true));
            long keepSince = oldestKept.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            for (var e : all.result().entrySet()) {
                LocalDate day = EsStore.dayOf(e.getKey());
                Long created = creationDate(e.getValue());
                if (day != null
                        && day.isBefore(oldestKept)
                        && (created == null || created < keepSince)) {
                    expired.add(e.getKey());
                }
            }
            expired.sort(null);
            for (String name : expired) {
                store.client().indices().delete(d -> d.index(name));
                LOG.info("retention: deleted {} (older than {} days)", name, retentionDays);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("retention clean-up failed", e);
        }
        return expired;
    }

    private static Long creationDate(co.elastic.clients.elasticsearch.indices.IndexState state) {
        IndexSettings s = state.settings();
        if (s == null) {
            return null;
        }
        if (s.creationDate() != null) {
            return s.creationDate();
        }
        return s.index() == null ? null : s.index().creationDate();
    }

    @Override
    public void run() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("retention clean-up failed, next run retries: {}", e.toString());
        }
    }
}
