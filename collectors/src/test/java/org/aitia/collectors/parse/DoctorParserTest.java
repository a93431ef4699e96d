package org.aitia.collectors.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.junit.jupiter.api.Test;

class DoctorParserTest {
    private final DoctorParser parser = new DoctorParser();

    static byte[] hostDown(String status, String severity) {
        return ("{\"time\":\"2026-01-01T10:00:00.450Z\",\"type\":\"compute.host.down\",\"details\":"
                        + "{\"hostname\":\"compute-3\",\"source\":\"sample\",\"cause\":\"link down\","
                        + (severity == null ? "" : "\"severity\":\"" + severity + "\",")
                        + "\"status\":\""
                        + status
                        + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRaiseHostDownOnTheHostAtTheDoctorTime() throws Exception {
        TelemetryEvent e = parser.parse(hostDown("down", "critical")).get(0);

        assertThat(e.entityRef()).isEqualTo("compute-3");
        assertThat(e.entityType()).isEqualTo("nova.host");
        assertThat(e.name()).isEqualTo("compute.host.down");
        assertThat(e.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(e.eventTime()).isEqualTo(Instant.parse("2026-01-01T10:00:00.450Z"));
        assertThat(e.labels()).containsEntry("cause", "link down");
    }

    @Test
    void shouldClearHostDownWhenStatusIsUp() throws Exception {
        assertThat(parser.parse(hostDown("up", null)).get(0).isClear()).isTrue();
    }

    @Test
    void shouldTreatDownWithoutSeverityAsCritical() throws Exception {
        assertThat(parser.parse(hostDown("down", null)).get(0).severity())
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void shouldRejectUnknownStatusNamingTheField() {
        assertThatThrownBy(() -> parser.parse(hostDown("sideways", null)))
                .hasMessageStartingWith("$.details.status");
    }

    @Test
    void shouldRejectTimeThatIsNotRfc3339() {
        byte[] body =
                new String(hostDown("down", null), StandardCharsets.UTF_8)
                        .replace("2026-01-01T10:00:00.450Z", "yesterday")
                        .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(body)).hasMessageStartingWith("$.time");
    }
}
