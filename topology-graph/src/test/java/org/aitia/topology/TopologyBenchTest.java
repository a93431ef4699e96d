package org.aitia.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aitia.model.Json;
import org.junit.jupiter.api.Test;

class TopologyBenchTest {

    @Test
    void shouldPrintOneJsonLineWithTheFiguresTheCliPromises() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status =
                TopologyBench.run(
                        List.of("--entities", "3000", "--seed", "5", "--json", "--quick"),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1);
        JsonNode j = Json.mapper().readTree(text);
        assertThat(j.get("entities").asInt()).isEqualTo(3000);
        assertThat(j.get("relationships").asLong()).isGreaterThanOrEqualTo(6000);
        for (String k : List.of("build_ms", "heap_mb", "update_us", "impact_us", "match_us")) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("impact_entities").asInt()).isGreaterThan(150);
    }

    @Test
    void shouldExitWithTwoAndSayWhyOnABadFlag() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status =
                TopologyBench.run(
                        List.of("--entities", "lots"),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a number").contains("lots");
        assertThat(
                        TopologyBench.run(
                                List.of("--frobnicate"),
                                System.out,
                                new PrintStream(
                                        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
    }
}
