package org.aitia.api.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.aitia.api.errors.ApiException;
import org.aitia.model.Severity;
import org.aitia.model.SeverityMapping;
import org.aitia.model.TelemetryEvent;

/**
 * Vitrage's {@code POST /v1/event} (the Doctor southbound API) onto {@code aitia.telemetry}. The
 * mapping is the collectors' Doctor parser's: a FAULT named by the event {@code type} on {@code
 * details.hostname}; {@code status down} raises with {@code details.severity} (CRITICAL when
 * absent), {@code status up} clears; the time is {@code time} (UTC when it has no offset).
 */
public final class EventService {
    public static final String SOURCE = "doctor";
    public static final String HOST_DOWN = "compute.host.down";

    private final Publisher publisher;
    private final String topic;

    public EventService(Publisher publisher, String topic) {
        this.publisher = publisher;
        this.topic = topic;
    }

    /** Parses and publishes the event; returns what was published. */
    public TelemetryEvent post(JsonNode body) {
        TelemetryEvent e = parse(body);
        publisher.publish(topic, e.entityRef(), e);
        return e;
    }

    /**
     * The telemetry event of a Doctor event body ({@code {time, type, details}}, or wrapped in
     * {@code event}).
     *
     * @throws ApiException 400 naming the field that is missing or wrong
     */
    public static TelemetryEvent parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the event must be a JSON object {time, type, details}");
        }
        JsonNode ev = body.has("event") && body.get("event").isObject() ? body.get("event") : body;
        String time = text(ev, "time", "");
        String type = text(ev, "type", "");
        JsonNode details = ev.get("details");
        if (details == null || !details.isObject()) {
            throw ApiException.badRequest("details: expected an object");
        }
        String host = text(details, "hostname", "details.");
        String status = text(details, "status", "details.").toLowerCase(Locale.ROOT);
        JsonNode w = details.get("severity");
        String word = w == null || w.isNull() ? null : w.asText();
        Severity severity =
                switch (status) {
                    case "up" -> Severity.OK;
                    case "down" ->
                            word == null || word.isBlank()
                                    ? Severity.CRITICAL
                                    : SeverityMapping.fromDoctor(word)
                                            .orElseThrow(
                                                    () ->
                                                            ApiException.badRequest(
                                                                    "details.severity: expected critical, major, warning, minor or ok but was "
                                                                            + word));
                    default ->
                            throw ApiException.badRequest(
                                    "details.status: expected down or up but was " + status);
                };
        Map<String, String> labels = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = details.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                labels.put(f.getKey(), f.getValue().asText());
            }
        }
        return new TelemetryEvent(
                TelemetryEvent.Kind.FAULT,
                host,
                HOST_DOWN.equals(type) ? "nova.host" : null,
                type,
                null,
                severity,
                word,
                null,
                time(time),
                SOURCE,
                labels);
    }

    private static String text(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw ApiException.badRequest(path + field + ": required");
        }
        return v.asText();
    }

    private static Instant time(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e2) {
                throw ApiException.badRequest(
                        "time: expected an ISO-8601 time such as 2026-01-01T10:00:00Z but was "
                                + s);
            }
        }
    }
}
