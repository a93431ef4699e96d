package org.aitia.app.replay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aitia.model.ActionResult;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;

/**
 * What the pipeline concluded during one incident, as read from its output topics: the latest
 * version of every alarm, every action with its latest result, the final entity states, and the
 * wall-clock instants at which each appeared (for latency). Not thread-safe: one consumer thread
 * feeds it.
 */
public final class Observations {
    private final Map<String, Alarm> alarms = new LinkedHashMap<>();
    private final Map<String, Long> alarmSeenNanos = new LinkedHashMap<>();
    private final Map<String, HealingAction> actions = new LinkedHashMap<>();
    private final Map<String, Long> actionSeenNanos = new LinkedHashMap<>();
    private final Map<String, ActionResult> results = new LinkedHashMap<>();
    private final Map<String, String> states = new LinkedHashMap<>();

    /** Records an alarm transition seen at wall-clock {@code nanos} (System.nanoTime). */
    public void alarm(Alarm alarm, long nanos) {
        Alarm previous = alarms.put(alarm.id(), alarm);
        if (alarm.rootCause() && (previous == null || !previous.rootCause())) {
            alarmSeenNanos.put(alarm.id(), nanos);
        } else {
            alarmSeenNanos.putIfAbsent(alarm.id(), nanos);
        }
    }

    public void action(HealingAction action, long nanos) {
        if (actions.putIfAbsent(action.id(), action) == null) {
            actionSeenNanos.put(action.id(), nanos);
        }
    }

    public void result(ActionResult result) {
        results.put(result.actionId(), result);
    }

    public void state(String entity, String state) {
        states.put(entity, state);
    }

    public Collection<Alarm> alarms() {
        return alarms.values();
    }

    public Alarm alarm(String id) {
        return alarms.get(id);
    }

    /** Alarms whose latest version is a root cause, in the order they appeared. */
    public List<Alarm> rootCauses() {
        List<Alarm> out = new ArrayList<>();
        for (Alarm a : alarms.values()) {
            if (a.rootCause()) {
                out.add(a);
            }
        }
        return out;
    }

    public Collection<HealingAction> actions() {
        return actions.values();
    }

    /** The latest result of an action, or null while none arrived. */
    public ActionResult resultOf(String actionId) {
        return results.get(actionId);
    }

    public Map<String, String> states() {
        return states;
    }

    /** Wall-clock nanos at which the alarm first appeared (as a root cause when it is one). */
    public Long alarmSeenNanos(String id) {
        return alarmSeenNanos.get(id);
    }

    public Long actionSeenNanos(String id) {
        return actionSeenNanos.get(id);
    }

    /**
     * True when an action was issued: it reached the VIM, or would have in dry-run, or was
     * attempted and failed. Held and suppressed actions were not issued. An action without a result
     * yet counts as issued only when {@code withoutExecutor} (no healing executor runs).
     */
    public boolean issued(HealingAction action, boolean withoutExecutor) {
        ActionResult r = results.get(action.id());
        if (r == null) {
            return withoutExecutor;
        }
        return r.status() == ActionResult.Status.SENT
                || r.status() == ActionResult.Status.DRY_RUN
                || r.status() == ActionResult.Status.FAILED;
    }
}
