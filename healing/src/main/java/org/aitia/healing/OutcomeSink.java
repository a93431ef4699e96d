package org.aitia.healing;

import org.aitia.model.ActionResult;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;

/**
 * Where the executor reports: every result ({@code aitia.action-results} and the audit index) and
 * every alarm the guard raises or clears ({@code aitia.alarms}). Implementations must not block for
 * long: they are called on the threads that complete VIM calls.
 */
public interface OutcomeSink {
    /** An outcome of {@code action}. */
    void result(HealingAction action, ActionResult result);

    /** An alarm raised or cleared by the guard (the storm alarm). */
    void alarm(Alarm alarm);

    /** Reports to every one of {@code sinks} in order. */
    static OutcomeSink all(OutcomeSink... sinks) {
        return new OutcomeSink() {
            @Override
            public void result(HealingAction action, ActionResult result) {
                for (OutcomeSink s : sinks) {
                    s.result(action, result);
                }
            }

            @Override
            public void alarm(Alarm alarm) {
                for (OutcomeSink s : sinks) {
                    s.alarm(alarm);
                }
            }
        };
    }
}
