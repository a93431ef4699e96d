package org.aitia.api.storage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.aitia.model.Json;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch connection and the index layout:
 *
 * <ul>
 *   <li>{@code <prefix>-alarms} and {@code <prefix>-alarm-history*}: model {@code Alarm} JSON as
 *       the streaming job's sink writes it (current alarms, transitions);
 *   <li>{@code <prefix>-alarm-occurrences-yyyy.MM.dd}: every alarm occurrence in Vitrage form (id
 *       {@code alarm id|start}) with its latest state, dated by its start;
 *   <li>{@code <prefix>-alarm-transitions-yyyy.MM.dd}: every transition in Vitrage form, dated by
 *       it;
 *   <li>{@code <prefix>-actions-yyyy.MM.dd}: the healing audit (written by the healing module);
 *   <li>{@code <prefix>-topology-yyyy.MM.dd}: topology snapshots.
 * </ul>
 *
 * Strings are keywords (the node has no analysis plugins); dated indices are deleted by {@link
 * RetentionTask}.
 */
public final class EsStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EsStore.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    /** The index templates this API installs, by name suffix. */
    public static final List<String> TEMPLATES =
            List.of(
                    "alarms",
                    "alarm-history",
                    "alarm-occurrences",
                    "alarm-transitions",
                    "actions",
                    "topology");

    private final RestClient rest;
    private final ElasticsearchClient client;
    private final String prefix;

    public EsStore(String url, String prefix) {
        this.prefix = prefix;
        this.rest = RestClient.builder(HttpHost.create(url)).build();
        this.client =
                new ElasticsearchClient(
                        new RestClientTransport(
                                rest, new JacksonJsonpMapper(Json.mapper().copy())));
    }

    public ElasticsearchClient client() {
        return client;
    }

    public String prefix() {
        return prefix;
    }

    /** Installs (or replaces) every index template. */
    public void installTemplates() {
        for (String t : TEMPLATES) {
            String json = template(t).replace("{prefix}", prefix);
            String name = prefix + "-" + t;
            try {
                client.indices()
                        .putIndexTemplate(b -> b.name(name).withJson(new StringReader(json)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install index template " + name, e);
            }
            LOG.info("index template {} installed", name);
        }
    }

    private static String template(String name) {
        String path = "/org/aitia/api/es/" + name + ".json";
        try (InputStream in = EsStore.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dated index of {@code kind} ({@code alarm-history}, ...) for the day of {@code t}. */
    public String dated(String kind, Instant t) {
        return prefix + "-" + kind + "-" + DAY.format(t.atZone(ZoneOffset.UTC));
    }

    /** The pattern of every dated index of {@code kind}. */
    public String pattern(String kind) {
        return prefix + "-" + kind + "-*";
    }

    /** The day of a dated index name, or null when the name carries none. */
    static LocalDate dayOf(String index) {
        int i = index.lastIndexOf('-');
        if (i < 0) {
            return null;
        }
        try {
            return LocalDate.parse(index.substring(i + 1), DAY);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            LOG.warn("closing the Elasticsearch client failed: {}", e.toString());
        }
    }
}
