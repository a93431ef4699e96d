package org.aitia.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aitia.api.errors.ApiException;
import org.aitia.model.Json;

/** Reads and validates request parameters and bodies, naming the parameter in every error. */
final class Params {
    private Params() {}

    /** The JSON body, or a {@link NullNode} when the body is empty. */
    static JsonNode body(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not JSON: " + e.getMessage().split("\n")[0]);
        }
    }

    /** Query parameter, else body field, else null. */
    static String text(Context ctx, JsonNode body, String name) {
        String q = ctx.queryParam(name);
        if (q != null) {
            return q.isBlank() || q.equals("None") ? null : q;
        }
        JsonNode b = body == null ? null : body.get(name);
        return b == null || b.isNull() || b.asText().isBlank() ? null : b.asText();
    }

    static boolean bool(Context ctx, JsonNode body, String name) {
        String v = text(ctx, body, name);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ApiException.badRequest(name + " must be true or false but was " + v);
        };
    }

    static Integer integer(Context ctx, JsonNode body, String name) {
        String v = text(ctx, body, name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer but was " + v);
        }
    }

    /** The page size: {@code limit}, else the default; at most {@code max}. */
    static int limit(Context ctx, JsonNode body, int dflt, int max) {
        Integer v = integer(ctx, body, "limit");
        if (v == null) {
            return dflt;
        }
        if (v < 1 || v > max) {
            throw ApiException.badRequest("limit must be between 1 and " + max + " but was " + v);
        }
        return v;
    }

    /** A repeated query parameter ({@code sort_by=a&sort_by=b}), also accepting commas. */
    static List<String> list(Context ctx, String name) {
        List<String> out = new ArrayList<>();
        for (String v : ctx.queryParams(name)) {
            for (String part : v.split(",")) {
                if (!part.isBlank() && !part.equals("None")) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** An ISO-8601 time (UTC when it has no offset), or null. */
    static Instant time(Context ctx, String name) {
        String v = text(ctx, null, name);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e2) {
                throw ApiException.badRequest(name + " must be an ISO-8601 time but was " + v);
            }
        }
    }
}
