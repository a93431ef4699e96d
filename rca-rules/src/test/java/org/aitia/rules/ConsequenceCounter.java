package org.aitia.rules;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the runs of a test rule's consequence (DRL calls {@link #count()}). */
public final class ConsequenceCounter {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private ConsequenceCounter() {}

    /** Called from a rule's consequence. */
    public static void count() {
        COUNT.incrementAndGet();
    }

    static int get() {
        return COUNT.get();
    }

    static void reset() {
        COUNT.set(0);
    }
}
