package org.aitia.streaming.functions;

import org.aitia.model.TopologyChange;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Keys a topology change by the entity whose site decides where it goes: the entity itself, or the
 * source of a relationship.
 */
public final class TopologyRoutingKey implements KeySelector<TopologyChange, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(TopologyChange change) {
        return change.entity() != null ? change.entity().id() : change.relationship().source();
    }
}
