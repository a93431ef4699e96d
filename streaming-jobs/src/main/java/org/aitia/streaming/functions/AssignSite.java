package org.aitia.streaming.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aitia.model.Entity;
import org.aitia.model.TopologyChange;
import org.aitia.streaming.types.JsonTypeInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The first step of the two-step key of topology changes (keyed by {@link TopologyRoutingKey}):
 * tags each change with the site it belongs to, so that correlation can be keyed by site.
 *
 * <p>An entity change goes to the entity's site. A relationship goes to the site of its source
 * entity; one whose source is not known yet waits in state until it is. When an entity moves to
 * another site, the old site gets its deletion (and its relationships') and the new one its upsert
 * (and its relationships').
 */
public final class AssignSite extends KeyedProcessFunction<String, TopologyChange, SiteInput> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Entity> entity;
    private transient MapState<String, TopologyChange> relationships;

    @Override
    public void open(OpenContext openContext) {
        entity =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "entity", JsonTypeInfo.of(Entity.class)));
        relationships =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "relationships",
                                        Types.STRING,
                                        JsonTypeInfo.of(TopologyChange.class)));
    }

    @Override
    public void processElement(TopologyChange change, Context ctx, Collector<SiteInput> out)
            throws Exception {
        Entity known = entity.value();
        if (change.entity() != null) {
            Entity e = change.entity();
            if (change.op() == TopologyChange.Op.DELETE) {
                out.collect(SiteInput.of(known != null ? known.site() : e.site(), change));
                entity.clear();
                relationships.clear();
                return;
            }
            if (known != null && !known.site().equals(e.site())) {
                for (TopologyChange r : relationshipsNow()) {
                    out.collect(
                            SiteInput.of(known.site(), TopologyChange.delete(r.relationship())));
                }
                out.collect(SiteInput.of(known.site(), TopologyChange.delete(known)));
            }
            out.collect(SiteInput.of(e.site(), change));
            if (known == null || !known.site().equals(e.site())) {
                for (TopologyChange r : relationshipsNow()) {
                    out.collect(SiteInput.of(e.site(), r));
                }
            }
            entity.update(e);
            return;
        }
        String id = change.relationship().id();
        if (change.op() == TopologyChange.Op.DELETE) {
            relationships.remove(id);
        } else {
            relationships.put(id, change);
        }
        if (known != null) {
            out.collect(SiteInput.of(known.site(), change));
        }
    }

    private List<TopologyChange> relationshipsNow() throws Exception {
        List<TopologyChange> all = new ArrayList<>();
        for (Map.Entry<String, TopologyChange> r : relationships.entries()) {
            all.add(r.getValue());
        }
        return all;
    }
}
