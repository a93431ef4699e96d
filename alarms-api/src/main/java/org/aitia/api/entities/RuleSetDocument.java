package org.aitia.api.entities;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A versioned rule set as published on {@code aitia.rules} (key: {@link #name}; a tombstone deletes
 * the rule set). This is the contract the streaming job consumes.
 *
 * @param name unique name (a Vitrage template's {@code metadata.name}, or the DRL rule set's)
 * @param version 1 for the first, +1 for each replacement
 * @param kind {@code drl} or {@code vitrage}
 * @param content the DRL source or the Vitrage template YAML
 * @param params values for a Vitrage template's parameters, never null
 * @param templateType the Vitrage template type ({@code standard}, {@code definition}, {@code
 *     equivalence}), null for DRL
 * @param uuid stable id of the name (what {@code vitrage template list} shows)
 * @param createdAt when this version was accepted
 * @param createdBy the user who published it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetDocument(
        String name,
        int version,
        String kind,
        String content,
        Map<String, String> params,
        String templateType,
        String uuid,
        Instant createdAt,
        String createdBy) {

    public static final String DRL = "drl";
    public static final String VITRAGE = "vitrage";

    public RuleSetDocument {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        kind = kind == null ? null : kind.toLowerCase(Locale.ROOT);
        if (!DRL.equals(kind) && !VITRAGE.equals(kind)) {
            throw new IllegalArgumentException("kind must be drl or vitrage but was " + kind);
        }
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("content is required");
        }
        params = params == null ? Map.of() : Map.copyOf(params);
        uuid = uuid == null ? uuidOf(name) : uuid;
    }

    /** The stable uuid of a rule-set name. */
    public static String uuidOf(String name) {
        return UUID.nameUUIDFromBytes(("aitia-rule-set:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
