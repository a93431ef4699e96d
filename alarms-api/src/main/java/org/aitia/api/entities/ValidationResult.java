package org.aitia.api.entities;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One template's validation result as Vitrage returns it.
 *
 * @param status {@code validation OK} or {@code validation failed}
 * @param filePath the file the client read, or null
 * @param description what was checked
 * @param message the finding
 * @param statusCode 0 when OK, else a Vitrage-like error code
 */
public record ValidationResult(
        String status,
        @JsonProperty("file path") String filePath,
        String description,
        String message,
        @JsonProperty("status code") int statusCode) {}
