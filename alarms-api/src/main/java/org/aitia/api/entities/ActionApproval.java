package org.aitia.api.entities;

import java.time.Instant;

/**
 * An operator's decision on a held healing action, published on {@code aitia.action-approvals}
 * (key: {@link #actionId}) for the healing guard to consume.
 *
 * @param actionId the held action
 * @param decision {@code APPROVED} or {@code REJECTED}
 * @param by the user who decided
 * @param reason the operator's words, may be null
 * @param at when the decision was made (wall clock)
 */
public record ActionApproval(
        String actionId, Decision decision, String by, String reason, Instant at) {

    /** What the operator decided. */
    public enum Decision {
        APPROVED,
        REJECTED
    }
}
