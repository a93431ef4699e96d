package org.aitia.api.vitrage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.aitia.api.errors.ApiException;
import org.aitia.model.Json;

/**
 * Vitrage's graph query language over vertex properties:
 *
 * <pre>
 * query := {op: {field: value}} | {and: [query, ...]} | {or: [query, ...]} | {not: query}
 * op    := == | != | &lt; | &lt;= | &gt; | &gt;=
 * </pre>
 *
 * Numbers compare as numbers, everything else as text; a missing field equals only {@code null}.
 */
public final class QueryFilter implements Predicate<Map<String, Object>> {
    private final Predicate<Map<String, Object>> predicate;

    private QueryFilter(Predicate<Map<String, Object>> predicate) {
        this.predicate = predicate;
    }

    /** A filter that accepts everything. */
    public static QueryFilter all() {
        return new QueryFilter(m -> true);
    }

    /**
     * Parses a query given as JSON text or as an already parsed node; null or blank accepts all.
     *
     * @throws ApiException 400 naming what is malformed
     */
    public static QueryFilter parse(JsonNode query) {
        if (query == null || query.isNull() || query.isMissingNode()) {
            return all();
        }
        if (query.isTextual()) {
            String text = query.asText().trim();
            if (text.isEmpty()) {
                return all();
            }
            try {
                return parse(Json.mapper().readTree(text));
            } catch (IOException e) {
                throw ApiException.badRequest("query is not JSON: " + e.getMessage());
            }
        }
        return new QueryFilter(compile(query, "query"));
    }

    @Override
    public boolean test(Map<String, Object> vertex) {
        return predicate.test(vertex);
    }

    private static Predicate<Map<String, Object>> compile(JsonNode q, String at) {
        if (!q.isObject() || q.size() != 1) {
            throw ApiException.badRequest(at + " must be an object with exactly one operator");
        }
        Map.Entry<String, JsonNode> e = q.fields().next();
        String op = e.getKey().toLowerCase(java.util.Locale.ROOT);
        JsonNode arg = e.getValue();
        switch (op) {
            case "and", "or" -> {
                if (!arg.isArray() || arg.isEmpty()) {
                    throw ApiException.badRequest(at + "." + op + " must be a non-empty list");
                }
                List<Predicate<Map<String, Object>>> parts = new ArrayList<>();
                for (int i = 0; i < arg.size(); i++) {
                    parts.add(compile(arg.get(i), at + "." + op + "[" + i + "]"));
                }
                return "and".equals(op)
                        ? m -> parts.stream().allMatch(p -> p.test(m))
                        : m -> parts.stream().anyMatch(p -> p.test(m));
            }
            case "not" -> {
                Predicate<Map<String, Object>> inner = compile(arg, at + ".not");
                return inner.negate();
            }
            case "==", "!=", "<", "<=", ">", ">=" -> {
                if (!arg.isObject() || arg.size() != 1) {
                    throw ApiException.badRequest(
                            at + "." + op + " must be an object {field: value}");
                }
                Iterator<Map.Entry<String, JsonNode>> it = arg.fields();
                Map.Entry<String, JsonNode> fv = it.next();
                String field = fv.getKey();
                Object value = scalar(fv.getValue(), at + "." + op + "." + field);
                return m -> compare(op, m.get(field), value);
            }
            default ->
                    throw ApiException.badRequest(
                            at
                                    + ": unknown operator '"
                                    + e.getKey()
                                    + "' (==, !=, <, <=, >, >=, and, or, not)");
        }
    }

    private static Object scalar(JsonNode v, String at) {
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        throw ApiException.badRequest(at + " must be a string, number, boolean or null");
    }

    private static boolean compare(String op, Object actual, Object expected) {
        int c;
        if (actual == null || expected == null) {
            boolean eq = actual == null && expected == null;
            return switch (op) {
                case "==" -> eq;
                case "!=" -> !eq;
                default -> false;
            };
        }
        BigDecimal a = number(actual);
        BigDecimal b = number(expected);
        if (a != null && b != null) {
            c = a.compareTo(b);
        } else if (expected instanceof Boolean || actual instanceof Boolean) {
            c = Objects.equals(String.valueOf(actual), String.valueOf(expected)) ? 0 : 1;
            if (!op.equals("==") && !op.equals("!=")) {
                return false;
            }
        } else {
            c = String.valueOf(actual).compareTo(String.valueOf(expected));
        }
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static BigDecimal number(Object o) {
        if (o instanceof BigDecimal b) {
            return b;
        }
        if (o instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (o instanceof String s
                && !s.isEmpty()
                && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-')) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
