package org.aitia.topology.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.aitia.model.Entity;
import org.junit.jupiter.api.Test;

class StateTablesTest {
    private static final Path VITRAGE =
            Path.of("src/test/resources/peers/vitrage/datasources_values");

    @Test
    void shouldLoadEveryVitrageDatasourceValuesFileUnchanged() throws Exception {
        Map<String, StateTable> tables = StateTables.loadDirectory(VITRAGE);

        long files;
        try (Stream<Path> s = Files.list(VITRAGE)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertThat(tables)
                .hasSize((int) files)
                .containsKeys("nova.host", "nova.instance", "zabbix");
        assertThat(tables.get("nova.instance").lookup("SHELVED_OFFLOADED"))
                .isEqualTo(new StateTable.Value("DELETED", 80));
        assertThat(tables.get("zabbix").category()).isEqualTo("ALARM");
    }

    @Test
    void shouldBundleTheVitrageTablesIdenticalToThePeerFiles() throws Exception {
        StateTables defaults = StateTables.defaults();
        Map<String, StateTable> vitrage = StateTables.loadDirectory(VITRAGE);

        vitrage.forEach(
                (type, table) ->
                        assertThat(defaults.tables().get(type).values())
                                .as(type)
                                .containsAllEntriesOf(table.values()));
    }

    @Test
    void shouldHaveATableForEveryNfvType() {
        StateTables defaults = StateTables.defaults();

        for (String type :
                new String[] {
                    "ovs.bridge",
                    "dpdk.port",
                    "vnf",
                    "vnfc",
                    "network_service",
                    "kubernetes.node",
                    "kubernetes.pod",
                    "nic",
                    "switch"
                }) {
            assertThat(defaults.tables()).as(type).containsKey(type);
            assertThat(defaults.tables().get(type).category()).isEqualTo("RESOURCE");
        }
        assertThat(defaults.tables().get("switch").lookup("available").operational())
                .isEqualTo("OK");
        assertThat(defaults.tables().get("switch").lookup("DOWN").operational()).isEqualTo("ERROR");
    }

    @Test
    void shouldAggregateToTheHighestPriorityStateAmongSources() {
        StateTables t = StateTables.defaults();
        Entity vm =
                new Entity(
                        "vm-1",
                        "nova.instance",
                        null,
                        null,
                        "ACTIVE",
                        Map.of("vitrage_state", "SUBOPTIMAL"));

        AggregatedState s = t.aggregate(vm);

        assertThat(s.operational()).isEqualTo("SUBOPTIMAL");
        assertThat(s.source()).isEqualTo(StateTables.VITRAGE);
        assertThat(s.resourceState()).isEqualTo(OperationalState.SUBOPTIMAL);
        assertThat(t.aggregate(vm.withState("ERROR")).operational()).isEqualTo("ERROR");
    }

    @Test
    void shouldMatchRawStatesCaseInsensitivelyAsVitrageDoes() {
        StateTables t = StateTables.defaults();

        assertThat(
                        t.aggregate(
                                        new Entity(
                                                "p",
                                                "kubernetes.pod",
                                                null,
                                                null,
                                                "CrashLoopBackOff",
                                                null))
                                .resourceState())
                .isEqualTo(OperationalState.ERROR);
        assertThat(
                        t.aggregate(new Entity("n", "kubernetes.node", null, null, "Ready", null))
                                .resourceState())
                .isEqualTo(OperationalState.OK);
    }

    @Test
    void shouldFallBackToTheDefaultTableForAnUnknownType() {
        StateTables t = StateTables.defaults();

        assertThat(
                        t.aggregate(new Entity("x", "acme.thing", null, null, "AVAILABLE", null))
                                .operational())
                .isEqualTo("OK");
    }

    @Test
    void shouldReportAnUnknownRawStateAsNotAvailableWithLowestPriority() {
        StateTables t = StateTables.defaults();
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("datasource", "WOBBLY");
        raw.put("vitrage", "ACTIVE");

        AggregatedState s = t.aggregate("nova.instance", raw);

        assertThat(s.operational()).isEqualTo("OK");
        assertThat(t.aggregate(Entity.of("x", "nova.host", null, null)))
                .isEqualTo(AggregatedState.UNKNOWN);
        assertThat(t.aggregate("nova.host", Map.of("datasource", "WOBBLY")).operational())
                .isEqualTo("N/A");
    }

    @Test
    void shouldRejectAMalformedTableNamingTheFileAndEntry() {
        String yaml =
                "category: RESOURCE\nvalues:\n  - aggregated values:\n      priority: high\n      original values: []\n";

        assertThatThrownBy(
                        () ->
                                StateTables.parse(
                                        "x",
                                        new ByteArrayInputStream(
                                                yaml.getBytes(StandardCharsets.UTF_8)),
                                        "x.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "x.yaml: values[0]: aggregated values.priority must be a number");
    }

    @Test
    void shouldRejectAnUnknownOperationalValueInAResourceTable() {
        String yaml =
                "category: RESOURCE\nvalues:\n  - aggregated values:\n      priority: 1\n      original values:\n        - name: UP\n          operational_value: FINE\n";

        assertThatThrownBy(
                        () ->
                                StateTables.parse(
                                        "x",
                                        new ByteArrayInputStream(
                                                yaml.getBytes(StandardCharsets.UTF_8)),
                                        "x.yaml"))
                .hasMessageContaining("unknown operational state 'FINE'");
    }
}
