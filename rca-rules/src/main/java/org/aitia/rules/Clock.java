package org.aitia.rules;

/**
 * Which clock an {@link RcaEngine} decides by.
 *
 * <ul>
 *   <li>{@link #PSEUDO}: event time. The clock moves only forward, to the time of each alarm and
 *       topology change and on {@link RcaEngine#advanceTo}; a replay at any speed reaches the same
 *       conclusions. The default for the streaming job and for tests.
 *   <li>{@link #REAL}: the JVM's wall clock; {@code advanceTo} only re-evaluates time-based rules
 *       against the wall clock.
 * </ul>
 */
public enum Clock {
    PSEUDO,
    REAL
}
