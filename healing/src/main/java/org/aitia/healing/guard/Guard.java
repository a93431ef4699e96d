package org.aitia.healing.guard;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aitia.healing.GuardConfig;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard in front of every adapter. It decides, in this order: the allow and deny lists, the
 * dedupe window per (type, target), the storm guard (destructive actions are held and one alarm is
 * raised), approval mode (held), the rate limits (per target and global), and finally dry-run.
 * Idempotency by action id is the executor's business (it needs the durable journal).
 *
 * <p>Thread-safe: decisions are serialized; each takes microseconds.
 */
public final class Guard {
    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    private final GuardConfig config;
    private final boolean dryRun;
    private final Clock clock;
    private final AccessLists access;
    private final DedupeWindow dedupe;
    private final StormDetector storm;
    private final RateLimits rates;

    /**
     * @param config the guard's settings
     * @param dryRun when true every action that passes is a dry run
     * @param clock the wall clock of the rate limits
     */
    public Guard(GuardConfig config, boolean dryRun, Clock clock) {
        this.config = config;
        this.dryRun = dryRun;
        this.clock = clock;
        this.access = new AccessLists(config);
        this.dedupe = new DedupeWindow(config.dedupeWindow());
        this.storm = new StormDetector(config);
        this.rates = new RateLimits(config);
    }

    /** Whether the action type is destructive (held during a storm). */
    public boolean isDestructive(String type) {
        return config.destructiveTypes().contains(type);
    }

    /** Decides about {@code action}, which has never been decided before. */
    public synchronized Verdict decide(HealingAction action) {
        List<Alarm> alarms = new ArrayList<>(1);
        StormDetector.Assessment assessment = storm.observe(action);
        alarms.addAll(assessment.alarms());
        Optional<String> refused = access.refuse(action);
        if (refused.isPresent()) {
            return Verdict.of(Verdict.Kind.SUPPRESS, refused.get(), alarms);
        }
        Optional<String> duplicate = dedupe.check(action);
        if (duplicate.isPresent()) {
            return Verdict.of(Verdict.Kind.SUPPRESS, duplicate.get(), alarms);
        }
        if (assessment.storm().isPresent() && isDestructive(action.type())) {
            LOG.warn(
                    "Holding destructive action {} ({} on {}): storm, {}",
                    action.id(),
                    action.type(),
                    action.target(),
                    assessment.storm().get());
            return Verdict.of(
                    Verdict.Kind.HOLD,
                    "storm guard: "
                            + assessment.storm().get()
                            + "; suspected monitoring or network partition, waiting for an"
                            + " operator",
                    alarms);
        }
        if (config.approval() == GuardConfig.Approval.ALL
                || (config.approval() == GuardConfig.Approval.DESTRUCTIVE
                        && isDestructive(action.type()))) {
            return Verdict.of(
                    Verdict.Kind.HOLD,
                    "approval mode " + config.approval() + ": waiting for an operator",
                    alarms);
        }
        Optional<String> limited = rates.acquire(action, clock.instant());
        if (limited.isPresent()) {
            return Verdict.of(Verdict.Kind.SUPPRESS, limited.get(), alarms);
        }
        if (dryRun || action.dryRun()) {
            return Verdict.of(Verdict.Kind.DRY_RUN, null, alarms);
        }
        return Verdict.of(Verdict.Kind.EXECUTE, null, alarms);
    }

    /** Whether an approved action is still only a dry run. */
    public boolean isDryRun(HealingAction action) {
        return dryRun || action.dryRun();
    }
}
