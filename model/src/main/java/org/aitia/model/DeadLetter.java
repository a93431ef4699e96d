package org.aitia.model;

import java.time.Instant;

/**
 * Input that was refused, kept with the reason on the dead-letter topic so nothing is silently
 * dropped.
 *
 * @param source the listener or datasource that refused it ({@code ves}, {@code collectd}, ...)
 * @param reason what was wrong, naming the field
 * @param payload the raw input as received
 * @param receivedAt wall-clock time of receipt
 */
public record DeadLetter(String source, String reason, String payload, Instant receivedAt) {
    public DeadLetter {
        Checks.notBlank(source, "source");
        Checks.notBlank(reason, "reason");
        Checks.notNull(payload, "payload");
        Checks.notNull(receivedAt, "receivedAt");
    }
}
