package org.aitia.collectors.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aitia.model.Severity;
import org.aitia.model.SeverityMapping;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TelemetryEvent.Kind;

/**
 * VES 7.x (ONAP's VNF Event Stream): validates against {@link VesSchema}, then maps each event by
 * its {@code commonEventHeader.domain}.
 *
 * <ul>
 *   <li>{@code fault}: a FAULT named {@code faultFields.alarmCondition}, severity from {@code
 *       eventSeverity} ({@code NORMAL} clears, as {@link Severity#OK}).
 *   <li>{@code heartbeat}: a STATE named {@code heartbeat}, state {@code alive}, label {@code
 *       heartbeatInterval} (seconds): detection raises "heartbeat missed" when none arrives in
 *       time.
 *   <li>{@code measurement}: one METRIC per numeric field, named {@code <array>.<id>.<field>} for
 *       arrays ({@code cpuUsage.cpu0.percentUsage}, {@code
 *       nicPerformance.eth0.receivedDiscardedPacketsDelta}, {@code memoryUsage.RAM.memoryFree}),
 *       {@code measurement.<field>} for scalars and {@code <name>.<key>} for {@code
 *       additionalMeasurements}.
 *   <li>{@code stateChange}: a STATE named {@code stateChange.<stateInterface>}, state {@code
 *       newState}.
 *   <li>{@code thresholdCrossingAlert}: a FAULT named {@code alertDescription}; {@code alertAction
 *       CLEAR} clears.
 *   <li>any other domain: a STATE named after the domain, state {@code reported}.
 * </ul>
 *
 * The resource is {@code sourceName} (else {@code reportingEntityName}); the event time is {@code
 * lastEpochMicrosec}.
 */
public final class VesParser implements PayloadParser {
    /** What a body must hold. */
    public enum Mode {
        /** {@code POST /eventListener/v7}: {@code {"event": ...}}. */
        EVENT,
        /** {@code POST /eventListener/v7/eventBatch}: {@code {"eventList": [...]}}. */
        BATCH,
        /** {@code aitia parse} and replay: either. */
        ANY
    }

    public static final String SOURCE = "ves";

    private final Mode mode;
    private final VesSchema schema;

    public VesParser(Mode mode) {
        this(mode, VesSchema.bundled());
    }

    public VesParser(Mode mode, VesSchema schema) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        this.schema = java.util.Objects.requireNonNull(schema, "schema");
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<TelemetryEvent> parse(byte[] body) throws RejectedPayloadException {
        JsonNode root = JsonFields.readTree(body);
        if (!root.isObject()) {
            throw new RejectedPayloadException(
                    "$", "expected a VES object but found " + JsonFields.kind(root));
        }
        boolean hasEvent = root.has("event");
        boolean hasList = root.has("eventList");
        switch (mode) {
            case EVENT -> {
                if (!hasEvent) {
                    throw new RejectedPayloadException(
                            "$.event", "required object is missing (a single VES event)");
                }
            }
            case BATCH -> {
                if (!hasList) {
                    throw new RejectedPayloadException(
                            "$.eventList", "required array is missing (a VES batch)");
                }
            }
            case ANY -> {
                if (!hasEvent && !hasList) {
                    throw new RejectedPayloadException(
                            "$", "expected an object with \"event\" or \"eventList\"");
                }
            }
        }
        if (hasEvent && hasList) {
            throw new RejectedPayloadException(
                    "$", "holds both \"event\" and \"eventList\": send one or the other");
        }
        Optional<RejectedPayloadException> invalid = schema.validate(root);
        if (invalid.isPresent()) {
            throw invalid.get();
        }
        List<TelemetryEvent> out = new ArrayList<>();
        if (hasEvent) {
            mapEvent(root.get("event"), "$.event", out);
        } else {
            JsonNode list = root.get("eventList");
            if (list.isEmpty()) {
                throw new RejectedPayloadException("$.eventList", "must hold at least one event");
            }
            for (int i = 0; i < list.size(); i++) {
                mapEvent(list.get(i), new JsonFields.Index("$.eventList", i), out);
            }
        }
        return out;
    }

    private static void mapEvent(JsonNode event, Object path, List<TelemetryEvent> out)
            throws RejectedPayloadException {
        Object hp = new JsonFields.Path(path, ".commonEventHeader");
        JsonNode header = JsonFields.object(event, "commonEventHeader", path);
        String domain = JsonFields.text(header, "domain", hp);
        String entity = JsonFields.optText(header, "sourceName");
        if (entity == null || entity.isBlank()) {
            entity = JsonFields.text(header, "reportingEntityName", hp);
        }
        Instant at = JsonFields.epochMicros(header, "lastEpochMicrosec", hp);
        Map<String, String> labels = new HashMap<>(8);
        labels.put("domain", domain);
        putIfText(labels, header, "eventId");
        putIfText(labels, header, "eventName");
        putIfText(labels, header, "reportingEntityName");
        putIfText(labels, header, "sourceId");
        switch (domain) {
            case "fault" -> out.add(fault(event, path, entity, at, labels));
            case "heartbeat" -> out.add(heartbeat(event, entity, at, labels));
            case "measurement" -> measurements(event, path, entity, at, labels, out);
            case "stateChange" -> out.add(stateChange(event, path, entity, at, labels));
            case "thresholdCrossingAlert" -> out.add(threshold(event, path, entity, at, labels));
            default ->
                    out.add(
                            new TelemetryEvent(
                                    Kind.STATE,
                                    entity,
                                    null,
                                    domain,
                                    null,
                                    null,
                                    null,
                                    "reported",
                                    at,
                                    SOURCE,
                                    labels));
        }
    }

    private static TelemetryEvent fault(
            JsonNode event, Object path, String entity, Instant at, Map<String, String> labels)
            throws RejectedPayloadException {
        Object fp = new JsonFields.Path(path, ".faultFields");
        JsonNode fields = JsonFields.object(event, "faultFields", path);
        String condition = JsonFields.text(fields, "alarmCondition", fp);
        String word = JsonFields.text(fields, "eventSeverity", fp);
        Severity severity =
                SeverityMapping.fromVes(word)
                        .orElseThrow(
                                () ->
                                        new RejectedPayloadException(
                                                fp + ".eventSeverity",
                                                "expected CRITICAL, MAJOR, MINOR, WARNING or NORMAL but was "
                                                        + word));
        putIfText(labels, fields, "specificProblem");
        putIfText(labels, fields, "eventSourceType");
        putIfText(labels, fields, "alarmInterfaceA");
        putIfText(labels, fields, "eventCategory");
        putIfText(labels, fields, "vfStatus");
        return new TelemetryEvent(
                Kind.FAULT,
                entity,
                null,
                condition,
                null,
                severity,
                word,
                null,
                at,
                SOURCE,
                labels);
    }

    private static TelemetryEvent heartbeat(
            JsonNode event, String entity, Instant at, Map<String, String> labels) {
        JsonNode fields = event.get("heartbeatFields");
        if (fields != null && fields.has("heartbeatInterval")) {
            labels.put("heartbeatInterval", fields.get("heartbeatInterval").asText());
        }
        return new TelemetryEvent(
                Kind.STATE,
                entity,
                null,
                "heartbeat",
                null,
                null,
                null,
                "alive",
                at,
                SOURCE,
                labels);
    }

    private static TelemetryEvent stateChange(
            JsonNode event, Object path, String entity, Instant at, Map<String, String> labels)
            throws RejectedPayloadException {
        Object sp = new JsonFields.Path(path, ".stateChangeFields");
        JsonNode fields = JsonFields.object(event, "stateChangeFields", path);
        String iface = JsonFields.text(fields, "stateInterface", sp);
        String newState = JsonFields.text(fields, "newState", sp);
        putIfText(labels, fields, "oldState");
        return new TelemetryEvent(
                Kind.STATE,
                entity,
                null,
                "stateChange." + iface,
                null,
                null,
                null,
                newState,
                at,
                SOURCE,
                labels);
    }

    private static TelemetryEvent threshold(
            JsonNode event, Object path, String entity, Instant at, Map<String, String> labels)
            throws RejectedPayloadException {
        Object tp = new JsonFields.Path(path, ".thresholdCrossingAlertFields");
        JsonNode fields = JsonFields.object(event, "thresholdCrossingAlertFields", path);
        String description = JsonFields.text(fields, "alertDescription", tp);
        String action = JsonFields.text(fields, "alertAction", tp);
        String word = JsonFields.text(fields, "eventSeverity", tp);
        Severity severity =
                "CLEAR".equals(action)
                        ? Severity.OK
                        : SeverityMapping.fromVes(word)
                                .orElseThrow(
                                        () ->
                                                new RejectedPayloadException(
                                                        tp + ".eventSeverity",
                                                        "expected CRITICAL, MAJOR, MINOR, WARNING or NORMAL but was "
                                                                + word));
        labels.put("alertAction", action);
        putIfText(labels, fields, "alertType");
        return new TelemetryEvent(
                Kind.FAULT,
                entity,
                null,
                description,
                null,
                severity,
                word,
                null,
                at,
                SOURCE,
                labels);
    }

    private static void measurements(
            JsonNode event,
            Object path,
            String entity,
            Instant at,
            Map<String, String> labels,
            List<TelemetryEvent> out)
            throws RejectedPayloadException {
        JsonNode fields = JsonFields.object(event, "measurementFields", path);
        JsonNode interval = fields.get("measurementInterval");
        if (interval != null) {
            labels.put("measurementInterval", interval.asText());
        }
        Map<String, String> shared = Map.copyOf(labels);
        Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            JsonNode value = f.getValue();
            if (name.equals("measurementInterval")) {
                continue;
            }
            if (value.isNumber()) {
                addMetric(out, entity, "measurement." + name, value.doubleValue(), at, shared);
            } else if (name.equals("additionalMeasurements") && value.isArray()) {
                for (JsonNode named : value) {
                    String prefix = named.path("name").asText();
                    Iterator<Map.Entry<String, JsonNode>> kv = named.path("hashMap").fields();
                    while (kv.hasNext()) {
                        Map.Entry<String, JsonNode> e = kv.next();
                        Double d = number(e.getValue().asText());
                        if (d != null) {
                            addMetric(out, entity, prefix + "." + e.getKey(), d, at, shared);
                        }
                    }
                }
            } else if (value.isArray() && name.endsWith("Array")) {
                String prefix = name.substring(0, name.length() - "Array".length());
                for (JsonNode item : value) {
                    if (item.isObject()) {
                        arrayItem(out, entity, prefix, item, at, shared);
                    }
                }
            }
        }
    }

    private static void arrayItem(
            List<TelemetryEvent> out,
            String entity,
            String prefix,
            JsonNode item,
            Instant at,
            Map<String, String> labels) {
        String id = null;
        Iterator<Map.Entry<String, JsonNode>> it = item.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String k = f.getKey();
            if (f.getValue().isTextual() && (k.endsWith("Identifier") || k.endsWith("Name"))) {
                id = f.getValue().textValue().trim().split("\\s+", 2)[0];
                break;
            }
        }
        String base = id == null || id.isEmpty() ? prefix + "." : prefix + "." + id + ".";
        it = item.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isNumber()) {
                addMetric(out, entity, base + f.getKey(), f.getValue().doubleValue(), at, labels);
            }
        }
    }

    private static void addMetric(
            List<TelemetryEvent> out,
            String entity,
            String name,
            double value,
            Instant at,
            Map<String, String> labels) {
        if (Double.isFinite(value)) {
            out.add(
                    new TelemetryEvent(
                            Kind.METRIC,
                            entity,
                            null,
                            name,
                            value,
                            null,
                            null,
                            null,
                            at,
                            SOURCE,
                            labels));
        }
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null; // a non-numeric hashMap value is text, not a metric
        }
    }

    private static void putIfText(Map<String, String> labels, JsonNode node, String field) {
        JsonNode n = node.get(field);
        if (n != null && n.isTextual()) {
            labels.put(field, n.textValue());
        }
    }
}
