package org.aitia.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aitia.model.Json;
import org.junit.jupiter.api.Test;

/**
 * The bench entry point runs end to end (broker started through testdata) and prints one JSON line.
 */
class IngestBenchIT {
    @Test
    void shouldPrintOneJsonLineWithThroughputLatencyAndParserFigures() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status =
                IngestBench.run(
                        List.of("--json", "--seconds", "2", "--batch", "50", "--connections", "2"),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode figures = Json.mapper().readTree(lines.get(0));
        assertThat(figures.get("events_per_s").asDouble()).isPositive();
        assertThat(figures.get("p99_ms").asDouble()).isPositive();
        assertThat(figures.get("parse_per_s_core").asDouble()).isPositive();
        assertThat(figures.get("errors").asInt()).isZero();
    }
}
