package org.aitia.healing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aitia.model.ActionResult;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;

/** Keeps what the executor reports, in order (the Kafka sink is exercised by the IT). */
final class RecordingSink implements OutcomeSink {
    final List<ActionResult> results = new CopyOnWriteArrayList<>();
    final List<Alarm> alarms = new CopyOnWriteArrayList<>();

    @Override
    public void result(HealingAction action, ActionResult result) {
        results.add(result);
    }

    @Override
    public void alarm(Alarm alarm) {
        alarms.add(alarm);
    }
}
