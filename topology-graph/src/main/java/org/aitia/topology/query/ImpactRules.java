package org.aitia.topology.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aitia.model.Relationship;
import org.aitia.topology.query.ImpactRule.Flow;

/**
 * The direction rules impact follows, per relationship type (see {@link ImpactRule}). Edges are as
 * Vitrage writes them; the defaults ({@link #defaults()}) are:
 *
 * <table>
 *   <caption>Default impact direction rules</caption>
 *   <tr><th>relationship</th><th>example (source -> target)</th><th>impact flows</th></tr>
 *   <tr><td>contains</td><td>zone -> host, host -> instance, host -> ovs.bridge, network -> port,
 *       kubernetes.node -> pod</td><td>source to target</td></tr>
 *   <tr><td>contains (nova.host or kubernetes.node -> nic)</td><td>host -> nic</td><td>both: a
 *       host down takes its NICs, a NIC down impacts its host</td></tr>
 *   <tr><td>attached</td><td>nic -> switch, port -> instance, switch -> spine switch</td>
 *       <td>target to source</td></tr>
 *   <tr><td>attached (cinder.volume -> *)</td><td>volume -> instance</td><td>source to
 *       target</td></tr>
 *   <tr><td>uses</td><td>dpdk.port -> nic, port -> ovs.bridge</td><td>target to source (the
 *       used impacts the user)</td></tr>
 *   <tr><td>on</td><td>vnfc -> instance or pod</td><td>target to source</td></tr>
 *   <tr><td>comprises</td><td>vnf -> vnfc, heat.stack -> instance</td><td>target to source (a
 *       component impacts what it composes)</td></tr>
 *   <tr><td>includes</td><td>network_service -> vnf</td><td>target to source</td></tr>
 *   <tr><td>chained_to</td><td>vnf -> next vnf</td><td>none (the chain's network_service
 *       carries the impact)</td></tr>
 *   <tr><td>managed_by</td><td>vnf -> vnfm</td><td>none</td></tr>
 * </table>
 *
 * <p>So a host impacts the instances it contains, their ports, the VNFCs on them, the VNFs they
 * compose and the network services (chains) that include those VNFs; a switch impacts the NICs
 * attached to it, their hosts, and on from there. A relationship type without a rule carries no
 * impact.
 */
public final class ImpactRules {
    private final List<ImpactRule> rules;
    private static final Object UNDECIDED = new Object();
    private final Map<String, ImpactRule[]> byRelationship = new HashMap<>();
    // (relationship, known end's type, flow) triples in open-addressing tables, by which end is
    // known; replaced, never changed, when a new pair is decided.
    private volatile Object[] sourceKnown = new Object[16 * 3];
    private volatile Object[] targetKnown = new Object[16 * 3];

    /**
     * Rules in any order.
     *
     * @throws IllegalArgumentException when two rules have the same relationship and end types
     */
    public ImpactRules(List<ImpactRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, List<ImpactRule>> grouped = new HashMap<>();
        for (ImpactRule r : this.rules) {
            List<ImpactRule> same =
                    grouped.computeIfAbsent(r.relationship(), k -> new ArrayList<>());
            for (ImpactRule o : same) {
                if (o.sourceType().equals(r.sourceType())
                        && o.targetType().equals(r.targetType())) {
                    throw new IllegalArgumentException("two impact rules for " + describe(r));
                }
            }
            same.add(r);
        }
        grouped.forEach(
                (type, list) -> {
                    list.sort(Comparator.comparingInt(ImpactRule::specificity).reversed());
                    byRelationship.put(type, list.toArray(new ImpactRule[0]));
                });
    }

    private static String describe(ImpactRule r) {
        return r.relationship() + " (" + r.sourceType() + " -> " + r.targetType() + ")";
    }

    /** The default rules (see the class comment). */
    public static ImpactRules defaults() {
        return new ImpactRules(
                List.of(
                        ImpactRule.of(Relationship.CONTAINS, Flow.SOURCE_TO_TARGET),
                        new ImpactRule(Relationship.CONTAINS, "nova.host", "nic", Flow.BOTH),
                        new ImpactRule(Relationship.CONTAINS, "kubernetes.node", "nic", Flow.BOTH),
                        ImpactRule.of(Relationship.ATTACHED, Flow.TARGET_TO_SOURCE),
                        new ImpactRule(
                                Relationship.ATTACHED,
                                "cinder.volume",
                                ImpactRule.ANY,
                                Flow.SOURCE_TO_TARGET),
                        ImpactRule.of(Relationship.USES, Flow.TARGET_TO_SOURCE),
                        ImpactRule.of(Relationship.ON, Flow.TARGET_TO_SOURCE),
                        ImpactRule.of(Relationship.COMPRISES, Flow.TARGET_TO_SOURCE),
                        ImpactRule.of(Relationship.INCLUDES, Flow.TARGET_TO_SOURCE),
                        ImpactRule.of(Relationship.CHAINED_TO, Flow.NONE),
                        ImpactRule.of(Relationship.MANAGED_BY, Flow.NONE)));
    }

    /** These rules with {@code more} added; a rule for the same relationship and ends replaces. */
    public ImpactRules with(List<ImpactRule> more) {
        List<ImpactRule> all = new ArrayList<>();
        for (ImpactRule r : rules) {
            boolean replaced =
                    more.stream()
                            .anyMatch(
                                    m ->
                                            m.relationship().equals(r.relationship())
                                                    && m.sourceType().equals(r.sourceType())
                                                    && m.targetType().equals(r.targetType()));
            if (!replaced) {
                all.add(r);
            }
        }
        all.addAll(more);
        return new ImpactRules(all);
    }

    /** Every rule. */
    public List<ImpactRule> rules() {
        return rules;
    }

    /**
     * The flow along a relationship between entities of those types ({@code NONE} when no rule).
     */
    public Flow flow(String relationship, String sourceType, String targetType) {
        ImpactRule[] rs = byRelationship.get(relationship);
        if (rs == null) {
            return Flow.NONE;
        }
        for (ImpactRule r : rs) {
            if (r.matches(sourceType, targetType)) {
                return r.flow();
            }
        }
        return Flow.NONE;
    }

    /**
     * The flow along a relationship when only the type of one end is known, or null when it depends
     * on the other end's type too. Cached: most relationships decide without looking the other end
     * up.
     *
     * @param knownIsSource whether {@code knownType} is the source's type
     */
    Flow flowKnowing(String relationship, boolean knownIsSource, String knownType) {
        Object[] t = knownIsSource ? sourceKnown : targetKnown;
        int mask = t.length / 3 - 1;
        for (int i = slot(relationship, knownType, mask), n = 0;
                n <= mask;
                i = (i + 1) & mask, n++) {
            Object r = t[i * 3];
            if (r == null) {
                break;
            }
            if ((r == relationship || r.equals(relationship))
                    && (t[i * 3 + 1] == knownType || t[i * 3 + 1].equals(knownType))) {
                Object f = t[i * 3 + 2];
                return f == UNDECIDED ? null : (Flow) f;
            }
        }
        return learn(relationship, knownIsSource, knownType);
    }

    private static int slot(String relationship, String knownType, int mask) {
        int h = relationship.hashCode() * 31 + knownType.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }

    /**
     * Decides, and remembers the decision in a copy of the table (walks read the tables without
     * locking; there are only as many entries as relationship and entity types meet).
     */
    private synchronized Flow learn(String relationship, boolean knownIsSource, String knownType) {
        Flow decided = decide(relationship, knownIsSource, knownType);
        Object[] old = knownIsSource ? sourceKnown : targetKnown;
        int count = 0;
        for (int i = 0; i < old.length; i += 3) {
            if (old[i] != null) {
                count++;
            }
        }
        int capacity = old.length / 3;
        while ((count + 1) * 2 > capacity) {
            capacity *= 2;
        }
        Object[] t = new Object[capacity * 3];
        for (int i = 0; i < old.length; i += 3) {
            if (old[i] != null) {
                put(t, (String) old[i], (String) old[i + 1], old[i + 2]);
            }
        }
        put(t, relationship, knownType, decided == null ? UNDECIDED : decided);
        if (knownIsSource) {
            sourceKnown = t;
        } else {
            targetKnown = t;
        }
        return decided;
    }

    private static void put(Object[] t, String relationship, String knownType, Object flow) {
        int mask = t.length / 3 - 1;
        int i = slot(relationship, knownType, mask);
        while (t[i * 3] != null) {
            if (t[i * 3].equals(relationship) && t[i * 3 + 1].equals(knownType)) {
                break;
            }
            i = (i + 1) & mask;
        }
        t[i * 3] = relationship;
        t[i * 3 + 1] = knownType;
        t[i * 3 + 2] = flow;
    }

    private Flow decide(String relationship, boolean knownIsSource, String knownType) {
        ImpactRule[] rs = byRelationship.get(relationship);
        if (rs == null) {
            return Flow.NONE;
        }
        for (ImpactRule r : rs) {
            String known = knownIsSource ? r.sourceType() : r.targetType();
            String other = knownIsSource ? r.targetType() : r.sourceType();
            if (!known.equals(ImpactRule.ANY) && !known.equals(knownType)) {
                continue;
            }
            return other.equals(ImpactRule.ANY) ? r.flow() : null;
        }
        return Flow.NONE;
    }
}
