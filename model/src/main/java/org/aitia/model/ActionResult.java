package org.aitia.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What became of a {@link HealingAction}.
 *
 * @param actionId the action's id
 * @param type the action's type
 * @param target the action's target entity
 * @param status the outcome
 * @param reason why: the guard's reason for SUPPRESSED or HELD, the VIM's answer for FAILED;
 *     required for those, optional otherwise
 * @param attempts how many calls were made (0 for DRY_RUN, SUPPRESSED, HELD)
 * @param at wall-clock time of the outcome
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionResult(
        String actionId,
        String type,
        String target,
        Status status,
        String reason,
        int attempts,
        Instant at) {

    /** The outcome of an action. */
    public enum Status {
        /** The VIM accepted the call. */
        SENT,
        /** Decided and recorded; nothing was called. */
        DRY_RUN,
        /** The guard refused it (duplicate, rate limit, storm, deny list, rejected). */
        SUPPRESSED,
        /** Waiting for an operator's approval. */
        HELD,
        /** The VIM refused it or could not be reached. */
        FAILED
    }

    public ActionResult {
        Checks.notBlank(actionId, "actionId");
        Checks.notBlank(type, "type");
        Checks.notBlank(target, "target");
        Checks.notNull(status, "status");
        if ((status == Status.SUPPRESSED || status == Status.FAILED || status == Status.HELD)
                && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("reason must be given for a " + status + " result");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        Checks.notNull(at, "at");
    }

    public static ActionResult of(
            HealingAction action, Status status, String reason, int attempts, Instant at) {
        return new ActionResult(
                action.id(), action.type(), action.target(), status, reason, attempts, at);
    }
}
