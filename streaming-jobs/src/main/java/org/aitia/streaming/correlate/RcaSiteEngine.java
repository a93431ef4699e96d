package org.aitia.streaming.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aitia.model.Alarm;
import org.aitia.model.TopologyChange;
import org.aitia.rules.Clock;
import org.aitia.rules.Outcome;
import org.aitia.rules.RcaEngine;
import org.aitia.rules.RuleSet;
import org.aitia.rules.RuleSetException;
import org.aitia.streaming.functions.RuleSetMessage;
import org.aitia.topology.EntityGraph;

/**
 * rca-rules' {@link RcaEngine} (Drools in STREAM mode on a pseudo clock, event time) over the
 * site's topology-graph {@link EntityGraph}, as a {@link SiteEngine}. The rules are the standard
 * NFV library plus the rule sets published on {@code aitia.rules}, in name order.
 */
public final class RcaSiteEngine implements SiteEngine {
    /** Creates the engine of a site. */
    public static final SiteEngineFactory FACTORY = RcaSiteEngine::create;

    private static volatile RuleSet standard;

    private final String site;
    private final RcaEngine engine;

    private RcaSiteEngine(String site, RcaEngine engine) {
        this.site = site;
        this.engine = engine;
    }

    /** A new engine for {@code site}: an empty graph, the rules, the clock at {@code start}. */
    public static RcaSiteEngine create(String site, List<RuleSetMessage> ruleSets, Instant start)
            throws InvalidRulesException {
        RcaEngine engine;
        try {
            engine = RcaEngine.create(ruleSet(ruleSets), new EntityGraph(), Clock.PSEUDO);
        } catch (RuleSetException e) {
            throw invalid(e);
        }
        RcaSiteEngine created = new RcaSiteEngine(site, engine);
        if (start.isAfter(Instant.EPOCH)) {
            engine.advanceTo(start);
        }
        return created;
    }

    /** The standard library, read once per class loader (every site's engine starts from it). */
    private static RuleSet standardLibrary() {
        RuleSet s = standard;
        if (s == null) {
            synchronized (RcaSiteEngine.class) {
                if (standard == null) {
                    standard = RuleSet.standardLibrary();
                }
                s = standard;
            }
        }
        return s;
    }

    /** The standard library plus {@code ruleSets} as one rca-rules rule set. */
    static RuleSet ruleSet(List<RuleSetMessage> ruleSets) {
        RuleSet standard = standardLibrary();
        if (ruleSets.isEmpty()) {
            return standard;
        }
        List<RuleSet.Source> sources = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        StringBuilder version = new StringBuilder(standard.version());
        for (RuleSetMessage m : ruleSets) {
            RuleSet.Kind kind = m.kind().equals("drl") ? RuleSet.Kind.DRL : RuleSet.Kind.VITRAGE;
            sources.add(new RuleSet.Source(m.name(), kind, m.content()));
            m.params().forEach((k, v) -> params.put(k, String.valueOf(v)));
            version.append('+').append(m.name()).append('@').append(m.version());
        }
        return standard.plus(sources, version.toString()).withParameters(params);
    }

    @Override
    public Conclusions apply(TopologyChange change) {
        return of(engine.apply(change));
    }

    @Override
    public Conclusions onAlarm(Alarm alarm) {
        return of(engine.onAlarm(alarm));
    }

    @Override
    public Conclusions advanceTo(Instant time) {
        return of(engine.advanceTo(time));
    }

    @Override
    public void load(List<RuleSetMessage> ruleSets) throws InvalidRulesException {
        try {
            engine.load(ruleSet(ruleSets));
        } catch (RuleSetException e) {
            throw invalid(e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "engine of site " + site + " (" + engine.rules() + ")";
    }

    private static Conclusions of(Outcome o) {
        return new Conclusions(o.alarms(), o.actions(), o.stateChanges());
    }

    private static InvalidRulesException invalid(RuleSetException e) {
        return new InvalidRulesException(e.getMessage(), e);
    }
}
