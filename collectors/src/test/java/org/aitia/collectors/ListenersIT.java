package org.aitia.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.aitia.collectors.parse.VesParserTest;
import org.aitia.model.DeadLetter;
import org.aitia.model.Json;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.aitia.testdata.stack.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ListenersIT {
    static KafkaBroker kafka;
    static Collectors collectors;
    static Collectors secured;

    @BeforeAll
    static void start() {
        kafka = KafkaBroker.builder().heap("384m").start();
        collectors =
                Collectors.start(CollectorsConfig.defaults().withPort(0), kafka.bootstrapServers());
        secured =
                Collectors.start(
                        CollectorsConfig.defaults()
                                .withPort(0)
                                .withBasicAuth(new CollectorsConfig.BasicAuth("ves", "s3cret")),
                        kafka.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (secured != null) {
            secured.close();
        }
        if (collectors != null) {
            collectors.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldPublishOnapBatchKeyedBySourceNameAfterAnswering202() throws Exception {
        HttpResponse<String> r =
                Http.post(
                        collectors.port(),
                        "/eventListener/v7/eventBatch",
                        VesParserTest.resourceBytes("ves7_batch_valid.json"));

        assertThat(r.statusCode()).isEqualTo(202);
        try (TopicReader t = new TopicReader(kafka.bootstrapServers(), "aitia.telemetry")) {
            List<TopicReader.Rec> recs =
                    t.readUntil(
                            l ->
                                    l.stream()
                                                    .filter(
                                                            x ->
                                                                    x.value()
                                                                            .contains(
                                                                                    "RecordingServerUnreachable"))
                                                    .count()
                                            == 1,
                            Duration.ofSeconds(30));
            TopicReader.Rec rec =
                    recs.stream()
                            .filter(x -> x.value().contains("RecordingServerUnreachable"))
                            .findFirst()
                            .orElseThrow();
            TelemetryEvent e = Json.read(rec.value(), TelemetryEvent.class);
            assertThat(rec.key()).isEqualTo("scfx0001vm002cap001");
            assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(e.source()).isEqualTo("ves");
            assertThat(rec.request()).isNotBlank();
        }
    }

    @Test
    void shouldKeepTheRawBodyOfAnAcceptedRequestOnTheRawTopic() {
        String alert =
                "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\","
                        + "\"labels\":{\"alertname\":\"HostDown\",\"instance\":\"raw-host-1:9100\"},"
                        + "\"annotations\":{},\"startsAt\":\"2026-01-01T10:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\"}]}";

        assertThat(Http.post(collectors.port(), "/alertmanager", alert).statusCode())
                .isEqualTo(202);

        try (TopicReader t = new TopicReader(kafka.bootstrapServers(), "aitia.raw")) {
            TopicReader.Rec raw =
                    t
                            .readUntil(
                                    l -> l.stream().anyMatch(x -> x.value().contains("raw-host-1")),
                                    Duration.ofSeconds(30))
                            .stream()
                            .filter(x -> x.value().contains("raw-host-1"))
                            .findFirst()
                            .orElseThrow();
            var node = Json.mapper().readTree(raw.value());
            assertThat(raw.key()).isEqualTo("alertmanager");
            assertThat(node.get("source").asText()).isEqualTo("alertmanager");
            assertThat(
                            node.get("payload")
                                    .get("alerts")
                                    .get(0)
                                    .get("labels")
                                    .get("instance")
                                    .asText())
                    .isEqualTo("raw-host-1:9100");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldAnswer400NamingTheFieldAndDeadLetterTheBody() throws Exception {
        byte[] bad = VesParserTest.fault("vfw-dl", "linkDown", "SEVERE", 1L);

        HttpResponse<String> r = Http.post(collectors.port(), "/eventListener/v7", bad);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(r.body()).get("field").asText())
                .isEqualTo("$.event.faultFields.eventSeverity");
        assertThat(r.body()).contains("requestError");
        try (TopicReader t = new TopicReader(kafka.bootstrapServers(), "aitia.deadletter")) {
            TopicReader.Rec rec =
                    t
                            .readUntil(
                                    l -> l.stream().anyMatch(x -> x.value().contains("vfw-dl")),
                                    Duration.ofSeconds(30))
                            .stream()
                            .filter(x -> x.value().contains("vfw-dl"))
                            .findFirst()
                            .orElseThrow();
            DeadLetter letter = Json.read(rec.value(), DeadLetter.class);
            assertThat(rec.key()).isEqualTo("ves");
            assertThat(letter.reason()).contains("$.event.faultFields.eventSeverity");
            assertThat(letter.payload()).isEqualTo(new String(bad, StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldAnswer401WithWrongCredentialsAnd202WithRightOnes() {
        byte[] ok = VesParserTest.fault("vfw-auth", "linkDown", "MAJOR", 1_767_261_600_000_000L);

        assertThat(Http.post(secured.port(), "/eventListener/v7", ok, "ves:wrong").statusCode())
                .isEqualTo(401);
        assertThat(Http.post(secured.port(), "/eventListener/v7", ok).statusCode()).isEqualTo(401);
        assertThat(Http.post(secured.port(), "/eventListener/v7", ok, "ves:s3cret").statusCode())
                .isEqualTo(202);
    }

    @Test
    void shouldAnswerOnly202Or400NeverA500ToMutatedBodiesOnEveryListener() throws Exception {
        java.util.Random random = new java.util.Random(42);
        String[] seeds = {
            new String(
                    VesParserTest.resourceBytes("ves7_batch_valid.json"), StandardCharsets.UTF_8),
            "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":"
                    + "{\"alertname\":\"A\",\"host\":\"h\"},\"startsAt\":\"2026-01-01T10:00:00Z\"}]}",
            "[{\"values\":[1],\"dstypes\":[\"gauge\"],\"dsnames\":[\"value\"],\"time\":1767261600.1,"
                    + "\"interval\":10,\"host\":\"h\",\"plugin\":\"cpu\",\"plugin_instance\":\"\","
                    + "\"type\":\"percent\",\"type_instance\":\"active\"}]",
            "{\"time\":\"2026-01-01T10:00:00Z\",\"type\":\"compute.host.down\",\"details\":{\"hostname\":\"h\",\"status\":\"down\"}}"
        };
        String[] paths = {
            "/eventListener/v7/eventBatch", "/alertmanager", "/collectd", "/v1/event"
        };
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < 200; i++) {
            int k = i % seeds.length;
            String s = seeds[k];
            int pos = random.nextInt(s.length());
            String mutated =
                    switch (random.nextInt(3)) {
                        case 0 -> s.substring(0, pos) + s.substring(pos + 1);
                        case 1 ->
                                s.substring(0, pos)
                                        + (char) (32 + random.nextInt(95))
                                        + s.substring(pos + 1);
                        default -> s.substring(0, pos) + "null" + s.substring(pos);
                    };
            int status = Http.post(collectors.port(), paths[k], mutated).statusCode();
            statuses.merge(status, 1, Integer::sum);
        }

        assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(202, 400);
        assertThat(statuses).containsKey(400);
    }

    @Test
    void shouldAnswer404ForAnUnknownPathAnd405ForGet() throws Exception {
        assertThat(Http.post(collectors.port(), "/nowhere", "{}").statusCode()).isEqualTo(404);
        java.net.http.HttpResponse<String> get =
                java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create(
                                                        "http://127.0.0.1:"
                                                                + collectors.port()
                                                                + "/collectd"))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void shouldNormaliseDoctorHostDownOnTheHost() throws Exception {
        String doctor =
                "{\"time\":\"2026-01-01T10:00:00.450Z\",\"type\":\"compute.host.down\",\"details\":"
                        + "{\"hostname\":\"compute-it-3\",\"source\":\"sample\",\"cause\":\"link down\","
                        + "\"severity\":\"critical\",\"status\":\"down\"}}";

        assertThat(Http.post(collectors.port(), "/v1/event", doctor).statusCode()).isEqualTo(202);

        try (TopicReader t = new TopicReader(kafka.bootstrapServers(), "aitia.telemetry")) {
            TopicReader.Rec rec =
                    t
                            .readUntil(
                                    l -> l.stream().anyMatch(x -> "compute-it-3".equals(x.key())),
                                    Duration.ofSeconds(30))
                            .stream()
                            .filter(x -> "compute-it-3".equals(x.key()))
                            .findFirst()
                            .orElseThrow();
            TelemetryEvent e = Json.read(rec.value(), TelemetryEvent.class);
            assertThat(e.name()).isEqualTo("compute.host.down");
            assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(e.eventTime())
                    .isEqualTo(java.time.Instant.parse("2026-01-01T10:00:00.450Z"));
        }
    }
}
