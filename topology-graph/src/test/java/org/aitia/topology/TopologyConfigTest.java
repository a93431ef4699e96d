package org.aitia.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aitia.model.Entity;
import org.aitia.topology.query.ImpactRule.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyConfigTest {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void shouldApplyDefaultsForAnEmptySection() throws Exception {
        TopologyConfig c = YAML.readValue("{}", TopologyConfig.class);

        assertThat(c).isEqualTo(TopologyConfig.defaults());
        assertThat(c.expectedEntities()).isEqualTo(10_000);
        assertThat(c.rules().flow("chained_to", "vnf", "vnf")).isEqualTo(Flow.NONE);
    }

    @Test
    void shouldBindImpactRulesAndExtraStateTablesFromYaml(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("acme.widget.yaml"),
                "category: RESOURCE\nvalues:\n  - aggregated values:\n      priority: 30\n      original values:\n        - name: BROKEN\n          operational_value: ERROR\n");
        String yaml =
                "datasources-values-dir: "
                        + dir
                        + "\n"
                        + "impact-rules:\n  - {relationship: chained_to, flow: SOURCE_TO_TARGET}\n";

        TopologyConfig c = YAML.readValue(yaml, TopologyConfig.class);

        assertThat(c.rules().flow("chained_to", "vnf", "vnf")).isEqualTo(Flow.SOURCE_TO_TARGET);
        EntityGraph g = c.newGraph();
        g.apply(
                org.aitia.model.TopologyChange.upsert(
                        new Entity("w", "acme.widget", null, null, "broken", null)));
        assertThat(g.state("w").orElseThrow().operational()).isEqualTo("ERROR");
    }

    @Test
    void shouldRejectANonsensicalLimitNamingTheKey() {
        assertThatThrownBy(() -> new TopologyConfig(null, null, null, 0, null))
                .hasMessageContaining("root-cause-max-depth");
    }
}
