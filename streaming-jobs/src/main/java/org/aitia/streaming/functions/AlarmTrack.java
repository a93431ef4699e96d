package org.aitia.streaming.functions;

import java.util.List;
import org.aitia.model.Alarm;
import org.aitia.model.Severity;

/**
 * Detection state of one fault or state alarm on one entity.
 *
 * @param emitted the last transition sent downstream, or null
 * @param lastEventMs event time of the latest event applied (older ones are stale)
 * @param raises event times of the raises inside the flap window
 * @param flapping true while the alarm is replaced by its flapping alarm
 * @param down true when the latest event says the problem holds
 * @param severity the severity of the latest raise
 * @param lastTransitionMs event time of the latest raise or clear
 */
public record AlarmTrack(
        Alarm emitted,
        long lastEventMs,
        List<Long> raises,
        boolean flapping,
        boolean down,
        Severity severity,
        long lastTransitionMs) {

    public AlarmTrack {
        raises = raises == null ? List.of() : List.copyOf(raises);
    }

    static AlarmTrack empty() {
        return new AlarmTrack(null, Long.MIN_VALUE, List.of(), false, false, null, Long.MIN_VALUE);
    }
}
