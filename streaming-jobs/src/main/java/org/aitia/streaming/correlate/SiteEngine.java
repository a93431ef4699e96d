package org.aitia.streaming.correlate;

import java.time.Instant;
import java.util.List;
import org.aitia.model.Alarm;
import org.aitia.model.TopologyChange;
import org.aitia.streaming.functions.RuleSetMessage;

/**
 * The correlation engine of one site: its entity graph and its rule session. Not serializable:
 * {@link org.aitia.streaming.functions.CorrelateFunction} keeps in Flink state what rebuilds it
 * (topology, active raw alarms, rule sets, time).
 */
public interface SiteEngine extends AutoCloseable {

    /** Applies a topology change of the site. */
    Conclusions apply(TopologyChange change);

    /** Applies a raw alarm transition. */
    Conclusions onAlarm(Alarm alarm);

    /** Moves the engine's clock to {@code time} (event time); never backwards. */
    Conclusions advanceTo(Instant time);

    /**
     * Replaces the rules by the standard library plus {@code ruleSets}.
     *
     * @throws InvalidRulesException naming what is wrong; the rules in use stay
     */
    void load(List<RuleSetMessage> ruleSets) throws InvalidRulesException;

    @Override
    void close();
}
