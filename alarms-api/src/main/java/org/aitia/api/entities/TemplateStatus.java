package org.aitia.api.entities;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A template as {@code vitrage template list} and {@code template add} show it.
 *
 * @param uuid the template's stable id
 * @param name its {@code metadata.name}
 * @param status {@code ACTIVE} or {@code ERROR}
 * @param statusDetails why, in words
 * @param date when it was added (ISO-8601)
 * @param type {@code standard}, {@code definition} or {@code equivalence}
 * @param version the rule-set version on {@code aitia.rules}
 */
public record TemplateStatus(
        String uuid,
        String name,
        String status,
        @JsonProperty("status details") String statusDetails,
        String date,
        String type,
        int version) {}
