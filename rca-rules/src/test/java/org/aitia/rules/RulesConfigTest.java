package org.aitia.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesConfigTest {

    @Test
    void shouldApplyDefaultsForAnEmptySection() throws Exception {
        RulesConfig c = new ObjectMapper(new YAMLFactory()).readValue("{}", RulesConfig.class);
        assertThat(c).isEqualTo(RulesConfig.defaults());
        assertThat(c.clock()).isEqualTo(Clock.PSEUDO);
        assertThat(c.ruleSet().sources()).hasSize(RuleSet.standardLibrary().sources().size());
    }

    @Test
    void shouldAddTheConfiguredRuleFilesAndParameters(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.yaml"), "metadata:\n name: x\n");
        String yaml =
                "standardLibrary: false\npaths: [" + dir + "]\nparameters: {a: b}\nclock: REAL\n";
        RulesConfig c = new ObjectMapper(new YAMLFactory()).readValue(yaml, RulesConfig.class);

        RuleSet rs = c.ruleSet();
        assertThat(rs.sources())
                .singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(RuleSet.Kind.VITRAGE));
        assertThat(rs.parameters()).containsEntry("a", "b");
        assertThat(c.clock()).isEqualTo(Clock.REAL);
    }
}
