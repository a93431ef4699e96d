package org.aitia.streaming;

import org.aitia.streaming.correlate.RcaSiteEngine;
import org.aitia.streaming.correlate.SiteEngineFactory;

/** The site engines the job correlates with. */
public final class Engines {
    private Engines() {}

    /** rca-rules' Drools engine on a topology-graph {@code EntityGraph}, per site. */
    public static SiteEngineFactory rca() {
        return RcaSiteEngine.FACTORY;
    }
}
