package org.aitia.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aitia.collectors.parse.VesParserTest;
import org.aitia.model.Json;
import org.aitia.model.TelemetryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return ParseCommand.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPrintOneJsonEventPerLineForAnOnapBatch() throws Exception {
        Path f = dir.resolve("batch.json");
        Files.write(f, VesParserTest.resourceBytes("ves7_batch_valid.json"));

        int status = run("--source", "ves", "--json", f.toString());

        assertThat(status).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(Json.read(lines.get(0), TelemetryEvent.class).name())
                .isEqualTo("PilotNumberPoolExhaustion");
    }

    @Test
    void shouldExitOneWithTheReasonNamingTheFieldForARejectedEvent() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.write(f, VesParserTest.fault("vfw-1", "linkDown", "SEVERE", 1L));

        int status = run("--source", "ves", f.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("rejected: $.event.faultFields.eventSeverity");
    }

    @Test
    void shouldPrintReadableLinesWithoutJson() throws Exception {
        Path f = dir.resolve("doctor.json");
        Files.writeString(
                f,
                "{\"time\":\"2026-01-01T10:00:00Z\",\"type\":\"compute.host.down\",\"details\":{\"hostname\":\"compute-3\",\"status\":\"down\"}}");

        assertThat(run("--source", "doctor", f.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("FAULT compute-3 compute.host.down CRITICAL 2026-01-01T10:00:00Z");
    }

    @Test
    void shouldExitTwoForAnUnknownSourceOrMissingFile() {
        assertThat(run("--source", "snmp", "x.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown source snmp");
        assertThat(run("--source", "ves", dir.resolve("none.json").toString())).isEqualTo(2);
    }
}
