package org.aitia.healing.audit;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.aitia.healing.OutcomeSink;
import org.aitia.model.ActionResult;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in Elasticsearch: one document per outcome of an action in the daily index {@code
 * <prefix>yyyy.MM.dd} (UTC day of the outcome), with id {@code <action id>-<status>}, so writing
 * the same outcome again (a retry, a replay) overwrites instead of duplicating.
 */
public final class ElasticsearchAudit implements OutcomeSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchAudit.class);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private final RestClient rest;
    private final ElasticsearchAsyncClient client;
    private final String prefix;

    /** Audits to the Elasticsearch node at {@code url} ({@code http://host:9200}). */
    public ElasticsearchAudit(String url, String prefix) {
        this.rest = RestClient.builder(HttpHost.create(url)).build();
        this.client =
                new ElasticsearchAsyncClient(
                        new RestClientTransport(
                                rest, new JacksonJsonpMapper(Json.mapper().copy())));
        this.prefix = prefix;
    }

    /** The index an outcome at {@code result.at()} goes to. */
    public String indexOf(ActionResult result) {
        return prefix + DAY.format(result.at());
    }

    /** The document id of an outcome: action id and status. */
    public static String documentId(ActionResult result) {
        return result.actionId() + "-" + result.status();
    }

    @Override
    public void result(HealingAction action, ActionResult result) {
        write(action, result);
    }

    /** Writes the audit document of {@code result}; the future completes when it is indexed. */
    public CompletableFuture<Void> write(HealingAction action, ActionResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("action_id", result.actionId());
        doc.put("type", result.type());
        doc.put("target", result.target());
        doc.put("site", action.site());
        doc.put("status", result.status().name());
        if (result.reason() != null) {
            doc.put("reason", result.reason());
        }
        doc.put("attempts", result.attempts());
        doc.put("at", result.at().toString());
        doc.put("requested_at", action.requestedAt().toString());
        doc.put("dry_run", action.dryRun());
        doc.put("rule", action.rule());
        doc.put("alarm_ids", action.alarmIds());
        doc.put("parameters", action.parameters());
        String index = indexOf(result);
        String id = documentId(result);
        return client.index(i -> i.index(index).id(id).document(doc))
                .<Void>thenApply(r -> null)
                .whenComplete(
                        (v, error) -> {
                            if (error != null) {
                                LOG.error(
                                        "Cannot write the audit document {} to {}: {}; the"
                                                + " outcome is still on the results topic",
                                        id,
                                        index,
                                        error.toString());
                            }
                        });
    }

    @Override
    public void alarm(Alarm alarm) {
        // alarms are audited by the alarms sink of streaming-jobs, from aitia.alarms
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the Elasticsearch client", e);
        }
    }
}
