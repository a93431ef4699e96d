package org.aitia.app.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The report of one replayed incident, exactly as {@code incident-format.md} specifies (one JSON
 * object per incident with {@code --json}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayReport(
        String incident,
        boolean passed,
        Events events,
        @JsonProperty("root_causes") List<RootCause> rootCauses,
        List<AlarmLine> alarms,
        Map<String, String> states,
        List<ActionLine> actions,
        List<Expectation> expectations,
        @JsonProperty("latency_ms") Latency latencyMs,
        Compression compression) {

    public record Events(int read, int rejected) {}

    public record RootCause(String alarm, String entity, String name) {}

    public record AlarmLine(
            String id,
            String entity,
            String name,
            String severity,
            String status,
            boolean deduced,
            @JsonProperty("causedBy") List<String> causedBy,
            @JsonInclude(JsonInclude.Include.ALWAYS) String rule) {}

    public record ActionLine(
            String id,
            String type,
            String target,
            String status,
            @JsonProperty("at_ms") long atMs) {}

    public record Expectation(String expect, boolean ok) {}

    /** Wall-clock processing latency; null when there was nothing to measure. */
    public record Latency(
            @JsonProperty("root_cause") @JsonInclude(JsonInclude.Include.ALWAYS) Long rootCause,
            @JsonInclude(JsonInclude.Include.ALWAYS) Long action) {}

    public record Compression(
            @JsonProperty("raw_alarms") int rawAlarms,
            @JsonProperty("root_causes") int rootCauses) {}
}
