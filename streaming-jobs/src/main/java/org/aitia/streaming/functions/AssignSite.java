package org.aitia.streaming.functions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.Severity;
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
 *
 * <p>A datasource that reports an entity in a problem state (Kubernetes' {@code NotReady}, Cinder's
 * {@code error}, ... — the Detect step's {@code problemStates}) has reported a fault: a raw alarm
 * named after that state (source {@code topology}) goes to the entity's site with the change, and
 * clears when a later upsert reports another state or the entity is deleted.
 */
public final class AssignSite extends KeyedProcessFunction<String, TopologyChange, SiteInput> {
    private static final long serialVersionUID = 1L;

    /** The source of alarms raised from datasource states. */
    public static final String STATE_SOURCE = "topology";

    private final Set<String> problemStates;

    private transient ValueState<Entity> entity;
    private transient MapState<String, TopologyChange> relationships;

    /** Tags changes with their site; raises no alarm from states. */
    public AssignSite() {
        this(List.of());
    }

    /** Tags changes with their site and raises alarms from the given problem states. */
    public AssignSite(List<String> problemStates) {
        Set<String> lower = new HashSet<>();
        problemStates.forEach(p -> lower.add(p.trim().toLowerCase(Locale.ROOT)));
        this.problemStates = Set.copyOf(lower);
    }

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
                stateAlarm(known, null, at(change, ctx), out);
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
            stateAlarm(known, e, at(change, ctx), out);
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

    private static Instant at(TopologyChange change, Context ctx) {
        if (change.time() != null) {
            return change.time();
        }
        Long ts = ctx.timestamp();
        return Instant.ofEpochMilli(ts != null ? ts : ctx.timerService().currentWatermark());
    }

    private String problem(Entity e) {
        if (e == null || e.state() == null) {
            return null;
        }
        return problemStates.contains(e.state().trim().toLowerCase(Locale.ROOT))
                ? e.state().trim()
                : null;
    }

    /** Raises or clears the alarm of a problem state when an entity's state changes. */
    private void stateAlarm(Entity before, Entity now, Instant at, Collector<SiteInput> out) {
        String was = problem(before);
        String is = problem(now);
        if (was != null && (is == null || !was.equals(is) || !before.site().equals(now.site()))) {
            out.collect(
                    SiteInput.of(
                            Alarm.raised(
                                            STATE_SOURCE,
                                            before.id(),
                                            before.site(),
                                            was,
                                            Severity.CRITICAL,
                                            at)
                                    .cleared(at)));
        }
        if (is != null && (was == null || !was.equals(is) || !before.site().equals(now.site()))) {
            out.collect(
                    SiteInput.of(
                            Alarm.raised(
                                            STATE_SOURCE,
                                            now.id(),
                                            now.site(),
                                            is,
                                            Severity.CRITICAL,
                                            at)
                                    .withOriginalSeverity(now.state())));
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
