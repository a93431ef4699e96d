package org.aitia.streaming.functions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aitia.model.Alarm;
import org.aitia.model.Json;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.aitia.streaming.StreamingConfig.DetectConfig;
import org.aitia.streaming.ThresholdRule;
import org.aitia.streaming.types.JsonTypeInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detection, keyed by entity id: turns telemetry into raw alarm transitions.
 *
 * <ul>
 *   <li>A fault raises (any severity but OK) or clears (OK) the alarm {@code (source, entity,
 *       name)}; a state event raises it when its state is a problem state and clears it when it is
 *       a good one.
 *   <li>A repeated raise with the same severity is deduplicated ({@code dedupedRaises}); a new
 *       severity is an update.
 *   <li>Flap suppression: the {@code flapCount}-th raise within {@code flapWindowMs} replaces the
 *       alarm by one {@code "<name> flapping"} alarm; further transitions are absorbed ({@code
 *       flapSuppressed}) until the alarm has been quiet for a window, when the flapping alarm
 *       clears and the alarm takes the state it last had.
 *   <li>Metric samples go through the threshold rules: in breach for {@code forMs} of event time
 *       (an event-time timer) raises; clearing needs the value past the clear value.
 *   <li>Out of order: an event older than the latest one applied to the same alarm is stale and is
 *       not applied ({@code outOfOrderEvents}). Late: an event behind the watermark is counted
 *       ({@code lateEvents}), copied to {@link #LATE}, and applied unless stale.
 * </ul>
 *
 * Raises are emitted at once, without waiting for the watermark: latency matters more than the
 * order of two alarms of different entities.
 */
public final class DetectFunction extends KeyedProcessFunction<String, ResolvedEvent, Alarm> {
    private static final long serialVersionUID = 1L;

    /** Events that arrived behind the watermark. */
    public static final OutputTag<TelemetryEvent> LATE =
            new OutputTag<>("late-telemetry", JsonTypeInfo.of(TelemetryEvent.class));

    /** The suffix of flapping alarms' names. */
    public static final String FLAPPING = " flapping";

    private final DetectConfig config;

    /** The telemetry name of a heartbeat (VES heartbeat domain). */
    public static final String HEARTBEAT = "heartbeat";

    /**
     * The state event {@link ResolveEntity} sends when the topology deletes an entity: every alarm
     * this function raised on it clears, and what it tracked for the entity is forgotten (an alarm
     * on a resource that no longer exists explains nothing; Vitrage drops them too).
     */
    public static final String ENTITY_DELETED = "aitia.entityDeleted";

    /** The source of {@link #ENTITY_DELETED} events: the job itself, never a listener. */
    public static final String ENTITY_DELETED_SOURCE = "aitia-topology";

    private static final Logger LOG = LoggerFactory.getLogger(DetectFunction.class);

    /** The alarm raised when heartbeats stop. */
    public static final String HEARTBEAT_MISSED = "heartbeatMissed";

    /** Heartbeat intervals without a beat before the alarm (ONAP's heartbeat service uses 3). */
    public static final long MISSED_INTERVALS = 3;

    /** The interval assumed when a heartbeat does not state its own. */
    public static final long DEFAULT_HEARTBEAT_INTERVAL_MS = 60_000;

    private static final String HB_LAST = "hb.last";
    private static final String HB_DEADLINE = "hb.deadline";
    private static final String HB_SOURCE = "hb.source";
    private static final String HB_MISSED = "hb.missed";

    private transient MapState<String, AlarmTrack> alarms;
    private transient MapState<String, ThresholdTrack> thresholds;
    private transient MapState<String, String> identity;
    private transient Counter late;
    private transient Counter outOfOrder;
    private transient Counter deduped;
    private transient Counter flapSuppressed;
    private transient Counter unknownStates;
    private transient Counter deletedClears;

    public DetectFunction(DetectConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext openContext) {
        alarms =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "alarms", Types.STRING, JsonTypeInfo.of(AlarmTrack.class)));
        thresholds =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "thresholds",
                                        Types.STRING,
                                        JsonTypeInfo.of(ThresholdTrack.class)));
        identity =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("identity", Types.STRING, Types.STRING));
        var metrics = getRuntimeContext().getMetricGroup();
        late = metrics.counter("lateEvents");
        outOfOrder = metrics.counter("outOfOrderEvents");
        deduped = metrics.counter("dedupedRaises");
        flapSuppressed = metrics.counter("flapSuppressed");
        unknownStates = metrics.counter("unknownStates");
        deletedClears = metrics.counter("clearedByDeletion");
    }

    @Override
    public void processElement(ResolvedEvent in, Context ctx, Collector<Alarm> out)
            throws Exception {
        TelemetryEvent e = in.event();
        long t = e.eventTime().toEpochMilli();
        if (t < ctx.timerService().currentWatermark()) {
            late.inc();
            ctx.output(LATE, e);
        }
        identity.put("site", in.site());
        switch (e.kind()) {
            case FAULT -> transition(in, e.isClear() ? null : e.severity(), t, ctx, out);
            case STATE -> {
                String s = e.state().trim().toLowerCase(Locale.ROOT);
                if (e.name().equals(ENTITY_DELETED) && e.source().equals(ENTITY_DELETED_SOURCE)) {
                    entityDeleted(in, out);
                } else if (e.name().equals(HEARTBEAT)) {
                    heartbeat(in, t, ctx, out);
                } else if (config.problemStates().contains(s)) {
                    transition(in, Severity.CRITICAL, t, ctx, out);
                } else if (config.goodStates().contains(s)) {
                    transition(in, null, t, ctx, out);
                } else {
                    unknownStates.inc();
                }
            }
            case METRIC -> {
                for (ThresholdRule rule : config.thresholds()) {
                    if (rule.appliesTo(e.name(), in.entityType())) {
                        sample(rule, in, e.value(), t, ctx, out);
                    }
                }
            }
        }
    }

    /** Clears every active alarm of the deleted entity and forgets its tracks. */
    private void entityDeleted(ResolvedEvent in, Collector<Alarm> out) throws Exception {
        Instant at = in.event().eventTime();
        int cleared = 0;
        for (Map.Entry<String, AlarmTrack> entry : alarms.entries()) {
            AlarmTrack track = entry.getValue();
            if (track.emitted() != null && track.emitted().isActive()) {
                out.collect(track.emitted().cleared(at));
                cleared++;
            }
            if (track.flapping()) {
                out.collect(flappingCleared(entry.getKey(), in.entityId(), in.site(), track, at));
                cleared++;
            }
        }
        for (ThresholdTrack track : thresholds.values()) {
            if (track.active()) {
                out.collect(track.emitted().cleared(at));
                cleared++;
            }
        }
        String missed = identity.get(HB_MISSED);
        if (missed != null) {
            out.collect(Json.read(missed, Alarm.class).cleared(at));
            cleared++;
        }
        alarms.clear();
        thresholds.clear();
        identity.clear();
        deletedClears.inc(cleared);
        if (cleared > 0) {
            LOG.info(
                    "Entity {} was deleted from the topology: {} of its alarm(s) cleared",
                    in.entityId(),
                    cleared);
        }
    }

    /**
     * A heartbeat: clears a "heartbeat missed" alarm and sets the event-time deadline by which the
     * next must arrive ({@link #MISSED_INTERVALS} intervals of the {@code heartbeatInterval} label,
     * in seconds; {@link #DEFAULT_HEARTBEAT_INTERVAL_MS} without it).
     */
    private void heartbeat(ResolvedEvent in, long t, Context ctx, Collector<Alarm> out)
            throws Exception {
        String last = identity.get(HB_LAST);
        if (last != null && t < Long.parseLong(last)) {
            outOfOrder.inc();
            return;
        }
        long interval = DEFAULT_HEARTBEAT_INTERVAL_MS;
        String label = in.event().labels().get("heartbeatInterval");
        if (label != null) {
            try {
                interval = Math.max(1, Long.parseLong(label.trim())) * 1000L;
            } catch (NumberFormatException ex) {
                unknownStates.inc(); // counted; the default interval applies
            }
        }
        String missed = identity.get(HB_MISSED);
        if (missed != null) {
            out.collect(Json.read(missed, Alarm.class).cleared(in.event().eventTime()));
            identity.remove(HB_MISSED);
        }
        long deadline = t + MISSED_INTERVALS * interval;
        identity.put(HB_LAST, Long.toString(t));
        identity.put(HB_SOURCE, in.event().source());
        identity.put(HB_DEADLINE, Long.toString(deadline));
        ctx.timerService().registerEventTimeTimer(deadline);
    }

    private void heartbeatDeadline(long timestamp, String entity, String site, Collector<Alarm> out)
            throws Exception {
        String deadline = identity.get(HB_DEADLINE);
        if (deadline == null
                || identity.contains(HB_MISSED)
                || Long.parseLong(deadline) > timestamp) {
            return;
        }
        Alarm missed =
                Alarm.raised(
                        identity.get(HB_SOURCE),
                        entity,
                        site,
                        HEARTBEAT_MISSED,
                        Severity.CRITICAL,
                        Instant.ofEpochMilli(Long.parseLong(deadline)));
        identity.put(HB_MISSED, Json.write(missed));
        out.collect(missed);
    }

    /** Applies a raise ({@code severity} non-null) or a clear ({@code null}). */
    private void transition(
            ResolvedEvent in, Severity severity, long t, Context ctx, Collector<Alarm> out)
            throws Exception {
        TelemetryEvent e = in.event();
        String key = "f|" + e.source() + "|" + e.name();
        AlarmTrack track = alarms.contains(key) ? alarms.get(key) : AlarmTrack.empty();
        if (t < track.lastEventMs()) {
            outOfOrder.inc();
            return;
        }
        boolean raise = severity != null;
        Instant at = e.eventTime();
        Alarm emitted = track.emitted();
        boolean wasDown = track.down();
        List<Long> raises = new ArrayList<>(track.raises());
        boolean flapping = track.flapping();
        long lastTransition = track.lastTransitionMs();
        if (raise && !wasDown) {
            raises.removeIf(r -> r <= t - config.flapWindowMs());
            raises.add(t);
            lastTransition = t;
        } else if (!raise && wasDown) {
            lastTransition = t;
        }
        if (flapping) {
            flapSuppressed.inc();
        } else if (raise && !wasDown && raises.size() >= config.flapCount()) {
            flapping = true;
            if (emitted != null && emitted.isActive()) {
                emitted = emitted.cleared(at);
                out.collect(emitted);
            }
            out.collect(flappingAlarm(in, severity, at));
        } else if (raise) {
            if (emitted != null && emitted.isActive() && emitted.severity() == severity) {
                deduped.inc();
            } else if (emitted != null && emitted.isActive()) {
                emitted = emitted.updated(severity, at);
                out.collect(withOriginal(emitted, e));
            } else {
                emitted =
                        Alarm.raised(e.source(), in.entityId(), in.site(), e.name(), severity, at);
                out.collect(withOriginal(emitted, e));
            }
        } else if (emitted != null && emitted.isActive()) {
            emitted = emitted.cleared(at);
            out.collect(emitted);
        }
        if (flapping) {
            ctx.timerService().registerEventTimeTimer(lastTransition + config.flapWindowMs());
        }
        alarms.put(
                key,
                new AlarmTrack(
                        emitted,
                        t,
                        raises,
                        flapping,
                        raise,
                        raise ? severity : track.severity(),
                        lastTransition));
    }

    private void sample(
            ThresholdRule rule,
            ResolvedEvent in,
            double value,
            long t,
            Context ctx,
            Collector<Alarm> out)
            throws Exception {
        String key = "t|" + rule.key();
        ThresholdTrack track =
                thresholds.contains(key) ? thresholds.get(key) : ThresholdTrack.empty();
        if (t < track.lastSampleMs()) {
            outOfOrder.inc();
            return;
        }
        Long since = track.breachSince();
        Alarm emitted = track.emitted();
        if (rule.breached(value)) {
            if (since == null) {
                since = t;
            }
            if (!track.active()) {
                if (t - since >= rule.forMs()) {
                    emitted = raiseThreshold(rule, in.entityId(), in.site(), since + rule.forMs());
                    out.collect(emitted);
                } else {
                    ctx.timerService().registerEventTimeTimer(since + rule.forMs());
                }
            }
        } else if (track.active()) {
            if (rule.cleared(value)) {
                emitted = emitted.cleared(Instant.ofEpochMilli(t));
                out.collect(emitted);
                since = null;
            }
        } else {
            since = null;
        }
        thresholds.put(key, new ThresholdTrack(since, t, emitted));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alarm> out) throws Exception {
        String entity = ctx.getCurrentKey();
        String site = identity.get("site");
        heartbeatDeadline(timestamp, entity, site, out);
        for (ThresholdRule rule : config.thresholds()) {
            String key = "t|" + rule.key();
            ThresholdTrack track = thresholds.get(key);
            if (track != null
                    && !track.active()
                    && track.breachSince() != null
                    && track.breachSince() + rule.forMs() <= timestamp) {
                Alarm raised =
                        raiseThreshold(rule, entity, site, track.breachSince() + rule.forMs());
                out.collect(raised);
                thresholds.put(
                        key, new ThresholdTrack(track.breachSince(), track.lastSampleMs(), raised));
            }
        }
        List<Map.Entry<String, AlarmTrack>> ending = new ArrayList<>();
        for (Map.Entry<String, AlarmTrack> entry : alarms.entries()) {
            AlarmTrack track = entry.getValue();
            if (track.flapping() && track.lastTransitionMs() + config.flapWindowMs() <= timestamp) {
                ending.add(entry);
            }
        }
        for (Map.Entry<String, AlarmTrack> entry : ending) {
            AlarmTrack track = entry.getValue();
            String[] parts = entry.getKey().split("\\|", 3);
            String source = parts[1];
            String name = parts[2];
            Instant at = Instant.ofEpochMilli(timestamp);
            out.collect(flappingCleared(entry.getKey(), entity, site, track, at));
            Alarm emitted = track.emitted();
            if (track.down()) {
                emitted = Alarm.raised(source, entity, site, name, track.severity(), at);
                out.collect(emitted);
            }
            alarms.put(
                    entry.getKey(),
                    new AlarmTrack(
                            emitted,
                            track.lastEventMs(),
                            List.of(),
                            false,
                            track.down(),
                            track.severity(),
                            track.lastTransitionMs()));
        }
    }

    /** The clear of the flapping alarm of the track under {@code key} ({@code f|source|name}). */
    private static Alarm flappingCleared(
            String key, String entity, String site, AlarmTrack track, Instant at) {
        String[] parts = key.split("\\|", 3);
        return Alarm.raised(parts[1], entity, site, parts[2] + FLAPPING, track.severity(), at)
                .cleared(at);
    }

    private static Alarm flappingAlarm(ResolvedEvent in, Severity severity, Instant at) {
        TelemetryEvent e = in.event();
        return Alarm.raised(
                e.source(), in.entityId(), in.site(), e.name() + FLAPPING, severity, at);
    }

    private static Alarm raiseThreshold(ThresholdRule rule, String entity, String site, long at) {
        return Alarm.raised(
                ThresholdRule.SOURCE,
                entity,
                site,
                rule.alarm(),
                rule.severity(),
                Instant.ofEpochMilli(at));
    }

    private static Alarm withOriginal(Alarm alarm, TelemetryEvent e) {
        return e.originalSeverity() == null
                ? alarm
                : alarm.withOriginalSeverity(e.originalSeverity());
    }
}
