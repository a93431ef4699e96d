package org.aitia.collectors.parse;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.aitia.model.Json;

/** Field access helpers whose failures name the JSON path. Package-private on purpose. */
final class JsonFields {
    /** 9999-12-31T23:59:59Z: later instants are not a plausible event time. */
    static final long MAX_EPOCH_SECOND = 253402300799L;

    private static final ObjectMapper MAPPER =
            Json.mapper().copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonFields() {}

    static JsonNode readTree(byte[] body) throws RejectedPayloadException {
        if (body == null || body.length == 0) {
            throw new RejectedPayloadException("$", "the body is empty, expected a JSON document");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new RejectedPayloadException("$", "the body holds no JSON value");
            }
            return node;
        } catch (JsonParseException e) {
            throw new RejectedPayloadException(
                    "$",
                    "malformed JSON at line "
                            + e.getLocation().getLineNr()
                            + " column "
                            + e.getLocation().getColumnNr()
                            + ": "
                            + e.getOriginalMessage(),
                    e);
        } catch (JsonProcessingException e) {
            throw new RejectedPayloadException("$", "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RejectedPayloadException("$", "unreadable body: " + e.getMessage(), e);
        }
    }

    static JsonNode object(JsonNode parent, String name, Object path)
            throws RejectedPayloadException {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            throw new RejectedPayloadException(path + "." + name, "required object is missing");
        }
        if (!n.isObject()) {
            throw new RejectedPayloadException(
                    path + "." + name, "expected an object but found " + kind(n));
        }
        return n;
    }

    static String text(JsonNode parent, String name, Object path) throws RejectedPayloadException {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            throw new RejectedPayloadException(path + "." + name, "required string is missing");
        }
        if (!n.isTextual()) {
            throw new RejectedPayloadException(
                    path + "." + name, "expected a string but found " + kind(n));
        }
        String s = n.textValue();
        if (s.isBlank()) {
            throw new RejectedPayloadException(path + "." + name, "must not be blank");
        }
        return s;
    }

    /** A JSON path built only when an error message needs it. */
    record Path(Object parent, String suffix) {
        @Override
        public String toString() {
            return String.valueOf(parent) + suffix;
        }
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    record Index(Object parent, int index) {
        @Override
        public String toString() {
            return parent + "[" + index + "]";
        }
    }

    /** The string value, or null when absent, null or not a string. */
    static String optText(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    static Instant epochMicros(JsonNode parent, String name, Object path)
            throws RejectedPayloadException {
        JsonNode n = parent.get(name);
        if (n == null || !n.isNumber()) {
            throw new RejectedPayloadException(
                    path + "." + name,
                    n == null
                            ? "required epoch microseconds are missing"
                            : "expected epoch microseconds but found " + kind(n));
        }
        double micros = n.doubleValue();
        if (!(micros >= 0) || micros / 1e6 > MAX_EPOCH_SECOND) {
            throw new RejectedPayloadException(
                    path + "." + name, "epoch microseconds out of range: " + n.asText());
        }
        long m = n.canConvertToLong() ? n.longValue() : (long) micros;
        return Instant.ofEpochSecond(m / 1_000_000L, (m % 1_000_000L) * 1_000L);
    }

    static Instant epochSeconds(JsonNode n, Object path) throws RejectedPayloadException {
        if (n == null || !n.isNumber()) {
            throw new RejectedPayloadException(
                    String.valueOf(path),
                    n == null
                            ? "required epoch seconds are missing"
                            : "expected epoch seconds but found " + kind(n));
        }
        double s = n.doubleValue();
        if (!(s >= 0) || s > MAX_EPOCH_SECOND) {
            throw new RejectedPayloadException(
                    String.valueOf(path), "epoch seconds out of range: " + n.asText());
        }
        // The shortest decimal form of the double is what collectd printed (e.g. 1767261600.120).
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(s);
        long whole = d.longValue();
        long nanos =
                d.subtract(java.math.BigDecimal.valueOf(whole))
                        .movePointRight(9)
                        .setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValue();
        if (nanos >= 1_000_000_000L) {
            whole++;
            nanos -= 1_000_000_000L;
        }
        return Instant.ofEpochSecond(whole, nanos);
    }

    static Instant isoTime(JsonNode parent, String name, Object path)
            throws RejectedPayloadException {
        String s = text(parent, name, path);
        return parseIso(s, path + "." + name);
    }

    static Instant parseIso(String s, Object path) throws RejectedPayloadException {
        try {
            Instant t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            if (t.getEpochSecond() < 0 || t.getEpochSecond() > MAX_EPOCH_SECOND) {
                throw new RejectedPayloadException(String.valueOf(path), "time out of range: " + s);
            }
            return t;
        } catch (DateTimeParseException e) {
            try {
                // Doctor's inspector writes times without an offset: they are UTC.
                Instant t = java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
                if (t.getEpochSecond() < 0 || t.getEpochSecond() > MAX_EPOCH_SECOND) {
                    throw new RejectedPayloadException(
                            String.valueOf(path), "time out of range: " + s);
                }
                return t;
            } catch (DateTimeException e2) {
                throw new RejectedPayloadException(
                        String.valueOf(path),
                        "expected an RFC 3339 time such as 2026-01-01T10:00:00Z but was " + s,
                        e);
            }
        }
    }

    /** The path of the first number that is not finite (such as 1e400), or null. */
    static String firstNonFinite(JsonNode n, String path) {
        if (n.isNumber()) {
            return Double.isFinite(n.doubleValue()) ? null : path;
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String p = firstNonFinite(n.get(i), path + "[" + i + "]");
                if (p != null) {
                    return p;
                }
            }
        } else if (n.isObject()) {
            java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                java.util.Map.Entry<String, JsonNode> e = it.next();
                String p = firstNonFinite(e.getValue(), path + "." + e.getKey());
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
