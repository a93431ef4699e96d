package org.aitia.api.entities;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A webhook registration as Vitrage shows it, also the value on {@code aitia.webhooks} (key: {@link
 * #id}; a tombstone deletes it), which the healing webhook adapter consumes.
 *
 * @param id the registration's id
 * @param createdAt when it was added (ISO-8601)
 * @param projectId the project that added it
 * @param isAdminWebhook true when an admin added it (it then sees every tenant's alarms)
 * @param url where alarm notifications are POSTed
 * @param headers JSON object text of headers to send, or null
 * @param regexFilter JSON object text of {field: regex} an alarm must match, or null
 */
public record Webhook(
        String id,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("is_admin_webhook") boolean isAdminWebhook,
        String url,
        String headers,
        @JsonProperty("regex_filter") String regexFilter) {}
