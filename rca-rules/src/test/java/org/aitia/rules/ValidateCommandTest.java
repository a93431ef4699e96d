package org.aitia.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aitia.model.Json;
import org.aitia.rules.vitrage.TemplateValidationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ValidateCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> l = new ArrayList<>();
        for (String s : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!s.isBlank()) {
                l.add(Json.mapper().readTree(s));
            }
        }
        return l;
    }

    @Test
    void shouldPrintOneJsonLinePerTemplateWithVitragesCodeAndExitOneWhenAnyIsInvalid()
            throws Exception {
        int status = run("--json", TemplateValidationTest.templatesDir().toString());

        assertThat(status).isEqualTo(1);
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(16);
        assertThat(lines)
                .filteredOn(n -> n.get("status").asText().equals("error"))
                .extracting(
                        n ->
                                Path.of(n.get("file").asText()).getFileName().toString()
                                        + "="
                                        + n.get("code").asInt())
                .containsExactlyInAnyOrder(
                        "v2_with_invalid_include.yaml=142",
                        "v2_with_params.yaml=163",
                        "v2_wrong.yaml=124",
                        "v3_with_params.yaml=163");
        assertThat(lines)
                .filteredOn(n -> n.get("status").asText().equals("ok"))
                .allMatch(n -> n.get("code").asInt() == 0);
    }

    @Test
    void shouldExitZeroWhenParametersMakeEveryTemplateValid() throws Exception {
        Path dir = TemplateValidationTest.templatesDir();
        int status =
                run(
                        "--json",
                        "--param",
                        "alarm_type=zabbix",
                        "--param",
                        "alarm_name=x",
                        "--param",
                        "template_name=t",
                        dir.resolve("v2_with_params.yaml").toString(),
                        dir.resolve("v3_with_params.yaml").toString());

        assertThat(status).isZero();
        assertThat(lines()).allMatch(n -> n.get("status").asText().equals("ok"));
    }

    @Test
    void shouldNameTheRuleAndLineOfABrokenDrl(@TempDir Path tmp) throws Exception {
        Path drl = tmp.resolve("bad.drl");
        Files.writeString(
                drl,
                "package x;\nimport org.aitia.rules.facts.AlarmFact;\n\nrule \"Bad\"\nwhen\n"
                        + "    AlarmFact(nosuchfield == 1)\nthen\nend\n");
        Path good = tmp.resolve("good.drl");
        Files.writeString(
                good,
                "package y;\nimport org.aitia.rules.facts.AlarmFact;\nrule \"Good\"\nwhen\n"
                        + "    AlarmFact(name == \"x\")\nthen\nend\n");

        int status = run("--json", drl.toString(), good.toString());

        assertThat(status).isEqualTo(1);
        List<JsonNode> lines = lines();
        assertThat(lines.get(0).get("status").asText()).isEqualTo("error");
        assertThat(lines.get(0).get("message").asText())
                .contains("line 6", "\"Bad\"", "nosuchfield");
        assertThat(lines.get(1).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void shouldValidateTheStandardLibrary() throws Exception {
        Path lib = Path.of("src/main/resources/org/aitia/rules/library");
        assertThat(run(lib.toString())).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("compute.drl: ok");
    }

    @Test
    void shouldReportADirectoryWithoutRuleFilesAsAnError(@TempDir Path tmp) throws Exception {
        assertThat(run("--json", tmp.toString())).isEqualTo(1);
        assertThat(lines())
                .singleElement()
                .satisfies(n -> assertThat(n.get("message").asText()).contains("no rule files"));
    }

    @Test
    void shouldRefuseAMalformedParameterAsAUsageError() {
        assertThat(run("--param", "novalue", "x.yaml")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("NAME=VALUE");
        assertThat(run()).isEqualTo(2);
    }
}
