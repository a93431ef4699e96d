package org.aitia.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.aitia.model.Json;
import org.junit.jupiter.api.Test;

/** {@code aitia bench rules} on a small site: what it prints, not how fast it is. */
class RulesBenchTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldPrintTheMedianOfTheMeasuredFeedsAndTheColdFirstFeed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status =
                RulesBench.run(
                        List.of(
                                "--entities",
                                "2000",
                                "--alarms",
                                "3000",
                                "--runs",
                                "3",
                                "--warmup-runs",
                                "1",
                                "--json"),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err);

        assertThat(status).isZero();
        Map<String, Object> r = Json.read(out.toString(StandardCharsets.UTF_8).strip(), Map.class);
        List<Number> runs = (List<Number>) r.get("alarms_per_s_runs");
        assertThat(runs).hasSize(3);
        long median = runs.stream().mapToLong(Number::longValue).sorted().toArray()[1];
        assertThat(((Number) r.get("alarms_per_s")).longValue()).isEqualTo(median);
        assertThat((List<Number>) r.get("alarms_per_cpu_s_runs")).hasSize(3);
        assertThat(r).containsKeys("cold_alarms_per_s", "kbase_build_ms", "heap_mb");
        assertThat(r.get("alarms")).isEqualTo(3000);
        assertThat(((Number) r.get("root_causes")).intValue()).isPositive();
    }

    @Test
    void shouldRefuseZeroMeasuredRunsWithAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                RulesBench.run(
                        List.of("--runs", "0"),
                        System.out,
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--runs must be 1 or more, not 0")
                .contains("usage: bench rules");
    }

    @Test
    void shouldRefuseAnUnknownTopologyVariant() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                RulesBench.run(
                        List.of("--topology", "neo4j"),
                        System.out,
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--topology must be facts or lookup, not neo4j");
    }
}
