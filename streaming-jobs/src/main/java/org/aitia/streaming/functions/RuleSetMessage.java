package org.aitia.streaming.functions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A rule set as published on {@code aitia.rules} (key = name) by alarms-api: {@code {name, version,
 * kind: drl|vitrage, content, params}}. A tombstone (null value) on the compacted topic removes the
 * rule set; it is represented with {@code deleted = true}.
 *
 * @param name the rule set's name
 * @param version its version (a newer version replaces an older one)
 * @param kind {@code drl} or {@code vitrage}
 * @param content the DRL source or the Vitrage template YAML
 * @param params template parameters, never null
 * @param deleted true for a removal
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetMessage(
        String name,
        Long version,
        String kind,
        String content,
        Map<String, Object> params,
        boolean deleted) {

    public RuleSetMessage {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("rule set: name is required");
        }
        params = params == null ? Map.of() : withoutNulls(params);
        if (!deleted) {
            if (kind == null || !(kind.equals("drl") || kind.equals("vitrage"))) {
                throw new IllegalArgumentException(
                        "rule set " + name + ": kind must be drl or vitrage but was " + kind);
            }
            if (content == null || content.isBlank()) {
                throw new IllegalArgumentException("rule set " + name + ": content is required");
            }
        }
        version = version == null ? 0L : version;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> given) {
        Map<String, Object> kept = new java.util.LinkedHashMap<>();
        given.forEach(
                (k, v) -> {
                    if (k != null && v != null) {
                        kept.put(k, v);
                    }
                });
        return java.util.Collections.unmodifiableMap(kept);
    }

    /** The removal of the rule set {@code name}. */
    public static RuleSetMessage removal(String name) {
        return new RuleSetMessage(name, null, null, null, null, true);
    }
}
