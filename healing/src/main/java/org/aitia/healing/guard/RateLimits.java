package org.aitia.healing.guard;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.aitia.healing.GuardConfig;
import org.aitia.model.HealingAction;

/**
 * Rate limits per target and over all targets, on the wall clock: they protect the VIM from load,
 * which is real time even during a fast replay. Not thread-safe.
 */
final class RateLimits {
    private final GuardConfig config;
    private final SlidingWindowLimit global;
    private final Map<String, SlidingWindowLimit> perTarget = new HashMap<>();

    RateLimits(GuardConfig config) {
        this.config = config;
        this.global = new SlidingWindowLimit(config.globalLimit(), config.globalWindow());
    }

    /** Takes a slot for {@code action}, or says why there is none. */
    Optional<String> acquire(HealingAction action, Instant now) {
        SlidingWindowLimit target =
                perTarget.computeIfAbsent(
                        action.target(),
                        t ->
                                new SlidingWindowLimit(
                                        config.perTargetLimit(), config.perTargetWindow()));
        if (!target.hasRoom(now)) {
            return Optional.of(
                    "rate limit: target "
                            + action.target()
                            + " already had "
                            + config.perTargetLimit()
                            + " actions within "
                            + config.perTargetWindow());
        }
        if (!global.hasRoom(now)) {
            return Optional.of(
                    "rate limit: "
                            + config.globalLimit()
                            + " actions in all within "
                            + config.globalWindow());
        }
        target.admit(now);
        global.admit(now);
        if (perTarget.size() > 10_000) {
            perTarget.values().removeIf(l -> l.isIdle(now));
        }
        return Optional.empty();
    }
}
