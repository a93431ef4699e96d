package org.aitia.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aitia.model.ActionResult;
import org.aitia.model.Entity;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.aitia.model.Relationship;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TopologyChange;
import org.aitia.testdata.stack.ElasticsearchNode;
import org.aitia.testdata.stack.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API against a real Kafka broker and a real Elasticsearch node: the host-down incident's
 * topology and alarms are published on the topics the streaming job writes, and every Vitrage and
 * native route is called over HTTP.
 */
class VitrageApiIT {
    private static KafkaBroker kafka;
    private static ElasticsearchNode es;
    private static AlarmsApi api;
    private static KafkaProducer<String, String> producer;
    private static Http admin;
    private static Http reader;
    private static final ApiConfig.Topics T = ApiConfig.Topics.defaults();

    @BeforeAll
    static void startStack() {
        kafka = KafkaBroker.start();
        es = ElasticsearchNode.start();
        Stack.createTopics(kafka, T);
        producer = Stack.producer(kafka);
        Stack.publishTopology(producer, T.topology(), Stack.incident("host-down-doctor"));
        // a diamond beside the incident: port-a is in two switches, so dc-1 cannot be a tree
        for (Entity e :
                List.of(
                        Entity.of("dc-1", "datacenter", "dc-1", "edge-1"),
                        Entity.of("sw-1", "switch", "sw-1", "edge-1"),
                        Entity.of("sw-2", "switch", "sw-2", "edge-1"),
                        Entity.of("port-a", "port", "port-a", "edge-1"))) {
            Stack.send(producer, T.topology(), e.id(), TopologyChange.upsert(e));
        }
        for (Relationship r :
                List.of(
                        new Relationship("dc-1", "sw-1", "contains"),
                        new Relationship("dc-1", "sw-2", "contains"),
                        new Relationship("sw-1", "port-a", "contains"),
                        new Relationship("sw-2", "port-a", "contains"))) {
            Stack.send(producer, T.topology(), r.id(), TopologyChange.upsert(r));
        }
        Stack.send(producer, T.alarms(), Stack.hostDown().id(), Stack.hostDown());
        Stack.send(
                producer,
                T.alarms(),
                Stack.instanceDown("vm-17").id(),
                Stack.instanceDown("vm-17"));
        Stack.send(
                producer,
                T.alarms(),
                Stack.instanceDown("vm-18").id(),
                Stack.instanceDown("vm-18"));
        ApiConfig config =
                new ApiConfig(null, 0, null, null, null, 500, true, null, true, 7, 1, null, null);
        api = AlarmsApi.start(config, kafka.bootstrapServers(), es.httpUrl());
        admin = Http.noauth(api.url(), "admin-user", "admin-project", "admin");
        reader = Http.noauth(api.url(), "reader-user", "admin-project", "reader");
        Stack.await(
                "the live view",
                Duration.ofSeconds(60),
                () ->
                        api.notReadyReason() != null
                                && api.notReadyReason().contains("engine")
                                && api.alarms().size() == 3
                                && api.topology().graph().entityCount() == 10);
    }

    @AfterAll
    static void stopStack() {
        if (producer != null) {
            producer.close();
        }
        if (api != null) {
            api.close();
        }
        if (es != null) {
            es.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText(null)));
        return out;
    }

    @Test
    void shouldListTheIncidentsAlarmsInVitragesShape() {
        Http.Answer a =
                reader.get(
                        "/v1/alarm/?vitrage_id=all&all_tenants=False&limit=500"
                                + "&sort_by=start_timestamp&sort_by=vitrage_id&sort_dirs=asc&sort_dirs=asc&next_page=True");
        assertThat(a.status()).isEqualTo(200);
        JsonNode list = a.json();
        assertThat(texts(list, "vitrage_resource_id"))
                .containsExactly("compute-3", "vm-17", "vm-18");
        JsonNode host = list.get(0);
        assertThat(host.get("vitrage_id").asText()).isEqualTo(Stack.hostDown().id());
        assertThat(host.get("vitrage_category").asText()).isEqualTo("ALARM");
        assertThat(host.get("vitrage_type").asText()).isEqualTo("doctor");
        assertThat(host.get("name").asText()).isEqualTo("compute.host.down");
        assertThat(host.get("vitrage_resource_type").asText()).isEqualTo("nova.host");
        assertThat(host.get("vitrage_operational_severity").asText()).isEqualTo("CRITICAL");
        assertThat(host.get("severity").asText()).isEqualTo("critical");
        assertThat(host.get("update_timestamp").asText()).isEqualTo("2026-01-01T10:00:00.450Z");
        assertThat(list.get(1).get("vitrage_type").asText()).isEqualTo("vitrage");
    }

    @Test
    void shouldPageWithLimitAndMarker() {
        JsonNode first = reader.get("/v1/alarm/?vitrage_id=all&limit=2").json();
        assertThat(first).hasSize(2);
        String marker = first.get(1).get("vitrage_id").asText();
        JsonNode second = reader.get("/v1/alarm/?vitrage_id=all&limit=2&marker=" + marker).json();
        assertThat(texts(second, "vitrage_resource_id")).containsExactly("vm-18");
        assertThat(reader.get("/v1/alarm/?vitrage_id=all&limit=501").status()).isEqualTo(400);
        assertThat(reader.get("/v1/alarm/?vitrage_id=all&limit=501").json().get("reason").asText())
                .contains("limit must be between 1 and 500");
    }

    @Test
    void shouldListAlarmsOfOneResourceAndFilterAndSortThem() {
        assertThat(texts(reader.get("/v1/alarm/?vitrage_id=vm-17").json(), "vitrage_resource_id"))
                .containsExactly("vm-17");
        JsonNode filtered =
                reader.get("/v1/alarm/?filter_by=vitrage_type&filter_vals=doctor").json();
        assertThat(texts(filtered, "name")).containsExactly("compute.host.down");
        JsonNode desc = reader.get("/v1/alarm/?sort_by=vitrage_resource_id&sort_dirs=desc").json();
        assertThat(texts(desc, "vitrage_resource_id"))
                .containsExactly("vm-18", "vm-17", "compute-3");
        assertThat(reader.get("/v1/alarm/?filter_by=name").json().get("reason").asText())
                .contains("filter_by and filter_vals");
    }

    @Test
    void shouldShowAnAlarmAndAnswer404ForAnUnknownOne() {
        JsonNode a = reader.get("/v1/alarm/" + Stack.instanceDown("vm-17").id()).json();
        assertThat(a.get("vitrage_resource_id").asText()).isEqualTo("vm-17");
        assertThat(a.get("aitia_caused_by").get(0).asText()).isEqualTo(Stack.hostDown().id());
        Http.Answer missing = reader.get("/v1/alarm/a-0000000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("reason").asText())
                .isEqualTo("no active alarm a-0000000000000000");
    }

    @Test
    void shouldCountActiveAlarmsBySeverity() {
        JsonNode c = reader.get("/v1/alarm/count/").json();
        assertThat(c.get("critical").asInt()).isEqualTo(1);
        assertThat(c.get("severe").asInt()).isEqualTo(2);
        assertThat(c.get("warning").asInt()).isZero();
    }

    @Test
    void shouldKeepAClearedAlarmInTheHistoryButNotInTheLiveView() {
        var extra =
                org.aitia.model.Alarm.raised(
                        "collectd",
                        "compute-4",
                        "edge-1",
                        "cpu high",
                        org.aitia.model.Severity.WARNING,
                        Stack.T0.plusSeconds(60));
        Stack.send(producer, T.alarms(), extra.id(), extra);
        Stack.await(
                "the warning alarm",
                Duration.ofSeconds(20),
                () -> api.alarms().get(extra.id()).isPresent());
        Stack.send(producer, T.alarms(), extra.id(), extra.cleared(Stack.T0.plusSeconds(120)));
        Stack.await(
                "the clear", Duration.ofSeconds(20), () -> api.alarms().get(extra.id()).isEmpty());
        assertThat(reader.get("/v1/alarm/" + extra.id()).status()).isEqualTo(404);
        Stack.await(
                "the history in Elasticsearch",
                Duration.ofSeconds(30),
                () -> {
                    JsonNode h =
                            reader.get(
                                            "/v1/alarm/history/?start=2026-01-01T09:00:00Z&end=2026-01-01T11:00:00Z")
                                    .json();
                    return h.isArray()
                            && texts(h, "vitrage_id").contains(extra.id())
                            && texts(h, "end_timestamp").contains("2026-01-01T10:02:00.450Z");
                });
        JsonNode h =
                reader.get("/v1/alarm/history/?start=2026-01-01T09:00:00Z&end=2026-01-01T11:00:00Z")
                        .json();
        assertThat(texts(h, "vitrage_resource_id"))
                .containsExactly("compute-3", "vm-17", "vm-18", "compute-4");
        JsonNode before =
                reader.get("/v1/alarm/history/?start=2026-01-01T10:01:30Z&end=2026-01-01T11:00:00Z")
                        .json();
        assertThat(texts(before, "vitrage_resource_id")).contains("compute-4");
        JsonNode after =
                reader.get("/v1/alarm/history/?start=2026-01-01T10:05:00Z&end=2026-01-01T11:00:00Z")
                        .json();
        assertThat(texts(after, "vitrage_resource_id"))
                .doesNotContain("compute-4")
                .contains("compute-3");
        assertThat(
                        reader.get(
                                        "/v1/alarm/history/?start=2026-01-02T00:00:00Z&end=2026-01-01T00:00:00Z")
                                .status())
                .isEqualTo(400);
    }

    @Test
    void shouldReturnTheCausalGraphAroundAnAlarmWithTheInspectedIndex() {
        JsonNode rca = reader.get("/v1/rca/?alarm_id=" + Stack.instanceDown("vm-17").id()).json();
        assertThat(texts(rca.get("nodes"), "vitrage_resource_id"))
                .containsExactlyInAnyOrder("compute-3", "vm-17");
        int inspected = rca.get("inspected_index").asInt();
        assertThat(rca.get("nodes").get(inspected).get("vitrage_resource_id").asText())
                .isEqualTo("vm-17");
        JsonNode link = rca.get("links").get(0);
        assertThat(
                        rca.get("nodes")
                                .get(link.get("source").asInt())
                                .get("vitrage_resource_id")
                                .asText())
                .isEqualTo("compute-3");
        assertThat(link.get("relationship_type").asText()).isEqualTo("causes");
        JsonNode fromRoot = reader.get("/v1/rca/?alarm_id=" + Stack.hostDown().id()).json();
        assertThat(fromRoot.get("nodes")).hasSize(3);
        assertThat(fromRoot.get("links")).hasSize(2);
    }

    @Test
    void shouldShowTheTopologyAsAGraphWithItsAlarms() {
        JsonNode g =
                reader.post("/v1/topology/", "{\"graph_type\":\"graph\",\"all_tenants\":false}")
                        .json();
        List<String> ids = texts(g.get("nodes"), "vitrage_id");
        assertThat(ids).contains("compute-3", "vm-17", "edge-1-zone", Stack.hostDown().id());
        JsonNode host = g.get("nodes").get(ids.indexOf("compute-3"));
        assertThat(host.get("vitrage_type").asText()).isEqualTo("nova.host");
        assertThat(host.get("vitrage_category").asText()).isEqualTo("RESOURCE");
        boolean contains = false;
        for (JsonNode l : g.get("links")) {
            if (ids.get(l.get("source").asInt()).equals("compute-3")
                    && ids.get(l.get("target").asInt()).equals("vm-17")) {
                contains = l.get("relationship_type").asText().equals("contains");
            }
        }
        assertThat(contains).as("compute-3 contains vm-17").isTrue();
        JsonNode hostsOnly =
                reader.post(
                                "/v1/topology/",
                                "{\"query\":\"{\\\"==\\\": {\\\"vitrage_type\\\": \\\"nova.host\\\"}}\"}")
                        .json();
        assertThat(texts(hostsOnly.get("nodes"), "vitrage_id"))
                .containsExactlyInAnyOrder("compute-3", "compute-4");
        JsonNode around =
                reader.post("/v1/topology/", "{\"root\":\"compute-4\",\"depth\":1}").json();
        assertThat(texts(around.get("nodes"), "vitrage_id"))
                .containsExactlyInAnyOrder("compute-4", "edge-1-zone", "vm-19");
    }

    @Test
    void shouldShowATreeAndRefuseOneWhenTheGraphIsNotATree() {
        JsonNode tree =
                reader.post("/v1/topology/", "{\"graph_type\":\"tree\",\"root\":\"edge-1-zone\"}")
                        .json();
        assertThat(tree.get("vitrage_id").asText()).isEqualTo("edge-1-zone");
        assertThat(texts(tree.get("children"), "vitrage_id"))
                .containsExactlyInAnyOrder("compute-3", "compute-4");
        Http.Answer notATree =
                reader.post("/v1/topology/", "{\"graph_type\":\"tree\",\"root\":\"dc-1\"}");
        assertThat(notATree.status()).isEqualTo(400);
        assertThat(notATree.json().get("reason").asText())
                .contains("cannot be represented as a tree")
                .contains("port-a");
        assertThat(
                        reader.post("/v1/topology/", "{\"graph_type\":\"tree\"}")
                                .json()
                                .get("reason")
                                .asText())
                .contains("needs a root");
    }

    @Test
    void shouldListShowAndCountResources() {
        JsonNode vms =
                reader.post(
                                "/v1/resources/",
                                "{\"resource_type\":\"nova.instance\",\"all_tenants\":false}")
                        .json();
        assertThat(texts(vms, "vitrage_id")).containsExactly("vm-17", "vm-18", "vm-19");
        JsonNode one = reader.get("/v1/resources/compute-3").json();
        assertThat(one.get("vitrage_type").asText()).isEqualTo("nova.host");
        assertThat(one.get("ip").asText()).isEqualTo("10.0.0.3");
        assertThat(one.get("vitrage_operational_state").asText()).isNotBlank();
        assertThat(reader.get("/v1/resources/nope").status()).isEqualTo(404);
        JsonNode count =
                reader.post("/v1/resources/count/", "{\"group_by\":\"vitrage_type\"}").json();
        assertThat(count.get("nova.instance").asInt()).isEqualTo(3);
        assertThat(count.get("nova.host").asInt()).isEqualTo(2);
        assertThat(count.get("switch").asInt()).isEqualTo(2);
    }

    @Test
    void shouldPublishAPostedDoctorEventOnTheTelemetryTopic() {
        Http.Answer ok =
                admin.post(
                        "/v1/event/",
                        "{\"time\":\"2026-01-01T11:00:00\",\"type\":\"compute.host.down\","
                                + "\"details\":{\"hostname\":\"compute-4\",\"status\":\"down\",\"severity\":\"major\",\"source\":\"it\"}}");
        assertThat(ok.status()).isEqualTo(200);
        List<ConsumerRecord<String, String>> recs =
                Stack.readAll(kafka, T.telemetry(), 1, Duration.ofSeconds(20));
        assertThat(recs).hasSize(1);
        TelemetryEvent e = Json.read(recs.get(0).value(), TelemetryEvent.class);
        assertThat(recs.get(0).key()).isEqualTo("compute-4");
        assertThat(e.kind()).isEqualTo(TelemetryEvent.Kind.FAULT);
        assertThat(e.name()).isEqualTo("compute.host.down");
        assertThat(e.entityType()).isEqualTo("nova.host");
        assertThat(e.severity()).isEqualTo(org.aitia.model.Severity.SEVERE);
        assertThat(e.eventTime()).isEqualTo("2026-01-01T11:00:00Z");
        Http.Answer bad =
                admin.post(
                        "/v1/event/",
                        "{\"time\":\"2026-01-01T11:00:00\",\"type\":\"x\",\"details\":{}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("reason").asText()).isEqualTo("details.hostname: required");
        assertThat(reader.post("/v1/event/", "{}").status()).isEqualTo(403);
    }

    @Test
    void shouldAddListShowAndDeleteWebhooksOnTheWebhookTopic() {
        JsonNode w =
                admin.post(
                                "/v1/webhook/",
                                "{\"url\":\"https://hooks.example/aitia\","
                                        + "\"regex_filter\":\"{\\\"name\\\": \\\"host.*\\\"}\",\"headers\":\"{\\\"X-Token\\\": \\\"s3cret\\\"}\"}")
                        .json();
        String id = w.get("id").asText();
        assertThat(w.get("url").asText()).isEqualTo("https://hooks.example/aitia");
        assertThat(texts(admin.get("/v1/webhook/").json(), "id")).contains(id);
        assertThat(admin.get("/v1/webhook/" + id).json().get("headers").asText())
                .contains("s3cret");
        assertThat(reader.get("/v1/webhook/" + id).json().get("headers").asText())
                .doesNotContain("s3cret");
        assertThat(admin.delete("/v1/webhook/" + id).status()).isEqualTo(200);
        assertThat(admin.get("/v1/webhook/" + id).status()).isEqualTo(404);
        List<ConsumerRecord<String, String>> recs =
                Stack.readAll(kafka, T.webhooks(), 2, Duration.ofSeconds(20));
        assertThat(recs).extracting(ConsumerRecord::key).contains(id);
        assertThat(recs.get(recs.size() - 1).value()).as("a tombstone").isNull();
        assertThat(
                        admin.post("/v1/webhook/", "{\"url\":\"ftp://x\"}")
                                .json()
                                .get("reason")
                                .asText())
                .contains("url");
        assertThat(
                        admin.post(
                                        "/v1/webhook/",
                                        "{\"url\":\"http://x\",\"regex_filter\":\"{\\\"name\\\": \\\"(\\\"}\"}")
                                .json()
                                .get("reason")
                                .asText())
                .contains("regex_filter.name");
    }

    @Test
    void shouldListHeldActionsAndPublishAnApproval() {
        HealingAction held =
                HealingAction.of(
                        "nova.host.force_down",
                        "compute-3",
                        "edge-1",
                        Map.of(),
                        List.of(Stack.hostDown().id()),
                        "HostDown",
                        false,
                        Stack.T0);
        HealingAction sent =
                HealingAction.of(
                        "nova.server.reset_state",
                        "vm-17",
                        "edge-1",
                        Map.of(),
                        List.of(Stack.instanceDown("vm-17").id()),
                        "HostDown",
                        false,
                        Stack.T0);
        Stack.send(producer, T.actions(), held.id(), held);
        Stack.send(producer, T.actions(), sent.id(), sent);
        Stack.send(
                producer,
                T.actionResults(),
                held.id(),
                ActionResult.of(
                        held, ActionResult.Status.HELD, "approval: destructive", 0, Stack.T0));
        Stack.send(
                producer,
                T.actionResults(),
                sent.id(),
                ActionResult.of(sent, ActionResult.Status.SENT, null, 1, Stack.T0));
        Stack.await(
                "the actions",
                Duration.ofSeconds(20),
                () -> reader.get("/api/v1/actions?status=HELD").json().size() == 1);
        JsonNode h = reader.get("/api/v1/actions?status=HELD").json();
        assertThat(h.get(0).get("id").asText()).isEqualTo(held.id());
        assertThat(reader.post("/api/v1/actions/" + held.id() + "/approve", "{}").status())
                .isEqualTo(403);
        Http.Answer ok =
                admin.post("/api/v1/actions/" + held.id() + "/approve", "{\"reason\":\"checked\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/actions/" + sent.id() + "/reject", "{}").status())
                .isEqualTo(409);
        assertThat(admin.post("/api/v1/actions/act-nope/approve", "{}").status()).isEqualTo(404);
        List<ConsumerRecord<String, String>> recs =
                Stack.readAll(kafka, T.actionApprovals(), 1, Duration.ofSeconds(20));
        assertThat(recs).hasSize(1);
        assertThat(recs.get(0).key()).isEqualTo(held.id());
        JsonNode approval = Json.read(recs.get(0).value(), JsonNode.class);
        assertThat(approval.get("decision").asText()).isEqualTo("APPROVED");
        assertThat(approval.get("by").asText()).isEqualTo("admin-user");
        assertThat(approval.get("reason").asText()).isEqualTo("checked");
    }

    @Test
    void shouldSearchTheHealingAuditInElasticsearch() throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        String doc =
                "{\"action_id\":\"act-audited\",\"type\":\"nova.host.force_down\",\"target\":\"compute-3\","
                        + "\"site\":\"edge-1\",\"status\":\"SENT\",\"attempts\":1,\"at\":\"2026-01-01T10:00:01Z\","
                        + "\"requested_at\":\"2026-01-01T10:00:00.450Z\",\"dry_run\":false,\"alarm_ids\":[\"a-1\"]}";
        HttpResponse<String> put =
                c.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                es.httpUrl()
                                                        + "/aitia-actions-2026.01.01/_doc/act-audited-SENT?refresh=true"))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(doc))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
        JsonNode rows = reader.get("/api/v1/actions/audit?action_id=act-audited").json();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("status").asText()).isEqualTo("SENT");
        assertThat(reader.get("/api/v1/actions/audit?status=FAILED&target=compute-3").json())
                .isEmpty();
    }

    @Test
    void shouldExplainTheCurrentIncident() {
        JsonNode incidents = reader.get("/api/v1/incidents").json();
        assertThat(incidents).hasSize(1);
        JsonNode i = incidents.get(0);
        assertThat(i.get("root_cause").get("vitrage_resource_id").asText()).isEqualTo("compute-3");
        assertThat(i.get("consequence_count").asInt()).isEqualTo(2);
        assertThat(i.get("explanation").get(0).asText())
                .isEqualTo(
                        "SEVERE 'instance down' on vm-17 because of CRITICAL 'compute.host.down' on compute-3"
                                + " (rule HostDownCausesInstanceDown)");
    }

    @Test
    void shouldAnswer503UntilTheEngineIsMarkedReady() {
        Http anon = new Http(api.url());
        if (!api.ready()) {
            Http.Answer not = anon.get("/v1/status/");
            assertThat(not.status()).isEqualTo(503);
            assertThat(not.json().get("reason").asText()).isEqualTo("the engine is not ready");
        }
        api.markEngineReady();
        assertThat(anon.get("/v1/status/").status()).isEqualTo(200);
        assertThat(anon.get("/v1/alarm/").status()).isEqualTo(401);
        assertThat(anon.get("/health").status()).isEqualTo(200);
    }

    @Test
    void shouldExposePrometheusMetrics() {
        reader.get("/v1/alarm/");
        Http.Answer m = reader.get("/metrics");
        assertThat(m.body())
                .contains("aitia_alarms_active{severity=\"CRITICAL\"} 1")
                .contains(
                        "aitia_api_requests_total{route=\"/v1/alarm\",method=\"GET\",status=\"200\"}")
                .contains(
                        "aitia_api_request_duration_seconds_bucket{route=\"/v1/alarm\",le=\"0.05\"}")
                .contains("aitia_engine_lag_records 0");
    }

    @Test
    void shouldListTheServices() {
        assertThat(texts(reader.get("/v1/service/").json(), "name"))
                .contains("aitia-api", "aitia-api-live-feed");
    }

    @Test
    void shouldInstallIndexTemplatesAndSnapshotTheTopology() throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        for (String t :
                List.of(
                        "aitia-alarms",
                        "aitia-alarm-history",
                        "aitia-alarm-occurrences",
                        "aitia-alarm-transitions",
                        "aitia-actions",
                        "aitia-topology")) {
            HttpResponse<String> r =
                    c.send(
                            HttpRequest.newBuilder(
                                            URI.create(es.httpUrl() + "/_index_template/" + t))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(t).isEqualTo(200);
        }
        Stack.await(
                "a topology snapshot",
                Duration.ofSeconds(30),
                () -> {
                    try {
                        HttpResponse<String> r =
                                c.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(
                                                                es.httpUrl()
                                                                        + "/aitia-topology-*/_search?q=entities:10"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                        return r.statusCode() == 200
                                && Json.read(r.body(), JsonNode.class)
                                                .at("/hits/total/value")
                                                .asInt()
                                        > 0;
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void shouldDeleteDatedIndicesOlderThanTheRetentionButKeepRecentlyWrittenReplays()
            throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        java.time.Clock in30Days =
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofDays(30));
        String old = "rt-alarm-transitions-2020.01.01";
        String recent =
                "rt-alarm-transitions-"
                        + java.time.format.DateTimeFormatter.ofPattern("yyyy.MM.dd")
                                .format(java.time.LocalDate.now(in30Days));
        for (String index : List.of(old, recent)) {
            HttpResponse<String> created =
                    c.send(
                            HttpRequest.newBuilder(URI.create(es.httpUrl() + "/" + index))
                                    .PUT(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        }
        try (org.aitia.api.storage.EsStore store =
                new org.aitia.api.storage.EsStore(es.httpUrl(), "rt")) {
            assertThat(
                            new org.aitia.api.storage.RetentionTask(
                                            store, 7, java.time.Clock.systemUTC())
                                    .runOnce())
                    .as("an old-dated index written today (a replay) is kept")
                    .isEmpty();
            assertThat(new org.aitia.api.storage.RetentionTask(store, 7, in30Days).runOnce())
                    .containsExactly(old);
        }
        assertThat(
                        c.send(
                                        HttpRequest.newBuilder(URI.create(es.httpUrl() + "/" + old))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                .isEqualTo(404);
        assertThat(
                        c.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(es.httpUrl() + "/" + recent))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                .isEqualTo(200);
    }
}
