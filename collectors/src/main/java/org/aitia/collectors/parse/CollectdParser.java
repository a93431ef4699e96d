package org.aitia.collectors.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.model.Severity;
import org.aitia.model.SeverityMapping;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TelemetryEvent.Kind;

/**
 * collectd 5.x {@code write_http} with {@code Format "JSON"}: a JSON array of value lists and, with
 * {@code Notifications true}, of notifications in their Alertmanager-shaped form.
 *
 * <ul>
 *   <li>A value list gives one METRIC per data source, named {@code
 *       <plugin>.<type>[.<type_instance>][.<dsname>]} ({@code cpu.percent.active}, {@code
 *       interface.if_octets.rx}, {@code memory.memory.used}); the ds name is appended unless it is
 *       the lone {@code value}. Null (NaN) values are skipped.
 *   <li>A notification from the {@code interface} (or {@code ovs_events}, {@code netlink}) plugin
 *       is a FAULT named {@code linkDown} on the NIC; any other notification is a FAULT named after
 *       its {@code alertname} on the host. FAILURE and WARNING raise, OKAY clears.
 * </ul>
 *
 * The resource is {@code host}; when {@code plugin_instance} names an interface ({@code interface},
 * {@code ovs_events}, {@code netlink} plugins) it is the NIC {@code <host>-<interface>}, when it
 * names a DPDK port ({@code dpdkstat}, {@code dpdk_telemetry}) the port {@code <host>-<port>}, when
 * it names a guest ({@code virt} plugin) it is the guest. The host is always kept in the {@code
 * host} label. The event time is collectd's {@code time} ({@code startsAt} for notifications).
 */
public final class CollectdParser implements PayloadParser {
    public static final String SOURCE = "collectd";

    /** The fault name of an interface notification. */
    public static final String LINK_DOWN = "linkDown";

    private static final Set<String> INTERFACE_PLUGINS =
            Set.of("interface", "ovs_events", "netlink");

    /**
     * Plugins whose {@code plugin_instance} names a DPDK port: the entity is {@code <host>-<port>}.
     */
    private static final Set<String> DPDK_PLUGINS = Set.of("dpdkstat", "dpdk_telemetry");

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<TelemetryEvent> parse(byte[] body) throws RejectedPayloadException {
        JsonNode root = JsonFields.readTree(body);
        if (!root.isArray()) {
            throw new RejectedPayloadException(
                    "$",
                    "expected a JSON array (write_http Format JSON) but found "
                            + JsonFields.kind(root));
        }
        List<TelemetryEvent> out = new ArrayList<>(root.size() * 2);
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            String path = "$[" + i + "]";
            if (!item.isObject()) {
                throw new RejectedPayloadException(
                        path, "expected an object but found " + JsonFields.kind(item));
            }
            if (item.has("values")) {
                values(item, path, out);
            } else if (item.has("labels")) {
                out.add(notification(item, path));
            } else {
                throw new RejectedPayloadException(
                        path, "expected a value list (\"values\") or a notification (\"labels\")");
            }
        }
        return out;
    }

    private static void values(JsonNode item, String path, List<TelemetryEvent> out)
            throws RejectedPayloadException {
        String host = JsonFields.text(item, "host", path);
        String plugin = JsonFields.text(item, "plugin", path);
        String type = JsonFields.text(item, "type", path);
        String pluginInstance = orEmpty(item, "plugin_instance", path);
        String typeInstance = orEmpty(item, "type_instance", path);
        Instant at = JsonFields.epochSeconds(item.get("time"), path + ".time");
        JsonNode values = item.get("values");
        JsonNode dsnames = item.get("dsnames");
        JsonNode dstypes = item.get("dstypes");
        if (!values.isArray() || values.isEmpty()) {
            throw new RejectedPayloadException(path + ".values", "expected a non-empty array");
        }
        checkSameSize(dsnames, values, path + ".dsnames");
        checkSameSize(dstypes, values, path + ".dstypes");
        String entity = entityOf(host, plugin, pluginInstance);
        Map<String, String> labels = new HashMap<>(8);
        labels.put("host", host);
        labels.put("plugin", plugin);
        labels.put("type", type);
        if (!pluginInstance.isEmpty()) {
            labels.put("plugin_instance", pluginInstance);
        }
        if (!typeInstance.isEmpty()) {
            labels.put("type_instance", typeInstance);
        }
        JsonNode interval = item.get("interval");
        if (interval != null && interval.isNumber()) {
            labels.put("interval", interval.asText());
        }
        String base = plugin + "." + type + (typeInstance.isEmpty() ? "" : "." + typeInstance);
        for (int d = 0; d < values.size(); d++) {
            JsonNode v = values.get(d);
            String ds = dsnames.get(d).asText();
            if (v.isNull()) {
                continue; // collectd writes NaN (no sample yet) as null
            }
            if (!v.isNumber()) {
                throw new RejectedPayloadException(
                        path + ".values[" + d + "]",
                        "expected a number or null but found " + JsonFields.kind(v));
            }
            Map<String, String> l = new HashMap<>(labels);
            l.put("dstype", dstypes.get(d).asText());
            String name = values.size() == 1 && "value".equals(ds) ? base : base + "." + ds;
            out.add(
                    new TelemetryEvent(
                            Kind.METRIC,
                            entity,
                            null,
                            name,
                            v.doubleValue(),
                            null,
                            null,
                            null,
                            at,
                            SOURCE,
                            l));
        }
    }

    private static TelemetryEvent notification(JsonNode item, String path)
            throws RejectedPayloadException {
        String lp = path + ".labels";
        JsonNode labelsNode = JsonFields.object(item, "labels", path);
        String alertname = JsonFields.text(labelsNode, "alertname", lp);
        String host = JsonFields.text(labelsNode, "instance", lp);
        String word = JsonFields.text(labelsNode, "severity", lp);
        Severity severity =
                SeverityMapping.fromCollectd(word)
                        .orElseThrow(
                                () ->
                                        new RejectedPayloadException(
                                                lp + ".severity",
                                                "expected FAILURE, WARNING or OKAY but was "
                                                        + word));
        Instant at = JsonFields.isoTime(item, "startsAt", path);
        Map<String, String> labels = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = labelsNode.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                labels.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode annotations = item.get("annotations");
        if (annotations != null && annotations.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> a = annotations.fields();
            while (a.hasNext()) {
                Map.Entry<String, JsonNode> e = a.next();
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    labels.put("annotation." + e.getKey(), e.getValue().asText());
                }
            }
        }
        labels.put("host", host);
        String iface = null;
        for (String plugin : INTERFACE_PLUGINS) {
            String v = JsonFields.optText(labelsNode, plugin);
            if (v != null && !v.isBlank()) {
                iface = v;
                break;
            }
        }
        String entity = iface == null ? host : host + "-" + iface;
        String name = iface == null ? alertname : LINK_DOWN;
        if (iface != null) {
            labels.put("interface", iface);
        }
        return new TelemetryEvent(
                Kind.FAULT,
                entity,
                iface == null ? null : "nic",
                name,
                null,
                severity,
                word,
                null,
                at,
                SOURCE,
                labels);
    }

    private static String entityOf(String host, String plugin, String pluginInstance) {
        if (pluginInstance.isEmpty()) {
            return host;
        }
        if (INTERFACE_PLUGINS.contains(plugin) || DPDK_PLUGINS.contains(plugin)) {
            return host + "-" + pluginInstance;
        }
        if ("virt".equals(plugin)) {
            return pluginInstance;
        }
        return host;
    }

    private static String orEmpty(JsonNode item, String field, String path)
            throws RejectedPayloadException {
        JsonNode n = item.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw new RejectedPayloadException(
                    path + "." + field, "expected a string but found " + JsonFields.kind(n));
        }
        return n.textValue();
    }

    private static void checkSameSize(JsonNode names, JsonNode values, String path)
            throws RejectedPayloadException {
        if (names == null || !names.isArray()) {
            throw new RejectedPayloadException(path, "required array is missing");
        }
        if (names.size() != values.size()) {
            throw new RejectedPayloadException(
                    path, "holds " + names.size() + " entries but values holds " + values.size());
        }
        for (JsonNode n : names) {
            if (!n.isTextual()) {
                throw new RejectedPayloadException(
                        path, "expected strings but found " + JsonFields.kind(n));
            }
        }
    }
}
