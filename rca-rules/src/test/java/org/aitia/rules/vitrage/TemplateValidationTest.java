package org.aitia.rules.vitrage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class TemplateValidationTest {

    public static Path templatesDir() {
        try {
            return Path.of(TemplateValidationTest.class.getResource("/vitrage/templates").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<TemplateParser.Input> allTemplates() {
        try (Stream<Path> s = Files.list(templatesDir())) {
            List<TemplateParser.Input> out = new ArrayList<>();
            for (Path p : s.sorted().toList()) {
                out.add(new TemplateParser.Input(p.getFileName().toString(), Files.readString(p)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TemplateParser.Result verdict(String file, Map<String, String> params) {
        return TemplateParser.validate(allTemplates(), params).stream()
                .filter(r -> r.file().equals(file))
                .findFirst()
                .orElseThrow();
    }

    private static TemplateParser.Result one(String yaml) {
        return TemplateParser.validate(List.of(new TemplateParser.Input("t.yaml", yaml)), Map.of())
                .get(0);
    }

    @ParameterizedTest(name = "{0} gets Vitrage''s verdict {1}")
    @CsvSource({
        "database_cluster_capacity_autoscaling.yaml, 0",
        "host_down_scenarios.yaml, 0",
        "host_high_cpu_load_scenarios.yaml, 0",
        "v1_template.yaml, 0",
        "v2_definition_template.yaml, 0",
        "v2_equivalence.yaml, 0",
        "v2_high_cpu_load.yaml, 0",
        "v2_host_down.yaml, 0",
        "v2_with_include.yaml, 0",
        "v2_with_invalid_include.yaml, 142",
        "v2_with_params.yaml, 163",
        "v2_wrong.yaml, 124",
        "v3_execute_mistral.yaml, 0",
        "v3_high_mem_consumption.yaml, 0",
        "v3_with_default_params.yaml, 0",
        "v3_with_params.yaml, 163"
    })
    void shouldGiveEveryPeerTemplateVitragesVerdict(String file, int code) {
        TemplateParser.Result r = verdict(file, Map.of());
        assertThat(r.code()).as(r.message()).isEqualTo(code);
        assertThat(r.message()).startsWith(StatusCode.message(code).replaceAll("\\.$", ""));
    }

    @Test
    void shouldCoverEveryPeerTemplate() {
        assertThat(allTemplates()).hasSize(16);
    }

    @Test
    void shouldAcceptTemplatesWithParametersWhenTheirValuesAreGiven() {
        Map<String, String> params =
                Map.of("alarm_type", "zabbix", "alarm_name", "Disk full", "template_name", "mine");
        TemplateParser.Result v2 = verdict("v2_with_params.yaml", params);
        TemplateParser.Result v3 = verdict("v3_with_params.yaml", params);

        assertThat(v2.code()).isZero();
        assertThat(v2.template().name()).isEqualTo("mine");
        assertThat(v2.template().entities().get("alarm").properties())
                .containsEntry("type", "zabbix")
                .containsEntry("name", "Disk full");
        assertThat(v2.template().scenarios().get(0).actions().get(0).properties())
                .containsEntry("state", "ERROR");
        assertThat(v3.code()).isZero();
        assertThat(v3.template().name()).isEqualTo("mine");
    }

    @Test
    void shouldRefuseAnIncludeWhoseDefinitionTemplateIsNotGivenAlongside() {
        List<TemplateParser.Input> alone =
                allTemplates().stream()
                        .filter(i -> i.file().equals("v2_with_include.yaml"))
                        .toList();
        assertThat(TemplateParser.validate(alone, Map.of()).get(0).code()).isEqualTo(142);
    }

    @Test
    void shouldReadEveryScalarAsAStringAsVitragesClientDoes() throws Exception {
        Object doc = TemplateYaml.parse("metadata:\n version: 2\n flag: true\n empty:\n");
        assertThat(doc)
                .isEqualTo(Map.of("metadata", Map.of("version", "2", "flag", "true", "empty", "")));
    }

    @Test
    void shouldGiveVitragesCodesForBrokenTemplates() {
        String head = "metadata:\n version: 2\n type: standard\n name: t\n";
        String defs =
                "definitions:\n entities:\n  - entity:\n     category: ALARM\n     name: a\n"
                        + "     template_id: alarm\n  - entity:\n     category: RESOURCE\n     type: nova.host\n"
                        + "     template_id: host\n relationships:\n  - relationship:\n     source: alarm\n"
                        + "     target: host\n     relationship_type: on\n     template_id: alarm_on_host\n";
        String act =
                "     actions:\n      - action:\n         action_type: set_state\n"
                        + "         properties:\n          state: ERROR\n         action_target:\n          target: host\n";
        assertThat(one("metadata: [").code()).isEqualTo(5);
        assertThat(one("definitions: {}\n").code()).isEqualTo(62);
        assertThat(one("metadata:\n version: 7\n name: t\n").code()).isEqualTo(63);
        assertThat(one("metadata:\n version: 2\n name: t\n").code()).isEqualTo(64);
        assertThat(one(head + "scenarios: []\n").code()).isEqualTo(21);
        assertThat(one(head + defs).code()).isEqualTo(80);
        assertThat(
                        one(head
                                        + defs
                                        + "scenarios:\n - scenario:\n     condition: not alarm_on_host\n"
                                        + act)
                                .code())
                .isEqualTo(134);
        assertThat(
                        one(head
                                        + defs
                                        + "scenarios:\n - scenario:\n     condition: alarm_on_host and not host\n"
                                        + act)
                                .code())
                .isEqualTo(86);
        assertThat(
                        one(head
                                        + defs
                                        + "scenarios:\n - scenario:\n     condition: alarm_on_vm\n"
                                        + act)
                                .code())
                .isEqualTo(3);
        assertThat(
                        one(head
                                        + defs
                                        + "scenarios:\n - scenario:\n     condition: (alarm_on_host\n"
                                        + act)
                                .code())
                .isEqualTo(85);
        assertThat(
                        one(head
                                        + defs.replace("name: a", "name.regex: '[a'")
                                        + "scenarios:\n - scenario:\n     condition: alarm_on_host\n"
                                        + act)
                                .code())
                .isEqualTo(47);
        assertThat(
                        one(head
                                        + defs
                                        + "scenarios:\n - scenario:\n     condition: alarm_on_host\n"
                                        + act.replace("set_state", "reboot"))
                                .code())
                .isEqualTo(120);
        assertThat(
                        one("metadata:\n version: 2\n type: standard\n name: t\nparameters:\n p:\n  default: x\n"
                                        + defs.replace("name: a", "name: get_param(q)"))
                                .code())
                .isEqualTo(161);
        assertThat(
                        one("metadata:\n version: 3\n name: t\nentities:\n a:\n  name: x\n h:\n  type: nova.host\n"
                                        + "scenarios:\n - condition: a [on] vm\n   actions:\n     - set_state:\n        state: ERROR\n"
                                        + "        target: h\n")
                                .code())
                .isEqualTo(10200);
        assertThat(
                        one("metadata:\n version: 3\n name: t\nentities:\n a:\n  name: x\n h:\n  type: nova.host\n"
                                        + "scenarios:\n - condition: a [on] h\n   actions:\n     - set_state:\n        state: ERROR\n"
                                        + "        target: vm\n")
                                .code())
                .isEqualTo(10101);
    }
}
