package org.aitia.streaming.functions;

import org.aitia.model.Alarm;
import org.aitia.model.TopologyChange;

/**
 * What correlation of one site consumes: a raw alarm or a topology change of that site.
 *
 * @param site the site (the key of correlation)
 * @param alarm a raw alarm transition, or null
 * @param change a topology change, or null
 */
public record SiteInput(String site, Alarm alarm, TopologyChange change) {

    public SiteInput {
        if (site == null || site.isBlank()) {
            throw new IllegalArgumentException("site is required");
        }
        if ((alarm == null) == (change == null)) {
            throw new IllegalArgumentException("exactly one of alarm and change must be given");
        }
    }

    public static SiteInput of(Alarm alarm) {
        return new SiteInput(alarm.site(), alarm, null);
    }

    public static SiteInput of(String site, TopologyChange change) {
        return new SiteInput(site, null, change);
    }
}
