package org.aitia.rules.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aitia.model.Alarm;
import org.aitia.model.Severity;
import org.aitia.rules.facts.AlarmFact;
import org.aitia.rules.facts.Justification;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Moves the filling of the join memories from the first alarms to the session start.
 *
 * <p>Phreak evaluates a rule only once every segment of it holds a fact: the topology facts wait,
 * staged, in front of each join until the first alarm of a kind links the rule, and that alarm pays
 * for indexing tens of thousands of {@code Node}s and {@code Link}s (on a 100,000-entity site,
 * about a quarter of the CPU of the first 100,000 alarms). Probe alarms, one raw and one deduced
 * per string literal of the rule set (the alarm names and entity types rules test are among them: a
 * probe's name and entity type are both the literal), on entities that do not exist, link those
 * rules at start: the session indexes the topology while it loads it. No consequence ever runs on a
 * probe: the session fires through {@link #skippingProbes()} while they are in, and they are
 * deleted before any real alarm is inserted. (A rule that waits for the absence of an alarm fires
 * once they are gone, in the same session start.)
 *
 * <p>Public Drools API only (insert, fire, delete). A rule whose alarm constraint no literal
 * satisfies (a regex, a computed name) keeps Phreak's lazy fill; only its first alarm is slower.
 */
public final class JoinMemoryPrimer {
    /** Entity ids no real topology uses (they start with a NUL character). */
    private static final String RAW_ENTITY = "\u0000aitia-probe-raw";

    private static final String DEDUCED_ENTITY = "\u0000aitia-probe-deduced";
    private static final String PROBE_SOURCE = "aitia-probe";
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private final List<String> names;

    /** A primer for a rule set of these DRL texts (the templates' compiled DRL included). */
    public JoinMemoryPrimer(Collection<String> drlTexts) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : drlTexts) {
            Matcher m = LITERAL.matcher(text);
            while (m.find()) {
                String s = m.group(1);
                if (!s.isBlank() && s.indexOf('\\') < 0) {
                    found.add(s);
                }
            }
        }
        this.names = List.copyOf(found);
    }

    /** How many probe names the rule set gives. */
    public int size() {
        return names.size();
    }

    /**
     * Inserts the probes into {@code session} (before the topology facts, or after: either way the
     * next {@code fireAllRules} indexes the topology in every join the probes linked).
     */
    public List<FactHandle> insertProbes(KieSession session, long nowMillis) {
        Instant t = Instant.ofEpochMilli(nowMillis);
        Justification why = new Justification("JoinMemoryPrimer", List.of());
        List<FactHandle> handles = new ArrayList<>(2 * names.size());
        for (String name : names) {
            handles.add(
                    session.insert(
                            AlarmFact.raw(
                                    Alarm.raised(
                                            PROBE_SOURCE,
                                            RAW_ENTITY,
                                            null,
                                            name,
                                            Severity.WARNING,
                                            t),
                                    name)));
            handles.add(
                    session.insert(
                            AlarmFact.deduced(
                                    DEDUCED_ENTITY,
                                    name,
                                    null,
                                    name,
                                    Severity.WARNING,
                                    nowMillis,
                                    why)));
        }
        return handles;
    }

    /** Fires only the matches that hold no probe: the probes link rules, they decide nothing. */
    public static AgendaFilter skippingProbes() {
        return match -> {
            for (Object o : match.getObjects()) {
                if (o instanceof AlarmFact a
                        && (a.getEntityId().equals(RAW_ENTITY)
                                || a.getEntityId().equals(DEDUCED_ENTITY))) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Deletes the probes {@link #insertProbes} inserted. */
    public static void deleteProbes(KieSession session, List<FactHandle> probes) {
        for (FactHandle h : probes) {
            session.delete(h);
        }
    }
}
