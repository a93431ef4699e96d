package org.aitia.streaming.functions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aitia.model.Entity;
import org.aitia.model.TelemetryEvent;
import org.aitia.streaming.types.JsonTypeInfo;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the entity a telemetry event names (keyed by that reference) against the topology's
 * index of ids and names: first by id, then by name. An event about an entity the topology does not
 * know yet waits up to {@code graceMs} of processing time for it (the topology topic and the
 * telemetry topic are read concurrently); after that it is resolved to itself, in site {@code
 * default}, and counted as {@code unresolvedEvents}. Nothing is dropped.
 */
public final class ResolveEntity
        extends KeyedCoProcessFunction<String, TelemetryEvent, EntityIndexEntry, ResolvedEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ResolveEntity.class);

    private final long graceMs;

    private transient ValueState<EntityIndexEntry> byId;
    private transient ValueState<EntityIndexEntry> byName;
    private transient ListState<TelemetryEvent> pending;
    private transient ValueState<Long> pendingTimer;
    private transient Counter unresolved;

    /**
     * @param graceMs how long an unknown reference waits for the topology, in processing time
     */
    public ResolveEntity(long graceMs) {
        if (graceMs < 0) {
            throw new IllegalArgumentException("graceMs must be >= 0 but was " + graceMs);
        }
        this.graceMs = graceMs;
    }

    @Override
    public void open(OpenContext openContext) {
        byId =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "by-id", JsonTypeInfo.of(EntityIndexEntry.class)));
        byName =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "by-name", JsonTypeInfo.of(EntityIndexEntry.class)));
        pending =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "pending", JsonTypeInfo.of(TelemetryEvent.class)));
        pendingTimer =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("pending-timer", Types.LONG));
        unresolved = getRuntimeContext().getMetricGroup().counter("unresolvedEvents");
    }

    @Override
    public void processElement1(TelemetryEvent event, Context ctx, Collector<ResolvedEvent> out)
            throws Exception {
        EntityIndexEntry match = match();
        if (match != null) {
            out.collect(resolved(event, match));
            return;
        }
        if (graceMs == 0) {
            out.collect(unresolved(event));
            return;
        }
        pending.add(event);
        if (pendingTimer.value() == null) {
            long at = ctx.timerService().currentProcessingTime() + graceMs;
            ctx.timerService().registerProcessingTimeTimer(at);
            pendingTimer.update(at);
        }
    }

    @Override
    public void processElement2(EntityIndexEntry entry, Context ctx, Collector<ResolvedEvent> out)
            throws Exception {
        ValueState<EntityIndexEntry> slot = entry.byId() ? byId : byName;
        if (entry.deleted()) {
            EntityIndexEntry current = slot.value();
            if (current != null && current.entityId().equals(entry.entityId())) {
                slot.clear();
                if (entry.byId()) {
                    out.collect(deletion(entry, ctx));
                }
            }
            return;
        }
        slot.update(entry);
        Long timer = pendingTimer.value();
        if (timer != null) {
            EntityIndexEntry match = match();
            for (TelemetryEvent event : pending.get()) {
                out.collect(resolved(event, match));
            }
            pending.clear();
            ctx.timerService().deleteProcessingTimeTimer(timer);
            pendingTimer.clear();
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ResolvedEvent> out)
            throws Exception {
        List<TelemetryEvent> waiting = new ArrayList<>();
        pending.get().forEach(waiting::add);
        if (!waiting.isEmpty()) {
            LOG.warn(
                    "The topology does not know entity '{}' after {} ms: {} event(s) are resolved"
                            + " to it as is, in site '{}'",
                    ctx.getCurrentKey(),
                    graceMs,
                    waiting.size(),
                    Entity.DEFAULT_SITE);
        }
        for (TelemetryEvent event : waiting) {
            out.collect(unresolved(event));
        }
        pending.clear();
        pendingTimer.clear();
    }

    /**
     * The notice to {@link DetectFunction} that the entity is gone, at the deletion's event time
     * (the watermark when the record carries none): its alarms clear there.
     */
    private static ResolvedEvent deletion(EntityIndexEntry entry, Context ctx) {
        Long ts = ctx.timestamp();
        long at = ts != null ? ts : Math.max(0, ctx.timerService().currentWatermark());
        TelemetryEvent notice =
                TelemetryEvent.state(
                        entry.entityId(),
                        DetectFunction.ENTITY_DELETED,
                        "deleted",
                        Instant.ofEpochMilli(at),
                        DetectFunction.ENTITY_DELETED_SOURCE);
        return new ResolvedEvent(notice, entry.entityId(), entry.entityType(), entry.site(), true);
    }

    private EntityIndexEntry match() throws Exception {
        EntityIndexEntry id = byId.value();
        return id != null ? id : byName.value();
    }

    private static ResolvedEvent resolved(TelemetryEvent event, EntityIndexEntry match) {
        String type = match.entityType() != null ? match.entityType() : event.entityType();
        return new ResolvedEvent(event, match.entityId(), type, match.site(), true);
    }

    private ResolvedEvent unresolved(TelemetryEvent event) {
        unresolved.inc();
        return new ResolvedEvent(
                event, event.entityRef(), event.entityType(), Entity.DEFAULT_SITE, false);
    }
}
