package org.aitia.collectors.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.aitia.model.Severity;
import org.aitia.model.SeverityMapping;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TelemetryEvent.Kind;

/**
 * Prometheus Alertmanager webhook, version 4: one FAULT per alert, named {@code labels.alertname}.
 * A firing alert takes its severity from {@code labels.severity} (WARNING when absent) and its time
 * from {@code startsAt}; a resolved alert is {@link Severity#OK} at {@code endsAt}. The resource is
 * label {@code resource}, else {@code instance} with the port stripped, else {@code host}, else
 * {@code pod}. Labels are kept as they are, annotations under {@code annotation.<name>}, plus
 * {@code fingerprint} and {@code generatorURL}.
 */
public final class AlertmanagerParser implements PayloadParser {
    public static final String SOURCE = "alertmanager";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<TelemetryEvent> parse(byte[] body) throws RejectedPayloadException {
        JsonNode root = JsonFields.readTree(body);
        if (!root.isObject()) {
            throw new RejectedPayloadException(
                    "$", "expected a webhook object but found " + JsonFields.kind(root));
        }
        String version = JsonFields.text(root, "version", "$");
        if (!"4".equals(version)) {
            throw new RejectedPayloadException(
                    "$.version", "expected webhook version \"4\" but was \"" + version + "\"");
        }
        JsonNode alerts = root.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new RejectedPayloadException("$.alerts", "required array is missing");
        }
        List<TelemetryEvent> out = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            out.add(alert(alerts.get(i), "$.alerts[" + i + "]"));
        }
        return out;
    }

    private static TelemetryEvent alert(JsonNode alert, String path)
            throws RejectedPayloadException {
        if (!alert.isObject()) {
            throw new RejectedPayloadException(
                    path, "expected an object but found " + JsonFields.kind(alert));
        }
        String lp = path + ".labels";
        JsonNode labelsNode = JsonFields.object(alert, "labels", path);
        String name = JsonFields.text(labelsNode, "alertname", lp);
        String status = JsonFields.text(alert, "status", path);
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new RejectedPayloadException(
                    path + ".status", "expected firing or resolved but was " + status);
        }
        String word = JsonFields.optText(labelsNode, "severity");
        Severity severity =
                SeverityMapping.fromAlertmanager(status, word)
                        .orElseThrow(
                                () ->
                                        new RejectedPayloadException(
                                                lp + ".severity",
                                                "expected critical, error, major, warning, minor, info or none but was "
                                                        + word));
        Instant at =
                status.equals("resolved")
                        ? JsonFields.isoTime(alert, "endsAt", path)
                        : JsonFields.isoTime(alert, "startsAt", path);
        String entity = resource(labelsNode, lp);
        Map<String, String> labels = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = labelsNode.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new RejectedPayloadException(
                        lp + "." + e.getKey(),
                        "expected a string label value but found " + JsonFields.kind(e.getValue()));
            }
            labels.put(e.getKey(), e.getValue().textValue());
        }
        JsonNode annotations = alert.get("annotations");
        if (annotations != null && annotations.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> a = annotations.fields();
            while (a.hasNext()) {
                Map.Entry<String, JsonNode> e = a.next();
                if (e.getValue().isTextual()) {
                    labels.put("annotation." + e.getKey(), e.getValue().textValue());
                }
            }
        }
        String fingerprint = JsonFields.optText(alert, "fingerprint");
        if (fingerprint != null) {
            labels.put("fingerprint", fingerprint);
        }
        String generator = JsonFields.optText(alert, "generatorURL");
        if (generator != null && !generator.isEmpty()) {
            labels.put("generatorURL", generator);
        }
        return new TelemetryEvent(
                Kind.FAULT, entity, null, name, null, severity, word, null, at, SOURCE, labels);
    }

    /** Label {@code resource}, else {@code instance} (port stripped), else host, else pod. */
    static String resource(JsonNode labels, String lp) throws RejectedPayloadException {
        String r = nonBlank(labels, "resource");
        if (r != null) {
            return r;
        }
        String instance = nonBlank(labels, "instance");
        if (instance != null) {
            return stripPort(instance);
        }
        String host = nonBlank(labels, "host");
        if (host != null) {
            return host;
        }
        String pod = nonBlank(labels, "pod");
        if (pod != null) {
            return pod;
        }
        throw new RejectedPayloadException(
                lp, "names no resource: expected a resource, instance, host or pod label");
    }

    static String stripPort(String instance) {
        if (instance.startsWith("[")) {
            int end = instance.indexOf(']');
            return end > 1 ? instance.substring(1, end) : instance;
        }
        int colon = instance.lastIndexOf(':');
        if (colon > 0 && instance.indexOf(':') == colon) {
            String port = instance.substring(colon + 1);
            if (!port.isEmpty() && port.chars().allMatch(Character::isDigit)) {
                return instance.substring(0, colon);
            }
        }
        return instance;
    }

    private static String nonBlank(JsonNode labels, String name) {
        String v = JsonFields.optText(labels, name);
        return v == null || v.isBlank() ? null : v;
    }
}
