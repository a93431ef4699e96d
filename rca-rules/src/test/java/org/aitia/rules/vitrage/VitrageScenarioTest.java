package org.aitia.rules.vitrage;

import static org.aitia.rules.Fixtures.T0;
import static org.aitia.rules.Fixtures.T1;
import static org.aitia.rules.Fixtures.deducedId;
import static org.aitia.rules.Fixtures.raised;
import static org.aitia.rules.Fixtures.twoHosts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.rules.Clock;
import org.aitia.rules.Outcome;
import org.aitia.rules.RcaEngine;
import org.aitia.rules.RuleSet;
import org.aitia.rules.RuleSetException;
import org.aitia.topology.EntityGraph;
import org.junit.jupiter.api.Test;

class VitrageScenarioTest {

    private static RuleSet templates(String... files) throws Exception {
        List<RuleSet.Source> sources = new ArrayList<>();
        for (String f : files) {
            sources.add(
                    new RuleSet.Source(
                            f,
                            RuleSet.Kind.VITRAGE,
                            Files.readString(TemplateValidationTest.templatesDir().resolve(f))));
        }
        return RuleSet.of("vitrage", "1", sources);
    }

    private static RuleSet inline(String yaml) {
        return RuleSet.of(
                "inline", "1", List.of(new RuleSet.Source("t.yaml", RuleSet.Kind.VITRAGE, yaml)));
    }

    private static RcaEngine engine(RuleSet rules, EntityGraph graph) throws RuleSetException {
        return RcaEngine.create(rules, graph, Clock.PSEUDO);
    }

    @Test
    void shouldActAndUndoVitragesHostDownTemplate() throws Exception {
        try (RcaEngine engine = engine(templates("v2_host_down.yaml"), twoHosts().graph())) {
            Alarm down = raised("doctor", "compute-1", "compute.host.down", T0);
            Outcome o = engine.onAlarm(down);

            Alarm vm1 = engine.alarm(deducedId("vm-1", "Instance Down"));
            assertThat(vm1).isNotNull();
            assertThat(vm1.causedBy()).containsExactly(down.id());
            assertThat(vm1.rule()).isEqualTo("vitrage:host_down:scenario2");
            assertThat(engine.alarm(deducedId("vm-3", "Instance Down"))).isNull();
            assertThat(o.stateChanges()).containsEntry("compute-1", "ERROR");
            assertThat(o.actions())
                    .extracting(HealingAction::type, HealingAction::target)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(
                                    "nova.host.force_down", "compute-1"),
                            org.assertj.core.groups.Tuple.tuple("nova.server.reset_state", "vm-1"),
                            org.assertj.core.groups.Tuple.tuple("nova.server.reset_state", "vm-2"));
            assertThat(engine.explain(vm1.id()))
                    .contains("vitrage:host_down:scenario", "compute.host.down");

            Outcome undo = engine.onAlarm(down.cleared(T1));
            assertThat(undo.alarms()).allMatch(a -> a.status() == Alarm.Status.CLEARED);
            assertThat(engine.activeAlarms()).isEmpty();
            assertThat(undo.stateChanges()).containsEntry("compute-1", "OK");
        }
    }

    @Test
    void shouldMatchAZabbixAlarmByItsRawtextInAV1Template() throws Exception {
        try (RcaEngine engine =
                engine(templates("host_high_cpu_load_scenarios.yaml"), twoHosts().graph())) {
            Alarm cpu =
                    raised("zabbix", "compute-2", "Processor load is too high on {HOST.NAME}", T0);
            engine.onAlarm(cpu);

            assertThat(engine.alarm(deducedId("vm-3", "CPU performance degradation")).causedBy())
                    .containsExactly(cpu.id());
            assertThat(engine.states())
                    .containsEntry("compute-2", "SUBOPTIMAL")
                    .containsEntry("vm-3", "SUBOPTIMAL");
            assertThat(engine.rootCauses()).extracting(Alarm::id).containsExactly(cpu.id());
        }
    }

    @Test
    void shouldLinkARaisedAlarmToItsCausingAlarmInAV3Template() throws Exception {
        try (RcaEngine engine =
                engine(templates("v3_high_mem_consumption.yaml"), twoHosts().graph())) {
            Alarm nic = raised("zabbix", "compute-1", "host network interface is down", T0);
            engine.onAlarm(nic);

            Alarm vm = engine.alarm(deducedId("vm-2", "Instance high memory consumption"));
            assertThat(vm.causedBy()).containsExactly(nic.id());
            assertThat(engine.states())
                    .containsEntry("compute-1", "ERROR")
                    .containsEntry("vm-2", "SUBOPTIMAL");
        }
    }

    @Test
    void shouldRequestAMistralWorkflowWithGetAttrResolvedFromTheMatchedEntity() throws Exception {
        try (RcaEngine engine = engine(templates("v3_execute_mistral.yaml"), twoHosts().graph())) {
            Outcome o = engine.onAlarm(raised("ves", "compute-2", "alarm_for_mistral", T0));

            assertThat(o.actions())
                    .singleElement()
                    .satisfies(
                            a -> {
                                assertThat(a.type()).isEqualTo("mistral.workflow");
                                assertThat(a.target()).isEqualTo("compute-2");
                                assertThat(a.parameters())
                                        .containsEntry("workflow", "workflow1")
                                        .containsEntry("input.farewell", "compute-2");
                            });
        }
    }

    @Test
    void shouldIncludeDefinitionTemplatesAndUseTheirRelationships() throws Exception {
        try (RcaEngine engine =
                engine(
                        templates("v2_definition_template.yaml", "v2_with_include.yaml"),
                        twoHosts().graph())) {
            engine.onAlarm(raised("nagios", "compute-1", "High memory consumption", T0));
            assertThat(engine.states()).containsEntry("compute-1", "SUBOPTIMAL");
        }
    }

    @Test
    void shouldMatchEquivalentAlarmsAsOne() throws Exception {
        String t =
                "metadata:\n version: 2\n type: standard\n name: eq\n"
                        + "definitions:\n entities:\n  - entity:\n     category: ALARM\n     type: nagios\n"
                        + "     name: cpu_high\n     template_id: alarm\n  - entity:\n     category: RESOURCE\n"
                        + "     type: nova.host\n     template_id: host\n relationships:\n  - relationship:\n"
                        + "     source: alarm\n     target: host\n     relationship_type: on\n     template_id: alarm_on_host\n"
                        + "scenarios:\n - scenario:\n    condition: alarm_on_host\n    actions:\n     - action:\n"
                        + "        action_type: set_state\n        properties:\n         state: SUBOPTIMAL\n"
                        + "        action_target:\n         target: host\n";
        RuleSet rules =
                templates("v2_equivalence.yaml")
                        .plus(List.of(new RuleSet.Source("eq.yaml", RuleSet.Kind.VITRAGE, t)), "2");
        try (RcaEngine engine = engine(rules, twoHosts().graph())) {
            // a deduced 'vitrage' cpu_high is equivalent to nagios' cpu_high
            engine.onAlarm(raised("nagios", "compute-2", "cpu_high", T0));
            assertThat(engine.states()).containsEntry("compute-2", "SUBOPTIMAL");
            engine.onAlarm(raised("zabbix", "compute-1", "cpu_high", T0));
            assertThat(engine.states()).doesNotContainKey("compute-1");
        }
    }

    @Test
    void shouldHonourNotOrAndParenthesesAndRegexesInConditions() throws Exception {
        String t =
                """
                metadata:
                 version: 3
                 name: lonely
                 type: standard
                entities:
                 nic_alarm:
                  name.regex: link.*
                 cpu_alarm:
                  name: cpuOverload
                 other:
                  name: maintenance
                 host:
                  type: nova.host
                 instance:
                  type: nova.instance
                scenarios:
                 - condition: (nic_alarm [on] host OR cpu_alarm [on] host) AND host [contains] instance AND NOT other [on] host
                   actions:
                     - set_state:
                        state: SUBOPTIMAL
                        target: instance
                """;
        try (RcaEngine engine = engine(inline(t), twoHosts().graph())) {
            engine.onAlarm(raised("collectd", "compute-1", "linkFlap", T0));
            assertThat(engine.states())
                    .containsEntry("vm-1", "SUBOPTIMAL")
                    .doesNotContainKey("vm-3");

            Alarm maint = raised("ops", "compute-1", "maintenance", T0);
            engine.onAlarm(maint);
            assertThat(engine.states()).doesNotContainKey("vm-1");

            engine.onAlarm(maint.cleared(T1));
            engine.onAlarm(raised("collectd", "compute-2", "cpuOverload", T1));
            assertThat(engine.states())
                    .containsEntry("vm-1", "SUBOPTIMAL")
                    .containsEntry("vm-3", "SUBOPTIMAL");
        }
    }

    @Test
    void shouldCompileEveryValidPeerTemplateIntoOneEngineWithTheStandardLibrary() throws Exception {
        RuleSet all =
                org.aitia.rules.Fixtures.library()
                        .plus(
                                templates(
                                                "database_cluster_capacity_autoscaling.yaml",
                                                "host_down_scenarios.yaml",
                                                "host_high_cpu_load_scenarios.yaml",
                                                "v1_template.yaml",
                                                "v2_definition_template.yaml",
                                                "v2_equivalence.yaml",
                                                "v2_high_cpu_load.yaml",
                                                "v2_host_down.yaml",
                                                "v2_with_include.yaml",
                                                "v3_execute_mistral.yaml",
                                                "v3_high_mem_consumption.yaml",
                                                "v3_with_default_params.yaml")
                                        .sources(),
                                "all");
        try (RcaEngine engine = engine(all, twoHosts().graph())) {
            Outcome o = engine.onAlarm(raised("doctor", "compute-1", "compute.host.down", T0));
            assertThat(o.alarms())
                    .extracting(Alarm::name)
                    .contains("instance down", "Instance Down");
        }
    }
}
