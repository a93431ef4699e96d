package org.aitia.streaming.functions;

import org.aitia.model.Entity;
import org.aitia.model.TopologyChange;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Turns entity changes into the references telemetry may use for them: the id, and the name when it
 * differs. Relationship changes name no entity and give nothing.
 */
public final class IndexEntities implements FlatMapFunction<TopologyChange, EntityIndexEntry> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(TopologyChange change, Collector<EntityIndexEntry> out) {
        Entity e = change.entity();
        if (e == null) {
            return;
        }
        boolean deleted = change.op() == TopologyChange.Op.DELETE;
        out.collect(new EntityIndexEntry(e.id(), e.id(), e.type(), e.site(), true, deleted));
        if (!e.name().equals(e.id())) {
            out.collect(new EntityIndexEntry(e.name(), e.id(), e.type(), e.site(), false, deleted));
        }
    }
}
