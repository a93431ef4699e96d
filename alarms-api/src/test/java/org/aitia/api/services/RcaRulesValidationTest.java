package org.aitia.api.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RcaRulesValidationTest {

    private static String template(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/templates", name));
    }

    @Test
    void shouldAcceptAValidTemplateAndNameTheUnknownEntityOfABrokenOne() throws IOException {
        List<TemplateValidator.Finding> f =
                RcaRulesValidation.templates()
                        .validate(
                                List.of(
                                        new TemplateValidator.Input(
                                                "ok.yaml", template("doctor_host_down.yaml")),
                                        new TemplateValidator.Input(
                                                "broken.yaml", template("broken.yaml"))),
                                Map.of());
        assertThat(f.get(0).ok()).isTrue();
        assertThat(f.get(0).message()).isEqualTo("Template validation is OK");
        assertThat(f.get(1).ok()).isFalse();
        assertThat(f.get(1).message()).contains("missing_alarm");
        assertThat(f.get(1).file()).isEqualTo("broken.yaml");
    }

    @Test
    void shouldCompileAValidDrlRuleSetAndReportTheProblemsOfABrokenOne() {
        String ok =
                """
                package org.aitia.rules.custom;
                import org.aitia.rules.facts.AlarmFact;
                rule "AnyAlarmIsSeen"
                when
                    AlarmFact()
                then
                end
                """;
        assertThat(RcaRulesValidation.drl().problems("custom", ok)).isEmpty();
        List<String> problems =
                RcaRulesValidation.drl()
                        .problems("custom", "rule \"Broken\" when NoSuchFact() then end");
        assertThat(problems).isNotEmpty();
        assertThat(String.join("\n", problems)).contains("NoSuchFact");
    }
}
