package org.aitia.topology.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.aitia.topology.GraphView;
import org.aitia.topology.Walk;

/**
 * {@link RootCauseCandidates} by greedy set cover over the upstream entities of the alarmed ones
 * (walking against the {@link ImpactRules}). At each step it takes the entity that explains the
 * most alarmed entities not yet explained; ties go to the most specific one: the smallest impact,
 * then the shortest total distance to what it explains, then the smaller id. Greedy set cover is at
 * most ln(n)+1 times the optimum in general and exact on tree-shaped dependencies, which is what
 * topologies mostly are.
 */
public final class GreedySetCoverRootCauseCandidates implements RootCauseCandidates {
    private final ImpactRules rules;
    private final int maxDepth;
    private final int maxUpstream;

    /** Default rules, upstream walks of at most 16 hops and 100,000 entities. */
    public GreedySetCoverRootCauseCandidates() {
        this(ImpactRules.defaults(), 16, 100_000);
    }

    /**
     * @param rules the direction rules
     * @param maxDepth how far upstream to look (at least 1)
     * @param maxUpstream how many upstream entities of one alarmed entity to consider at most
     */
    public GreedySetCoverRootCauseCandidates(ImpactRules rules, int maxDepth, int maxUpstream) {
        this.rules = Objects.requireNonNull(rules, "rules");
        if (maxDepth < 1 || maxUpstream < 1) {
            throw new IllegalArgumentException("maxDepth and maxUpstream must be >= 1");
        }
        this.maxDepth = maxDepth;
        this.maxUpstream = maxUpstream;
    }

    @Override
    public Result candidates(GraphView view, Collection<String> alarmed) {
        Objects.requireNonNull(view, "view");
        Map<String, Set<String>> covers = new LinkedHashMap<>();
        Map<String, Integer> distance = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        Set<String> uncovered = new LinkedHashSet<>();
        for (String a : new LinkedHashSet<>(alarmed)) {
            if (!view.contains(a)) {
                unknown.add(a);
                continue;
            }
            uncovered.add(a);
            covers.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(a);
            Walk.Reached up = ImpactWalk.walk(view, rules, a, true, maxDepth, maxUpstream);
            for (int i = 0; i < up.size(); i++) {
                covers.computeIfAbsent(up.id(i), k -> new LinkedHashSet<>()).add(a);
                distance.merge(up.id(i), up.depth(i), Integer::sum);
            }
        }
        Map<String, Integer> impactSize = new HashMap<>();
        List<Candidate> chosen = new ArrayList<>();
        while (!uncovered.isEmpty()) {
            String best = null;
            int bestCount = 0;
            for (Map.Entry<String, Set<String>> e : covers.entrySet()) {
                int count = 0;
                for (String a : e.getValue()) {
                    if (uncovered.contains(a)) {
                        count++;
                    }
                }
                if (count == 0) {
                    continue;
                }
                if (best == null
                        || count > bestCount
                        || (count == bestCount
                                && moreSpecific(view, e.getKey(), best, impactSize, distance))) {
                    best = e.getKey();
                    bestCount = count;
                }
            }
            Set<String> explains = new LinkedHashSet<>();
            for (String a : covers.get(best)) {
                if (uncovered.remove(a)) {
                    explains.add(a);
                }
            }
            chosen.add(new Candidate(best, Set.copyOf(explains)));
        }
        return new Result(List.copyOf(chosen), List.copyOf(unknown));
    }

    private boolean moreSpecific(
            GraphView view,
            String u,
            String best,
            Map<String, Integer> impactSize,
            Map<String, Integer> distance) {
        for (int cap = 256; cap > 0 && cap <= (1 << 26); cap <<= 2) {
            int size = impactSize(view, u, cap, impactSize);
            int bestSize = impactSize(view, best, cap, impactSize);
            if (size < cap || bestSize < cap) {
                if (size != bestSize) {
                    return size < bestSize;
                }
                break;
            }
        }
        int d = distance.getOrDefault(u, 0);
        int bd = distance.getOrDefault(best, 0);
        if (d != bd) {
            return d < bd;
        }
        return u.compareTo(best) < 0;
    }

    /** The impact size of {@code id}, exact when below {@code cap} (then cached), else cap. */
    private int impactSize(GraphView view, String id, int cap, Map<String, Integer> cache) {
        Integer known = cache.get(id);
        if (known != null) {
            return known;
        }
        int size = ImpactWalk.walk(view, rules, id, false, Integer.MAX_VALUE, cap).size();
        if (size < cap) {
            cache.put(id, size);
        }
        return size;
    }
}
