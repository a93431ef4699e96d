package org.aitia.model;

import java.time.Instant;

/**
 * An entity's aggregated operational state as the rules set it (OK, TRANSIENT, SUBOPTIMAL, ERROR,
 * ...), published on {@code aitia.states} keyed by entity id. The state reverts (a new change) when
 * the conclusion that set it no longer holds.
 *
 * @param entityId the entity
 * @param site its site
 * @param state the new aggregated state
 * @param at event time of the change
 */
public record StateChange(String entityId, String site, String state, Instant at) {
    public StateChange {
        Checks.notBlank(entityId, "entityId");
        site = site == null || site.isBlank() ? Entity.DEFAULT_SITE : site;
        Checks.notBlank(state, "state");
        Checks.notNull(at, "at");
    }
}
