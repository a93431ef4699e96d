package org.aitia.collectors.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aitia.model.Severity;
import org.aitia.model.SeverityMapping;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TelemetryEvent.Kind;

/**
 * The Doctor inspector's / Vitrage's {@code POST /v1/event} body: {@code {"time", "type",
 * "details": {"hostname", "status", "severity", ...}}}, or a JSON array of them. Each is a FAULT
 * named {@code type} ({@code compute.host.down}) on {@code details.hostname}: {@code status down}
 * raises with {@code details.severity} (CRITICAL when absent), {@code status up} clears. The event
 * time is {@code time}.
 */
public final class DoctorParser implements PayloadParser {
    public static final String SOURCE = "doctor";

    /** The Doctor event type for a host failure. */
    public static final String HOST_DOWN = "compute.host.down";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<TelemetryEvent> parse(byte[] body) throws RejectedPayloadException {
        JsonNode root = JsonFields.readTree(body);
        List<TelemetryEvent> out = new ArrayList<>(1);
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                out.add(event(root.get(i), "$[" + i + "]"));
            }
        } else {
            out.add(event(root, "$"));
        }
        return out;
    }

    private static TelemetryEvent event(JsonNode node, String path)
            throws RejectedPayloadException {
        if (!node.isObject()) {
            throw new RejectedPayloadException(
                    path, "expected a Doctor event object but found " + JsonFields.kind(node));
        }
        Instant at = JsonFields.isoTime(node, "time", path);
        String type = JsonFields.text(node, "type", path);
        String dp = path + ".details";
        JsonNode details = JsonFields.object(node, "details", path);
        String host = JsonFields.text(details, "hostname", dp);
        String status = JsonFields.text(details, "status", dp).toLowerCase(Locale.ROOT);
        String word = JsonFields.optText(details, "severity");
        Severity severity;
        switch (status) {
            case "up" -> severity = Severity.OK;
            case "down" -> {
                if (word == null || word.isBlank()) {
                    severity = Severity.CRITICAL;
                } else {
                    severity =
                            SeverityMapping.fromDoctor(word)
                                    .orElseThrow(
                                            () ->
                                                    new RejectedPayloadException(
                                                            dp + ".severity",
                                                            "expected critical, major, warning, minor or ok but was "
                                                                    + word));
                }
            }
            default ->
                    throw new RejectedPayloadException(
                            dp + ".status", "expected down or up but was " + status);
        }
        Map<String, String> labels = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = details.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                labels.put(e.getKey(), e.getValue().asText());
            }
        }
        return new TelemetryEvent(
                Kind.FAULT,
                host,
                HOST_DOWN.equals(type) ? "nova.host" : null,
                type,
                null,
                severity,
                word,
                null,
                at,
                SOURCE,
                labels);
    }
}
