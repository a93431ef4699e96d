package org.aitia.healing.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.aitia.model.HealingAction;

/**
 * Suppresses a second action of the same type on the same target within a window of event time (the
 * actions' {@code requestedAt}), so a replay decides as the live run did. Not thread-safe.
 */
final class DedupeWindow {
    private record Seen(String actionId, Instant at) {}

    private final Duration window;
    private final Map<String, Seen> seen = new HashMap<>();

    DedupeWindow(Duration window) {
        this.window = window;
    }

    /** Why {@code action} duplicates an earlier one, or empty (and it is remembered). */
    Optional<String> check(HealingAction action) {
        String key = action.type() + '\u0000' + action.target();
        Seen previous = seen.get(key);
        Instant at = action.requestedAt();
        if (previous != null
                && !previous.actionId().equals(action.id())
                && Duration.between(previous.at(), at).abs().compareTo(window) < 0) {
            return Optional.of(
                    "duplicate of "
                            + previous.actionId()
                            + " ("
                            + action.type()
                            + " on "
                            + action.target()
                            + ") within the dedupe window "
                            + window);
        }
        seen.put(key, new Seen(action.id(), at));
        if (seen.size() > 10_000) {
            seen.values().removeIf(s -> Duration.between(s.at(), at).compareTo(window) > 0);
        }
        return Optional.empty();
    }
}
