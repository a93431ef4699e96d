package org.aitia.healing.guard;

import java.util.List;
import org.aitia.model.Alarm;

/**
 * What the guard decided about one action.
 *
 * @param kind execute it, record it as a dry run, suppress it, or hold it for an operator
 * @param reason why, for {@link Kind#SUPPRESS} and {@link Kind#HOLD}; null otherwise
 * @param alarms alarms the decision raised or cleared (the storm alarm), usually none
 */
public record Verdict(Kind kind, String reason, List<Alarm> alarms) {

    /** The guard's four answers. */
    public enum Kind {
        EXECUTE,
        DRY_RUN,
        SUPPRESS,
        HOLD
    }

    public Verdict {
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
        if ((kind == Kind.SUPPRESS || kind == Kind.HOLD) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + kind + " verdict needs a reason");
        }
    }

    static Verdict of(Kind kind, String reason, List<Alarm> alarms) {
        return new Verdict(kind, reason, alarms);
    }
}
