package org.aitia.streaming.correlate;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.aitia.streaming.functions.RuleSetMessage;

/** Creates the engine of a site; serializable so that it travels with the job graph. */
@FunctionalInterface
public interface SiteEngineFactory extends Serializable {

    /**
     * A new engine for {@code site} with an empty graph, the standard library plus {@code
     * ruleSets}, and its clock at {@code start}.
     *
     * @throws InvalidRulesException when {@code ruleSets} do not compile
     */
    SiteEngine create(String site, List<RuleSetMessage> ruleSets, Instant start)
            throws InvalidRulesException;
}
