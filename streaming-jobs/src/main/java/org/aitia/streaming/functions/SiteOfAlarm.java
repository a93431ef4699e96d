package org.aitia.streaming.functions;

import org.aitia.model.Alarm;
import org.apache.flink.api.common.functions.MapFunction;

/** Wraps a raw alarm for correlation of its site. */
public final class SiteOfAlarm implements MapFunction<Alarm, SiteInput> {
    private static final long serialVersionUID = 1L;

    @Override
    public SiteInput map(Alarm alarm) {
        return SiteInput.of(alarm);
    }
}
