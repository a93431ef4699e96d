package org.aitia.streaming.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aitia.model.Alarm;
import org.aitia.model.Json;
import org.aitia.model.Severity;
import org.aitia.streaming.StreamingConfig.ElasticsearchConfig;
import org.aitia.streaming.types.JsonTypeInfo;
import org.aitia.testdata.stack.ElasticsearchNode;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlarmDocumentSinkIT {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    static ElasticsearchNode es;
    static RestClient rest;
    static ElasticsearchClient client;

    @BeforeAll
    static void startElasticsearch() {
        es = ElasticsearchNode.start();
        rest = RestClient.builder(HttpHost.create(es.httpUrl())).build();
        client =
                new ElasticsearchClient(
                        new RestClientTransport(
                                rest, new JacksonJsonpMapper(Json.mapper().copy())));
    }

    @AfterAll
    static void stop() throws Exception {
        if (rest != null) {
            rest.close();
        }
        if (es != null) {
            es.close();
        }
    }

    static ElasticsearchConfig config(String prefix) {
        return new ElasticsearchConfig(
                List.of(es.httpUrl()),
                prefix + "-alarms",
                prefix + "-history",
                50,
                50L,
                200L,
                null);
    }

    static JobClient run(List<Alarm> alarms, ElasticsearchConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromData(alarms, JsonTypeInfo.of(Alarm.class))
                .sinkTo(new AlarmDocumentSink(config))
                .name("sink-elasticsearch")
                .uid("sink-elasticsearch");
        return env.executeAsync("es-sink-it");
    }

    ObjectNode current(String index, String id) throws Exception {
        client.indices().refresh(r -> r.index(index));
        GetResponse<ObjectNode> doc = client.get(g -> g.index(index).id(id), ObjectNode.class);
        return doc.found() ? doc.source() : null;
    }

    long count(String index) throws Exception {
        client.indices().refresh(r -> r.index(index));
        return client.count(c -> c.index(index)).count();
    }

    @Test
    void shouldKeepTheLatestTransitionAndOneHistoryDocumentPerTransitionWhenReplayed()
            throws Exception {
        Alarm raised =
                Alarm.raised("ves", "compute-3-nic0", "edge-1", "linkDown", Severity.CRITICAL, T0);
        Alarm cleared = raised.cleared(T0.plusSeconds(30));
        ElasticsearchConfig config = config("replayed");

        run(List.of(raised, cleared, raised, cleared, raised), config)
                .getJobExecutionResult()
                .get(2, TimeUnit.MINUTES);

        ObjectNode doc = current(config.alarmsIndex(), raised.id());
        assertThat(doc).isNotNull();
        assertThat(doc.get("status").asText()).isEqualTo("CLEARED");
        assertThat(doc.get("lastSeen").asText()).isEqualTo("2026-01-01T10:00:30Z");
        assertThat(count(config.historyIndex() + "-*")).isEqualTo(2);
        assertThat(count(config.historyIndex() + "-2026.01.01"))
                .as("one history index per day, named for the retention task")
                .isEqualTo(2);
        assertThat(count(config.alarmsIndex())).isEqualTo(1);
    }

    @Test
    void shouldWriteTheDocumentsOnceElasticsearchIsBackWithoutLosingAny() throws Exception {
        ElasticsearchConfig config = config("outage");
        List<Alarm> alarms =
                java.util.stream.IntStream.range(0, 120)
                        .mapToObj(
                                i ->
                                        Alarm.raised(
                                                "ves",
                                                "vm-" + i,
                                                "edge-1",
                                                "instance down",
                                                Severity.CRITICAL,
                                                T0.plusSeconds(i)))
                        .toList();
        es.stop();
        JobClient job;
        try {
            job = run(alarms, config);
            Thread.sleep(3_000);
            assertThat(job.getJobStatus().get(10, TimeUnit.SECONDS))
                    .as(
                            "the sink holds its documents and the job goes on while Elasticsearch is down")
                    .isEqualTo(JobStatus.RUNNING);
        } finally {
            es.restart();
        }
        job.getJobExecutionResult().get(3, TimeUnit.MINUTES);

        assertThat(count(config.alarmsIndex())).isEqualTo(120);
        assertThat(count(config.historyIndex() + "-*")).isEqualTo(120);
        assertThat(current(config.alarmsIndex(), alarms.get(77).id()).get("entityId").asText())
                .isEqualTo("vm-77");
    }
}
