package org.aitia.api.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.api.errors.ApiException;
import org.aitia.api.live.LiveAlarms;
import org.aitia.api.live.LiveTopology;
import org.aitia.api.security.Principal;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.Json;
import org.aitia.model.Severity;
import org.aitia.model.TopologyChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlarmServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Principal ADMIN = new Principal("root", "p1", Set.of("admin"));
    private static final Principal READER_P2 = new Principal("bob", "p2", Set.of("reader"));

    private final LiveAlarms alarms = new LiveAlarms();
    private final LiveTopology topology = new LiveTopology();
    private final AlarmService service = new AlarmService(alarms, topology, null);

    @BeforeEach
    void tenAlarmsOnTwoProjects() {
        for (int i = 0; i < 10; i++) {
            String vm = "vm-" + i;
            topology.apply(
                    TopologyChange.upsert(
                            new Entity(
                                    vm,
                                    "nova.instance",
                                    vm,
                                    "s",
                                    "ACTIVE",
                                    Map.of("project_id", i % 2 == 0 ? "p1" : "p2"))));
            Alarm a =
                    Alarm.raised(
                            "collectd",
                            vm,
                            "s",
                            "down",
                            i < 3 ? Severity.CRITICAL : Severity.WARNING,
                            T0.plusSeconds(10 - i));
            alarms.apply(a.id(), a);
        }
    }

    private static AlarmService.ListQuery page(int limit, String marker) {
        return new AlarmService.ListQuery(
                "all", limit, List.of(), List.of(), List.of(), List.of(), marker, true);
    }

    private List<String> resources(AlarmService.Page page) {
        byte[] json = page.bytes();
        List<String> out = new ArrayList<>();
        Json.read(json, JsonNode.class)
                .forEach(n -> out.add(n.get("vitrage_resource_id").asText()));
        return out;
    }

    @Test
    void shouldListInStartOrderAndPageWithTheMarker() {
        Scope all = Scope.of(ADMIN, true);
        List<String> first = resources(service.list(all, page(4, null)));
        assertThat(first).containsExactly("vm-9", "vm-8", "vm-7", "vm-6");
        String marker =
                alarms.inStartOrder().stream()
                        .filter(a -> a.entityId().equals("vm-6"))
                        .findFirst()
                        .orElseThrow()
                        .id();
        assertThat(resources(service.list(all, page(4, marker))))
                .containsExactly("vm-5", "vm-4", "vm-3", "vm-2");
    }

    @Test
    void shouldShowAReaderOnlyItsProjectsAlarms() {
        assertThat(resources(service.list(Scope.of(READER_P2, false), page(100, null))))
                .containsExactly("vm-9", "vm-7", "vm-5", "vm-3", "vm-1");
        assertThat(service.count(Scope.of(READER_P2, false)))
                .containsEntry("critical", 1)
                .containsEntry("warning", 4);
        assertThatThrownBy(() -> Scope.of(READER_P2, true))
                .hasMessage("all_tenants needs the admin role");
    }

    @Test
    void shouldDropAClearedAlarmAndReRenderAnAlarmWhoseResourceChanged() {
        Alarm vm0 =
                alarms.inStartOrder().stream()
                        .filter(a -> a.entityId().equals("vm-0"))
                        .findFirst()
                        .orElseThrow();
        Scope all = Scope.of(ADMIN, true);
        String before = new String(service.list(all, page(100, null)).bytes());
        assertThat(before).contains("\"vitrage_resource_name\":\"vm-0\"");
        topology.apply(
                TopologyChange.upsert(
                        new Entity(
                                "vm-0",
                                "nova.instance",
                                "renamed",
                                "s",
                                "ACTIVE",
                                Map.of("project_id", "p1"))));
        assertThat(new String(service.list(all, page(100, null)).bytes()))
                .contains("\"vitrage_resource_name\":\"renamed\"");
        alarms.apply(vm0.id(), vm0.cleared(T0.plusSeconds(60)));
        assertThat(resources(service.list(all, page(100, null)))).hasSize(9).doesNotContain("vm-0");
        assertThatThrownBy(() -> service.show(all, vm0.id()))
                .isInstanceOf(ApiException.class)
                .hasMessage("no active alarm " + vm0.id());
    }

    @Test
    void shouldSortFilterAndPageBackwards() {
        Scope all = Scope.of(ADMIN, true);
        AlarmService.ListQuery crit =
                new AlarmService.ListQuery(
                        "all",
                        100,
                        List.of("vitrage_resource_id"),
                        List.of("desc"),
                        List.of("vitrage_operational_severity"),
                        List.of("CRITICAL"),
                        null,
                        true);
        assertThat(resources(service.list(all, crit))).containsExactly("vm-2", "vm-1", "vm-0");
        String marker =
                alarms.inStartOrder().stream()
                        .filter(a -> a.entityId().equals("vm-5"))
                        .findFirst()
                        .orElseThrow()
                        .id();
        AlarmService.ListQuery back =
                new AlarmService.ListQuery(
                        "all", 2, List.of(), List.of(), List.of(), List.of(), marker, false);
        assertThat(resources(service.list(all, back))).containsExactly("vm-7", "vm-6");
        assertThatThrownBy(
                        () ->
                                service.list(
                                        all,
                                        new AlarmService.ListQuery(
                                                "all",
                                                2,
                                                List.of(),
                                                List.of("up"),
                                                List.of(),
                                                List.of(),
                                                null,
                                                true)))
                .hasMessage("sort_dirs must be asc or desc but was up");
    }

    @Test
    void shouldAnswerHistoryWithoutElasticsearchWithAReason() {
        assertThatThrownBy(() -> service.history(Scope.of(ADMIN, true), null, null, page(10, null)))
                .isInstanceOf(ApiException.class)
                .hasMessage("alarm history needs Elasticsearch, which is not configured");
    }
}
