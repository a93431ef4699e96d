package org.aitia.healing.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** At most {@code limit} admissions within any {@code window}. Not thread-safe. */
final class SlidingWindowLimit {
    private final int limit;
    private final Duration window;
    private final Deque<Instant> admitted = new ArrayDeque<>();

    SlidingWindowLimit(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Whether one more admission at {@code now} stays within the limit. */
    boolean hasRoom(Instant now) {
        Instant oldest = now.minus(window);
        while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(oldest)) {
            admitted.pollFirst();
        }
        return admitted.size() < limit;
    }

    void admit(Instant now) {
        admitted.addLast(now);
    }

    boolean isIdle(Instant now) {
        hasRoom(now);
        return admitted.isEmpty();
    }
}
