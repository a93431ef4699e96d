package org.aitia.healing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.aitia.healing.adapter.Adapter;
import org.aitia.healing.adapter.CallOutcome;
import org.aitia.healing.guard.Guard;
import org.aitia.healing.guard.Verdict;
import org.aitia.healing.journal.ActionJournal;
import org.aitia.model.ActionResult;
import org.aitia.model.ActionResult.Status;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes actions through the guard to the adapters, at most once per action id: an id the journal
 * knows is skipped (its outcome was already reported), the claims of a batch are on disk before any
 * VIM call, and the calls of a batch are all in flight at once. Every outcome goes to the {@link
 * OutcomeSink} and the journal. Held actions wait for {@link #approve(String)} or {@link
 * #reject(String, String)}.
 *
 * <p>Thread-safe.
 */
public final class HealingExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(HealingExecutor.class);

    private final Guard guard;
    private final ActionJournal journal;
    private final Map<String, Adapter> adapters;
    private final OutcomeSink sink;
    private final Clock clock;
    private final Map<String, ActionJournal.Held> pending = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<ActionResult>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param guard decides about each action
     * @param journal the durable record; its held actions become pending again
     * @param adapters the adapters, each registered for its {@link Adapter#types()}
     * @param sink where outcomes go
     * @param clock the wall clock of results
     */
    public HealingExecutor(
            Guard guard,
            ActionJournal journal,
            List<? extends Adapter> adapters,
            OutcomeSink sink,
            Clock clock) {
        this.guard = guard;
        this.journal = journal;
        this.sink = sink;
        this.clock = clock;
        Map<String, Adapter> byType = new HashMap<>();
        for (Adapter a : adapters) {
            for (String type : a.types()) {
                byType.put(type, a);
            }
        }
        this.adapters = Map.copyOf(byType);
        for (ActionJournal.Held h : journal.held()) {
            pending.put(h.action().id(), h);
        }
    }

    /**
     * Reports the actions an earlier run claimed but never saw answered: it stopped mid-call, so
     * whether the VIM acted is unknown. They are FAILED and never sent again (at most once).
     */
    public List<ActionResult> recoverInterrupted() {
        List<ActionResult> results = new ArrayList<>();
        for (HealingAction a : journal.interrupted()) {
            ActionResult r =
                    ActionResult.of(
                            a,
                            Status.FAILED,
                            "interrupted: the healing service stopped after claiming this action"
                                    + " and before the VIM answered; not sent again (at most"
                                    + " once), check the VIM",
                            1,
                            clock.instant());
            finish(a, r);
            results.add(r);
        }
        if (!results.isEmpty()) {
            LOG.warn(
                    "{} actions were interrupted by the last stop; reported FAILED",
                    results.size());
        }
        return results;
    }

    /** Takes one action; see {@link #submitAll(List)}. */
    public CompletableFuture<ActionResult> submit(HealingAction action) {
        return submitAll(List.of(action)).get(0);
    }

    /**
     * Takes a batch (one Kafka poll, or the actions of one incident): decides each through the
     * guard, claims the ones to send with one write to disk, then starts all their calls at once.
     * An action whose id was seen before yields its earlier outcome and is not reported again.
     *
     * @return one future per action, in order, completing with its outcome
     */
    public synchronized List<CompletableFuture<ActionResult>> submitAll(
            List<HealingAction> actions) {
        List<CompletableFuture<ActionResult>> futures = new ArrayList<>(actions.size());
        Map<HealingAction, CompletableFuture<ActionResult>> toSend = new LinkedHashMap<>();
        Set<String> inBatch = new HashSet<>();
        for (HealingAction action : actions) {
            if (!inBatch.add(action.id())
                    || journal.isKnown(action.id())
                    || isPending(action.id())) {
                LOG.info("Action {} was seen before: not executed again", action.id());
                CompletableFuture<ActionResult> running = inFlight.get(action.id());
                futures.add(
                        running != null
                                ? running
                                : CompletableFuture.completedFuture(earlier(action)));
                continue;
            }
            Verdict verdict = guard.decide(action);
            verdict.alarms().forEach(this::alarm);
            CompletableFuture<ActionResult> future =
                    switch (verdict.kind()) {
                        case SUPPRESS -> done(action, Status.SUPPRESSED, verdict.reason());
                        case DRY_RUN -> done(action, Status.DRY_RUN, null);
                        case HOLD -> hold(action, verdict.reason());
                        case EXECUTE -> {
                            CompletableFuture<ActionResult> f = new CompletableFuture<>();
                            toSend.put(action, f);
                            yield f;
                        }
                    };
            futures.add(future);
        }
        send(toSend);
        return futures;
    }

    /** The actions waiting for an operator, oldest first. */
    public synchronized List<ActionJournal.Held> pending() {
        return List.copyOf(pending.values());
    }

    /**
     * An operator approves a held action: it is sent (or recorded as a dry run in dry-run mode)
     * without the rate limits.
     *
     * @throws NoSuchElementException when no action {@code actionId} is held
     */
    public CompletableFuture<ActionResult> approve(String actionId) {
        ActionJournal.Held held = takePending(actionId);
        LOG.info("Operator approved held action {} ({})", actionId, held.action().type());
        if (guard.isDryRun(held.action())) {
            return done(held.action(), Status.DRY_RUN, "approved by an operator; dry-run");
        }
        CompletableFuture<ActionResult> f = new CompletableFuture<>();
        send(Map.of(held.action(), f));
        return f;
    }

    /**
     * An operator rejects a held action: it is SUPPRESSED with the reason.
     *
     * @throws NoSuchElementException when no action {@code actionId} is held
     */
    public ActionResult reject(String actionId, String reason) {
        ActionJournal.Held held = takePending(actionId);
        String why =
                "rejected by an operator"
                        + (reason == null || reason.isBlank() ? "" : ": " + reason);
        LOG.info("Operator rejected held action {}: {}", actionId, why);
        return done(held.action(), Status.SUPPRESSED, why).join();
    }

    /** Waits for the calls in flight; for a clean stop. */
    public void awaitInFlight(java.time.Duration timeout) {
        CompletableFuture<?>[] all = inFlight.values().toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all)
                    .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn(
                    "{} VIM calls still in flight after {}; their claims stay in the journal",
                    inFlight.size(),
                    timeout);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a VIM call failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Map<HealingAction, CompletableFuture<ActionResult>> toSend) {
        if (toSend.isEmpty()) {
            return;
        }
        journal.claimAll(toSend.keySet());
        toSend.forEach(
                (action, future) -> {
                    inFlight.put(action.id(), future);
                    future.whenComplete((r, e) -> inFlight.remove(action.id()));
                    call(action)
                            .whenComplete(
                                    (outcome, error) -> {
                                        ActionResult r =
                                                error == null
                                                        ? resultOf(action, outcome)
                                                        : ActionResult.of(
                                                                action,
                                                                Status.FAILED,
                                                                "internal error: " + error,
                                                                1,
                                                                clock.instant());
                                        finish(action, r);
                                        future.complete(r);
                                    });
                });
    }

    private CompletableFuture<CallOutcome> call(HealingAction action) {
        Adapter adapter = adapters.get(action.type());
        if (adapter == null) {
            return CompletableFuture.completedFuture(
                    CallOutcome.failed(
                            0,
                            "no adapter carries out "
                                    + action.type()
                                    + "; known types: "
                                    + new TreeSet<>(adapters.keySet())));
        }
        try {
            return adapter.execute(action);
        } catch (RuntimeException e) {
            LOG.warn("Action {} is invalid: {}", action.id(), e.getMessage());
            return CompletableFuture.completedFuture(
                    CallOutcome.failed(0, "invalid action: " + e.getMessage()));
        }
    }

    private ActionResult resultOf(HealingAction action, CallOutcome outcome) {
        if (outcome.sent()) {
            LOG.info(
                    "Action {} {} on {}: {}",
                    action.id(),
                    action.type(),
                    action.target(),
                    outcome.detail());
            return ActionResult.of(
                    action, Status.SENT, outcome.detail(), outcome.attempts(), clock.instant());
        }
        LOG.warn(
                "Action {} {} on {} FAILED: {}",
                action.id(),
                action.type(),
                action.target(),
                outcome.detail());
        return ActionResult.of(
                action, Status.FAILED, outcome.detail(), outcome.attempts(), clock.instant());
    }

    private CompletableFuture<ActionResult> done(HealingAction action, Status status, String why) {
        ActionResult r = ActionResult.of(action, status, why, 0, clock.instant());
        if (status == Status.SUPPRESSED) {
            LOG.info(
                    "Action {} {} on {} SUPPRESSED: {}",
                    action.id(),
                    action.type(),
                    action.target(),
                    why);
        }
        finish(action, r);
        return CompletableFuture.completedFuture(r);
    }

    private CompletableFuture<ActionResult> hold(HealingAction action, String why) {
        journal.hold(action, why);
        synchronized (this) {
            pending.put(action.id(), new ActionJournal.Held(action, why));
        }
        ActionResult r = ActionResult.of(action, Status.HELD, why, 0, clock.instant());
        sink.result(action, r);
        return CompletableFuture.completedFuture(r);
    }

    private void finish(HealingAction action, ActionResult r) {
        journal.outcome(r);
        sink.result(action, r);
    }

    private void alarm(Alarm alarm) {
        LOG.warn(
                "Guard {} alarm {} on site {}: {}",
                alarm.isActive() ? "raises" : "clears",
                alarm.id(),
                alarm.site(),
                alarm.name());
        sink.alarm(alarm);
    }

    private synchronized boolean isPending(String actionId) {
        return pending.containsKey(actionId);
    }

    private synchronized ActionJournal.Held takePending(String actionId) {
        ActionJournal.Held held = pending.remove(actionId);
        if (held == null) {
            throw new NoSuchElementException("no action " + actionId + " is held");
        }
        return held;
    }

    private ActionResult earlier(HealingAction action) {
        return journal.outcome(action.id())
                .orElseGet(
                        () -> {
                            ActionJournal.Held held;
                            synchronized (this) {
                                held = pending.get(action.id());
                            }
                            if (held != null) {
                                return ActionResult.of(
                                        action, Status.HELD, held.reason(), 0, clock.instant());
                            }
                            // claimed by a run that stopped mid-call; recoverInterrupted reports it
                            return ActionResult.of(
                                    action,
                                    Status.FAILED,
                                    "interrupted: claimed by an earlier run that stopped before"
                                            + " the VIM answered; not sent again",
                                    1,
                                    clock.instant());
                        });
    }
}
