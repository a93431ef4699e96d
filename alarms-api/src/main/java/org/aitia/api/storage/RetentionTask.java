package org.aitia.api.storage;

import co.elastic.clients.elasticsearch.indices.GetIndexResponse;
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
 * retentionDays} before today (UTC). The integ-test node has no ILM, so this is the retention.
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
            for (String name : all.result().keySet()) {
                LocalDate day = EsStore.dayOf(name);
                if (day != null && day.isBefore(oldestKept)) {
                    expired.add(name);
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

    @Override
    public void run() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("retention clean-up failed, next run retries: {}", e.toString());
        }
    }
}
