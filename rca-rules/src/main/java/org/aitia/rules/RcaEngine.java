package org.aitia.rules;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.TopologyChange;
import org.aitia.rules.facts.ActionRequest;
import org.aitia.rules.facts.AlarmFact;
import org.aitia.rules.facts.CausalLink;
import org.aitia.rules.facts.EntityState;
import org.aitia.rules.facts.Now;
import org.aitia.rules.internal.FactTracker;
import org.aitia.rules.internal.JoinMemoryPrimer;
import org.aitia.rules.internal.RuleCompiler;
import org.aitia.rules.internal.TopologyFacts;
import org.aitia.topology.EntityGraph;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root-cause engine of one site: a Drools session in STREAM mode over the site's topology (a
 * {@code Node} fact per entity, a {@code Link} fact per relationship, kept equal to the {@link
 * EntityGraph}) and its active raw alarms. Rules conclude deduced alarms, causal links, entity
 * states and healing-action requests, all inserted logically: when a cause clears, what it
 * justified is retracted (Vitrage's do/undo).
 *
 * <p>An alarm is a root cause when no active alarm causes it. Deduced alarm ids and action ids are
 * deterministic, so replaying the topology and the active raw alarms into a fresh engine gives the
 * same alarms, causes and states (the actions it asks for again carry the same ids, which the
 * healing guard executes at most once).
 *
 * <p>Not thread-safe: one engine per site, driven by one thread (a Flink operator instance).
 */
public final class RcaEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RcaEngine.class);
    private static final Map<String, Integer> STATE_PRIORITY =
            Map.of("DELETED", 50, "ERROR", 40, "SUBOPTIMAL", 30, "TRANSIENT", 20, "OK", 10);

    /** How far event time moves before alarms and topology changes re-evaluate time-based rules. */
    static final long NOW_RESOLUTION_MS = 1000;

    private final Clock mode;
    private final TopologyFacts topology;
    private final Map<String, Alarm> rawAlarms = new LinkedHashMap<>();
    private final Map<String, FactHandle> rawHandles = new HashMap<>();
    private final Map<String, Alarm> published = new LinkedHashMap<>();
    private final Map<String, String> publishedStates = new LinkedHashMap<>();
    private final Set<String> emittedActions = new HashSet<>();
    private RuleSet rules;
    private RuleCompiler.Compiled compiled;
    private KieSession session;
    private FactTracker tracker;
    private FactHandle nowHandle;
    private long nowMillis = Long.MIN_VALUE;
    private Outcome pending = Outcome.NONE;

    private RcaEngine(
            RuleSet rules, RuleCompiler.Compiled compiled, TopologyFacts topology, Clock mode) {
        this.rules = rules;
        this.compiled = compiled;
        this.mode = mode;
        this.topology = topology;
    }

    /**
     * An engine running {@code rules} over {@code graph} (which it updates on {@link #apply}). The
     * graph's current content becomes facts at once.
     *
     * @throws RuleSetException when the rule set does not compile
     */
    public static RcaEngine create(RuleSet rules, EntityGraph graph, Clock mode)
            throws RuleSetException {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(mode, "mode");
        return start(rules, new TopologyFacts(graph), mode);
    }

    /**
     * An engine whose rules read the topology through graph look-ups (the global {@code topo}, a
     * {@link org.aitia.rules.facts.TopologyLookup}) instead of facts: only for the rules bench's
     * comparison of the two ({@code --topology lookup}).
     */
    static RcaEngine createWithGraphLookups(RuleSet rules, EntityGraph graph, Clock mode)
            throws RuleSetException {
        return start(
                rules,
                new TopologyFacts(graph, new org.aitia.rules.facts.TopologyLookup(graph)),
                mode);
    }

    private static RcaEngine start(RuleSet rules, TopologyFacts topology, Clock mode)
            throws RuleSetException {
        RcaEngine e = new RcaEngine(rules, RuleCompiler.compile(rules), topology, mode);
        e.pending = e.startSession();
        return e;
    }

    /** The rule set running now. */
    public RuleSet rules() {
        return rules;
    }

    /** How long the running rule set took to compile, in milliseconds. */
    public long kbaseBuildMillis() {
        return compiled.buildMillis();
    }

    /** The current time of the engine's clock (event time in {@link Clock#PSEUDO} mode). */
    public Instant now() {
        return Instant.ofEpochMilli(currentMillis());
    }

    /**
     * Applies one topology change to the graph and to the facts, at the change's time (if given),
     * and fires the rules.
     *
     * @throws org.aitia.topology.TopologyChangeRejectedException when the graph refuses it; then
     *     nothing changed
     */
    public Outcome apply(TopologyChange change) {
        Objects.requireNonNull(change, "change");
        if (change.time() != null) {
            moveClock(change.time().toEpochMilli());
        }
        String entityId = change.entity() == null ? null : change.entity().id();
        String typeBefore = entityId == null ? null : typeOf(entityId);
        topology.apply(change);
        if (entityId != null) {
            String typeAfter = typeOf(entityId);
            if (!Objects.equals(typeBefore, typeAfter)) {
                retype(entityId, typeAfter);
            }
        }
        return fire();
    }

    /**
     * A raw alarm transition at {@code alarm.lastSeen()} event time: ACTIVE raises or updates it,
     * CLEARED clears it (a clear of an alarm the engine does not hold changes nothing).
     *
     * @throws IllegalArgumentException for a deduced alarm: the engine deduces its own
     */
    public Outcome onAlarm(Alarm alarm) {
        Objects.requireNonNull(alarm, "alarm");
        if (alarm.deduced() || Alarm.DEDUCED_SOURCE.equals(alarm.source())) {
            throw new IllegalArgumentException(
                    "the engine takes raw alarms only, not deduced alarm " + alarm.id());
        }
        moveClock(alarm.lastSeen().toEpochMilli());
        FactHandle h = rawHandles.get(alarm.id());
        if (alarm.isActive()) {
            Alarm before = rawAlarms.get(alarm.id());
            if (h == null) {
                rawAlarms.put(alarm.id(), alarm.withCausedBy(List.of(), true));
                rawHandles.put(
                        alarm.id(), session.insert(AlarmFact.raw(alarm, typeOf(alarm.entityId()))));
            } else {
                Alarm merged =
                        new Alarm(
                                alarm.id(),
                                alarm.source(),
                                alarm.entityId(),
                                alarm.site(),
                                alarm.name(),
                                alarm.severity(),
                                alarm.originalSeverity(),
                                Alarm.Status.ACTIVE,
                                false,
                                List.of(),
                                true,
                                null,
                                before.firstSeen(),
                                alarm.lastSeen().isAfter(before.lastSeen())
                                        ? alarm.lastSeen()
                                        : before.lastSeen());
                rawAlarms.put(alarm.id(), merged);
                AlarmFact f = (AlarmFact) session.getObject(h);
                if (f.getSeverity() != alarm.severity()) {
                    f.setSeverity(alarm.severity());
                    session.update(h, f);
                }
                tracker.touch(alarm.id());
            }
        } else if (h != null) {
            session.delete(h);
            rawHandles.remove(alarm.id());
            rawAlarms.remove(alarm.id());
        }
        return fire();
    }

    /**
     * Moves the clock to {@code eventTime} (never back) and fires time-based rules: a rule that
     * waits 30 s of event time concludes on the first call at or after those 30 s. (Alarms and
     * topology changes also move the clock, re-evaluating time-based rules once a second.)
     */
    public Outcome advanceTo(Instant eventTime) {
        Objects.requireNonNull(eventTime, "eventTime");
        moveClock(eventTime.toEpochMilli());
        return fire(true);
    }

    /**
     * Replaces the running rule set by {@code newVersion} without losing active alarms or the
     * topology. Validates first: a rule set that does not compile is refused and the running one
     * stays. What the change of rules concludes differently is reported with the next outcome (or
     * at once by {@link #replaceRules}).
     */
    public void load(RuleSet newVersion) throws RuleSetException {
        pending = pending.then(replaceRules(newVersion));
    }

    /** {@link #load}, returning at once what the new rules conclude differently. */
    public Outcome replaceRules(RuleSet newVersion) throws RuleSetException {
        Objects.requireNonNull(newVersion, "newVersion");
        RuleCompiler.Compiled next = RuleCompiler.compile(newVersion);
        KieSession old = session;
        RuleSet oldRules = rules;
        rules = newVersion;
        compiled = next;
        Outcome o = startSession();
        old.dispose();
        LOG.info(
                "rule set {} {} replaced by {} {}",
                oldRules.name(),
                oldRules.version(),
                newVersion.name(),
                newVersion.version());
        return o;
    }

    /** Every active alarm, raw and deduced, with causedBy and rootCause set; sorted by id. */
    public List<Alarm> activeAlarms() {
        List<Alarm> out = new ArrayList<>();
        for (String id : tracker.activeAlarmIds()) {
            out.add(current(id));
        }
        out.sort(Comparator.comparing(Alarm::id));
        return out;
    }

    /** The active alarms no active alarm causes; sorted by id. */
    public List<Alarm> rootCauses() {
        return activeAlarms().stream().filter(Alarm::rootCause).toList();
    }

    /** The alarm with this id if active, else null. */
    public Alarm alarm(String alarmId) {
        return tracker.alarm(alarmId) == null ? null : current(alarmId);
    }

    /**
     * Every active alarm {@code alarmId} causes, directly or transitively, breadth first: its
     * consequence tree flattened. Empty when it causes none or is not active.
     */
    public List<Alarm> consequences(String alarmId) {
        List<Alarm> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(alarmId));
        Deque<String> queue = new ArrayDeque<>(List.of(alarmId));
        while (!queue.isEmpty()) {
            for (String e : tracker.effects(queue.poll()).stream().sorted().toList()) {
                if (seen.add(e) && tracker.alarm(e) != null) {
                    out.add(current(e));
                    queue.add(e);
                }
            }
        }
        return out;
    }

    /**
     * Entity id to the aggregated operational state rules hold for it (entities with none are
     * absent).
     */
    public Map<String, String> states() {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String e : tracker.entitiesWithState()) {
            out.put(e, aggregate(e));
        }
        return out;
    }

    /**
     * Why an alarm is what it is: the rule and the facts that deduced it, and for each direct cause
     * the rule and facts that linked them. Null when the alarm is not active.
     */
    public String explain(String alarmId) {
        AlarmFact f = tracker.alarm(alarmId);
        if (f == null) {
            return null;
        }
        Alarm a = current(alarmId);
        StringBuilder sb = new StringBuilder();
        sb.append("alarm ")
                .append(a.id())
                .append(" '")
                .append(a.name())
                .append("' on ")
                .append(a.entityId())
                .append(" (")
                .append(a.severity().label())
                .append(", ")
                .append(a.deduced() ? "deduced" : "raw from " + a.source())
                .append(", ")
                .append(a.rootCause() ? "root cause" : "not a root cause")
                .append(")\n");
        if (f.getJustification() != null) {
            sb.append("  deduced because\n").append(f.getJustification().describe("    "));
        }
        Map<String, CausalLink> causes = tracker.causeLinks(alarmId);
        if (!causes.isEmpty()) {
            sb.append("  caused by\n");
            for (String c : causes.keySet().stream().sorted().toList()) {
                AlarmFact cf = tracker.alarm(c);
                sb.append("    ").append(cf == null ? c : cf.toString()).append('\n');
                sb.append(causes.get(c).getJustification().describe("      "));
            }
        }
        Set<String> effects = tracker.effects(alarmId);
        if (!effects.isEmpty()) {
            sb.append("  causes ").append(effects.stream().sorted().toList()).append('\n');
        }
        return sb.toString();
    }

    /** Why an entity has its state: each state a rule holds, with the rule and the facts. */
    public String explainState(String entityId) {
        Map<String, EntityState> s = tracker.states(entityId);
        if (s.isEmpty()) {
            return null;
        }
        StringBuilder sb =
                new StringBuilder("entity " + entityId + " is " + aggregate(entityId) + "\n");
        for (EntityState st : s.values()) {
            sb.append("  ")
                    .append(st.getState())
                    .append(" because\n")
                    .append(st.getJustification().describe("    "));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        if (session != null) {
            session.dispose();
            session = null;
        }
    }

    // ---- internals

    private Outcome startSession() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(mode == Clock.PSEUDO ? ClockTypeOption.PSEUDO : ClockTypeOption.REALTIME);
        session = compiled.kieBase().newKieSession(conf, null);
        tracker = new FactTracker();
        session.addEventListener(tracker);
        if (mode == Clock.PSEUDO && nowMillis != Long.MIN_VALUE) {
            SessionPseudoClock c = session.getSessionClock();
            c.advanceTime(nowMillis - c.getCurrentTime(), TimeUnit.MILLISECONDS);
        }
        nowHandle = session.insert(new Now(currentMillis()));
        // probes link every rule that tests an alarm name, so loading the topology fills their
        // join memories now rather than on the first alarm of each kind
        List<FactHandle> probes = compiled.primer().insertProbes(session, currentMillis());
        topology.attach(session);
        session.fireAllRules(JoinMemoryPrimer.skippingProbes());
        JoinMemoryPrimer.deleteProbes(session, probes);
        rawHandles.clear();
        for (Alarm a : rawAlarms.values()) {
            rawHandles.put(a.id(), session.insert(AlarmFact.raw(a, typeOf(a.entityId()))));
        }
        session.fireAllRules();
        tracker.drain();
        Set<String> ids = new java.util.LinkedHashSet<>(published.keySet());
        ids.addAll(tracker.activeAlarmIds());
        Set<String> entities = new java.util.LinkedHashSet<>(publishedStates.keySet());
        entities.addAll(tracker.entitiesWithState());
        List<ActionRequest> requests = new ArrayList<>();
        session.getObjects(o -> o instanceof ActionRequest)
                .forEach(o -> requests.add((ActionRequest) o));
        return report(
                new FactTracker.Changes(
                        tracker.entries(ids), List.copyOf(entities), List.copyOf(requests)));
    }

    /** The type of the entity's node fact, or null when the topology does not hold it. */
    private String typeOf(String entityId) {
        org.aitia.rules.facts.Node n = topology.node(entityId);
        return n == null ? null : n.getType();
    }

    /**
     * An entity appeared, went, or changed type: the alarms on it (raw and deduced) take its new
     * type, so that rules testing {@code AlarmFact(entityType == ...)} see it.
     */
    private void retype(String entityId, String type) {
        for (AlarmFact f : tracker.alarmsOn(entityId)) {
            if (!Objects.equals(type, f.getEntityType())) {
                FactHandle h = f.isDeduced() ? session.getFactHandle(f) : rawHandles.get(f.getId());
                f.setEntityType(type);
                if (h != null) {
                    session.update(h, f);
                }
            }
        }
    }

    private void moveClock(long eventMillis) {
        if (mode == Clock.REAL) {
            return;
        }
        if (nowMillis == Long.MIN_VALUE || eventMillis > nowMillis) {
            SessionPseudoClock c = session.getSessionClock();
            c.advanceTime(eventMillis - c.getCurrentTime(), TimeUnit.MILLISECONDS);
            nowMillis = eventMillis;
        }
    }

    private long currentMillis() {
        if (mode == Clock.REAL) {
            return System.currentTimeMillis();
        }
        return nowMillis == Long.MIN_VALUE ? 0L : nowMillis;
    }

    private Outcome fire() {
        return fire(false);
    }

    /**
     * Fires the rules. The {@link Now} fact follows the clock exactly on {@link #advanceTo} and at
     * a resolution of {@link #NOW_RESOLUTION_MS} otherwise, which keeps a busy alarm stream from
     * re-evaluating time-based rules on every alarm.
     */
    private Outcome fire(boolean exactNow) {
        Now now = (Now) session.getObject(nowHandle);
        long t = currentMillis();
        if (now.getMillis() != t
                && (exactNow || Math.abs(t - now.getMillis()) >= NOW_RESOLUTION_MS)) {
            now.setMillis(t);
            session.update(nowHandle, now);
        }
        session.fireAllRules();
        Outcome o = report(tracker.drain());
        if (!pending.isEmpty()) {
            o = pending.then(o);
            pending = Outcome.NONE;
        }
        return o;
    }

    private Outcome report(FactTracker.Changes changes) {
        Instant at = now();
        List<Alarm> alarms = new ArrayList<>();
        for (FactTracker.AlarmEntry entry : changes.alarms()) {
            String id = entry.id();
            Alarm before = published.get(id);
            AlarmFact fact = entry.fact();
            Alarm after = fact == null ? null : current(fact, entry.causes());
            if (after == null) {
                if (before != null) {
                    published.remove(id);
                    alarms.add(before.cleared(at));
                }
            } else if (!after.equals(before)) {
                published.put(id, after);
                alarms.add(after);
            }
        }
        Map<String, String> states = new LinkedHashMap<>();
        for (String e : changes.entities()) {
            String before = publishedStates.get(e);
            String after = tracker.states(e).isEmpty() ? null : aggregate(e);
            if (!Objects.equals(before, after)) {
                if (after == null) {
                    publishedStates.remove(e);
                    states.put(e, "OK");
                } else {
                    publishedStates.put(e, after);
                    states.put(e, after);
                }
            }
        }
        List<HealingAction> actions = new ArrayList<>();
        for (ActionRequest r : changes.requests()) {
            HealingAction a =
                    HealingAction.of(
                            r.getType(),
                            r.getTarget(),
                            r.getSite(),
                            r.getParameters(),
                            r.getAlarmIds(),
                            r.getJustification().rule(),
                            false,
                            at);
            if (emittedActions.add(a.id())) {
                actions.add(a);
            }
        }
        return alarms.isEmpty() && actions.isEmpty() && states.isEmpty()
                ? Outcome.NONE
                : new Outcome(alarms, actions, states);
    }

    private Alarm current(String id) {
        return current(tracker.alarm(id), tracker.causes(id));
    }

    private Alarm current(AlarmFact f, List<String> causes) {
        String id = f.getId();
        if (!f.isDeduced()) {
            return rawAlarms.get(id).withCausedBy(causes, causes.isEmpty());
        }
        Instant since = Instant.ofEpochMilli(f.getFirstSeenMillis());
        return new Alarm(
                f.getId(),
                f.getSource(),
                f.getEntityId(),
                f.getSite(),
                f.getName(),
                f.getSeverity(),
                null,
                Alarm.Status.ACTIVE,
                true,
                causes,
                causes.isEmpty(),
                f.getJustification().rule(),
                since,
                since);
    }

    private String aggregate(String entityId) {
        String best = null;
        int bestPriority = -1;
        for (String s : tracker.states(entityId).keySet()) {
            int p = STATE_PRIORITY.getOrDefault(s, 25);
            if (p > bestPriority || (p == bestPriority && s.compareTo(best) < 0)) {
                best = s;
                bestPriority = p;
            }
        }
        return best;
    }
}
