package org.aitia.streaming.functions;

import org.aitia.model.Alarm;

/**
 * Detection state of one threshold rule on one entity.
 *
 * @param breachSince event time since when the metric has been in breach, or null
 * @param lastSampleMs event time of the latest sample applied
 * @param emitted the last transition sent downstream, or null
 */
public record ThresholdTrack(Long breachSince, long lastSampleMs, Alarm emitted) {

    static ThresholdTrack empty() {
        return new ThresholdTrack(null, Long.MIN_VALUE, null);
    }

    boolean active() {
        return emitted != null && emitted.isActive();
    }
}
