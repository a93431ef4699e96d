package org.aitia.streaming.correlate;

/**
 * The adapter of rca-rules' {@code RcaEngine} (Drools on a topology-graph {@code EntityGraph}) to
 * {@link SiteEngine}.
 */
public final class RcaSiteEngine {
    /** Creates the engine of a site. */
    public static final SiteEngineFactory FACTORY =
            (site, rules, start) -> {
                throw new InvalidRulesException(
                        "rca-rules' RcaEngine is not available in this build", null);
            };

    private RcaSiteEngine() {}
}
