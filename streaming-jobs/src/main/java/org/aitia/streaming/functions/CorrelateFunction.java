package org.aitia.streaming.functions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.StateChange;
import org.aitia.model.TopologyChange;
import org.aitia.streaming.correlate.Conclusions;
import org.aitia.streaming.correlate.InvalidRulesException;
import org.aitia.streaming.correlate.SiteEngine;
import org.aitia.streaming.correlate.SiteEngineFactory;
import org.aitia.streaming.types.JsonTypeInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Correlation, keyed by site: feeds the site's topology changes and raw alarms through the site's
 * {@link SiteEngine} in event time, and emits alarm transitions (main output) and healing actions
 * ({@link #ACTIONS}). Rule sets arrive on the broadcast input and are loaded into every engine of
 * every instance.
 *
 * <p>Engines are not serializable, so Flink state holds what rebuilds them: the site's current
 * topology (entities and relationships, by key), its active raw alarms, the engine time, and the
 * last transition emitted per alarm id and every action id emitted. After a restore the engine of a
 * site is rebuilt on the first input or timer of that site and its conclusions are checked against
 * what was already emitted, so nothing is emitted twice by the operator and nothing that was
 * concluded before the checkpoint is lost.
 */
public final class CorrelateFunction
        extends KeyedBroadcastProcessFunction<String, SiteInput, RuleSetMessage, Alarm> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CorrelateFunction.class);

    /** Healing actions requested by the engines. */
    public static final OutputTag<HealingAction> ACTIONS =
            new OutputTag<>("healing-actions", JsonTypeInfo.of(HealingAction.class));

    /** Side output: entity state changes set or reverted by the rules. */
    public static final OutputTag<StateChange> STATES =
            new OutputTag<>("entity-states", JsonTypeInfo.of(StateChange.class));

    /** The rule sets by name (broadcast state). */
    public static final MapStateDescriptor<String, RuleSetMessage> RULES =
            new MapStateDescriptor<>(
                    "rule-sets", Types.STRING, JsonTypeInfo.of(RuleSetMessage.class));

    /** How often (event time) an engine with active alarms has its clock advanced. */
    static final long TICK_MS = 1000;

    private final SiteEngineFactory factory;

    private transient Map<String, SiteEngine> engines;
    private transient MapState<String, TopologyChange> topology;
    private transient MapState<String, Alarm> rawAlarms;
    private transient MapState<String, TopologyChange> deferred;
    private transient Counter rejectedChanges;
    private transient String currentSite;
    private transient MapState<String, String> emittedAlarms;
    private transient MapState<String, Boolean> emittedActions;
    private transient ValueState<Long> engineTime;
    private transient Counter rebuilds;
    private transient Counter rejectedRules;

    public CorrelateFunction(SiteEngineFactory factory) {
        this.factory = factory;
    }

    @Override
    public void open(OpenContext openContext) {
        engines = new HashMap<>();
        var rc = getRuntimeContext();
        topology =
                rc.getMapState(
                        new MapStateDescriptor<>(
                                "topology", Types.STRING, JsonTypeInfo.of(TopologyChange.class)));
        deferred =
                rc.getMapState(
                        new MapStateDescriptor<>(
                                "deferred-relationships",
                                Types.STRING,
                                JsonTypeInfo.of(TopologyChange.class)));
        rejectedChanges = rc.getMetricGroup().counter("rejectedTopologyChanges");
        rawAlarms =
                rc.getMapState(
                        new MapStateDescriptor<>(
                                "raw-alarms", Types.STRING, JsonTypeInfo.of(Alarm.class)));
        emittedAlarms =
                rc.getMapState(
                        new MapStateDescriptor<>("emitted-alarms", Types.STRING, Types.STRING));
        emittedActions =
                rc.getMapState(
                        new MapStateDescriptor<>("emitted-actions", Types.STRING, Types.BOOLEAN));
        engineTime = rc.getState(new ValueStateDescriptor<>("engine-time", Types.LONG));
        rebuilds = rc.getMetricGroup().counter("engineRebuilds");
        rejectedRules = rc.getMetricGroup().counter("rejectedRuleSets");
    }

    @Override
    public void close() {
        if (engines != null) {
            engines.values().forEach(SiteEngine::close);
            engines.clear();
        }
    }

    @Override
    public void processElement(SiteInput in, ReadOnlyContext ctx, Collector<Alarm> out)
            throws Exception {
        String site = ctx.getCurrentKey();
        currentSite = site;
        SiteEngine engine = engine(site, ctx.getBroadcastState(RULES), ctx, out);
        Conclusions c;
        if (in.change() != null) {
            c = applyChange(engine, in.change());
        } else {
            Alarm alarm = in.alarm();
            c = advance(engine, alarm.lastSeen().toEpochMilli());
            if (alarm.isActive()) {
                rawAlarms.put(alarm.id(), alarm);
            } else {
                rawAlarms.remove(alarm.id());
            }
            Conclusions fromAlarm = engine.onAlarm(alarm);
            c = c.plus(fromAlarm);
            if (fromAlarm.alarms().stream().noneMatch(a -> a.id().equals(alarm.id()))) {
                c = c.plus(new Conclusions(List.of(alarm), List.of(), Map.of()));
            }
            ctx.timerService().registerEventTimeTimer(nextTick(alarm.lastSeen().toEpochMilli()));
        }
        emit(c, ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alarm> out) throws Exception {
        currentSite = ctx.getCurrentKey();
        SiteEngine engine = engine(currentSite, ctx.getBroadcastState(RULES), ctx, out);
        emit(advance(engine, timestamp), ctx, out);
        if (!rawAlarms.isEmpty()) {
            ctx.timerService().registerEventTimeTimer(timestamp + TICK_MS);
        }
    }

    @Override
    public void processBroadcastElement(RuleSetMessage rules, Context ctx, Collector<Alarm> out)
            throws Exception {
        BroadcastState<String, RuleSetMessage> state = ctx.getBroadcastState(RULES);
        RuleSetMessage previous = state.get(rules.name());
        if (!rules.deleted() && previous != null && previous.version() > rules.version()) {
            LOG.info(
                    "Rule set {} version {} ignored: version {} is newer",
                    rules.name(),
                    rules.version(),
                    previous.version());
            return;
        }
        Map<String, RuleSetMessage> next = new HashMap<>();
        for (Map.Entry<String, RuleSetMessage> e : state.immutableEntries()) {
            next.put(e.getKey(), e.getValue());
        }
        if (rules.deleted()) {
            next.remove(rules.name());
        } else {
            next.put(rules.name(), rules);
        }
        List<RuleSetMessage> ordered = ordered(next.values());
        for (Map.Entry<String, SiteEngine> e : engines.entrySet()) {
            try {
                e.getValue().load(ordered);
            } catch (InvalidRulesException ex) {
                rejectedRules.inc();
                LOG.error(
                        "Rule set {} version {} rejected, the rules in use stay: {}",
                        rules.name(),
                        rules.version(),
                        ex.getMessage());
                for (SiteEngine loaded : engines.values()) {
                    loadQuietly(loaded, ordered(state.immutableEntries()));
                }
                return;
            }
        }
        if (rules.deleted()) {
            state.remove(rules.name());
        } else {
            state.put(rules.name(), rules);
        }
        LOG.info(
                "Rule set {} version {} {} on {} site engine(s)",
                rules.name(),
                rules.version(),
                rules.deleted() ? "removed" : "loaded",
                engines.size());
    }

    private SiteEngine engine(
            String site,
            ReadOnlyBroadcastState<String, RuleSetMessage> rules,
            ReadOnlyContext ctx,
            Collector<Alarm> out)
            throws Exception {
        SiteEngine engine = engines.get(site);
        if (engine != null) {
            return engine;
        }
        Long time = engineTime.value();
        Instant start = time == null ? Instant.EPOCH : Instant.ofEpochMilli(time);
        List<RuleSetMessage> ruleSets = ordered(rules.immutableEntries());
        try {
            engine = factory.create(site, ruleSets, start);
        } catch (InvalidRulesException e) {
            rejectedRules.inc();
            LOG.error(
                    "The stored rule sets do not compile for site {}; using the standard library"
                            + " only: {}",
                    site,
                    e.getMessage());
            engine = factory.create(site, List.of(), start);
        }
        engines.put(site, engine);
        if (time == null && topology.isEmpty() && rawAlarms.isEmpty()) {
            return engine;
        }
        rebuilds.inc();
        Conclusions.Builder c = Conclusions.builder();
        List<TopologyChange> changes = new ArrayList<>();
        topology.values().forEach(changes::add);
        changes.sort(Comparator.comparing((TopologyChange ch) -> ch.entity() == null));
        for (TopologyChange change : changes) {
            if (deferred.contains(change.key())) {
                continue;
            }
            try {
                c.add(engine.apply(change));
            } catch (IllegalArgumentException refused) {
                LOG.warn(
                        "Topology change {} refused on rebuild of site {}: {}",
                        change.key(),
                        site,
                        refused.getMessage());
            }
        }
        List<Alarm> alarms = new ArrayList<>();
        rawAlarms.values().forEach(alarms::add);
        alarms.sort(Comparator.comparing(Alarm::lastSeen).thenComparing(Alarm::id));
        for (Alarm alarm : alarms) {
            c.add(engine.onAlarm(alarm));
        }
        LOG.info(
                "Rebuilt the engine of site {} from state: {} topology changes, {} active raw"
                        + " alarms",
                site,
                changes.size(),
                alarms.size());
        emit(c.build(), ctx, out);
        return engine;
    }

    /**
     * Applies a topology change to the state and the engine. A relationship the graph refuses (its
     * target is not in the site's graph yet: the two ends may reach this operator in either order)
     * is deferred and retried when an entity of the site is upserted.
     */
    private Conclusions applyChange(SiteEngine engine, TopologyChange change) throws Exception {
        String key = change.key();
        if (change.op() == TopologyChange.Op.DELETE) {
            topology.remove(key);
            if (deferred.contains(key)) {
                deferred.remove(key);
                return Conclusions.none();
            }
        } else {
            topology.put(key, change);
        }
        Conclusions c;
        try {
            c = engine.apply(change);
        } catch (IllegalArgumentException refused) {
            if (change.relationship() != null && change.op() == TopologyChange.Op.UPSERT) {
                deferred.put(key, change);
                LOG.debug("Relationship {} deferred: {}", key, refused.getMessage());
            } else {
                rejectedChanges.inc();
                LOG.warn(
                        "Topology change {} {} refused by the graph of site {}: {}",
                        change.op(),
                        key,
                        currentSite,
                        refused.getMessage());
            }
            return Conclusions.none();
        }
        deferred.remove(key);
        if (change.entity() != null
                && change.op() == TopologyChange.Op.UPSERT
                && !deferred.isEmpty()) {
            String id = change.entity().id();
            List<TopologyChange> ready = new ArrayList<>();
            for (TopologyChange d : deferred.values()) {
                if (d.relationship().source().equals(id) || d.relationship().target().equals(id)) {
                    ready.add(d);
                }
            }
            for (TopologyChange d : ready) {
                try {
                    c = c.plus(engine.apply(d));
                    deferred.remove(d.key());
                } catch (IllegalArgumentException stillRefused) {
                    LOG.debug(
                            "Relationship {} still deferred: {}",
                            d.key(),
                            stillRefused.getMessage());
                }
            }
        }
        return c;
    }

    private Conclusions advance(SiteEngine engine, long t) throws Exception {
        Long time = engineTime.value();
        if (time != null && t <= time) {
            return Conclusions.none();
        }
        engineTime.update(t);
        return engine.advanceTo(Instant.ofEpochMilli(t));
    }

    private void emit(Conclusions c, ReadOnlyContext ctx, Collector<Alarm> out) throws Exception {
        for (Alarm alarm : c.alarms()) {
            String signature = signature(alarm);
            if (!signature.equals(emittedAlarms.get(alarm.id()))) {
                emittedAlarms.put(alarm.id(), signature);
                out.collect(alarm);
            }
        }
        for (HealingAction action : c.actions()) {
            if (!emittedActions.contains(action.id())) {
                emittedActions.put(action.id(), Boolean.TRUE);
                ctx.output(ACTIONS, action);
            }
        }
        if (!c.stateChanges().isEmpty()) {
            Instant at =
                    Instant.ofEpochMilli(
                            ctx.timestamp() == null ? ctx.currentWatermark() : ctx.timestamp());
            String site = ctx.getCurrentKey();
            c.stateChanges()
                    .forEach(
                            (entity, state) ->
                                    ctx.output(STATES, new StateChange(entity, site, state, at)));
        }
    }

    /** What makes two transitions of one alarm differ for a reader of {@code aitia.alarms}. */
    static String signature(Alarm a) {
        return a.status()
                + "|"
                + a.severity().label()
                + "|"
                + a.rootCause()
                + "|"
                + String.join(",", a.causedBy().stream().sorted().toList());
    }

    private static long nextTick(long t) {
        return (t / TICK_MS + 1) * TICK_MS;
    }

    private static List<RuleSetMessage> ordered(Iterable<?> source) {
        List<RuleSetMessage> list = new ArrayList<>();
        for (Object o : source) {
            if (o instanceof RuleSetMessage r) {
                list.add(r);
            } else if (o instanceof Map.Entry<?, ?> e && e.getValue() instanceof RuleSetMessage r) {
                list.add(r);
            }
        }
        list.sort(Comparator.comparing(RuleSetMessage::name));
        return list;
    }

    private static void loadQuietly(SiteEngine engine, List<RuleSetMessage> rules) {
        try {
            engine.load(rules);
        } catch (InvalidRulesException e) {
            throw new IllegalStateException("rule sets that loaded before no longer load", e);
        }
    }
}
