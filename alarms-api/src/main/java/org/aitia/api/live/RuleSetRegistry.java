package org.aitia.api.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aitia.api.entities.RuleSetDocument;

/**
 * The rule sets on {@code aitia.rules}: the latest version of each name and every version this API
 * has seen since the topic's start (the topic is compacted, so older versions may be gone after
 * compaction).
 */
public final class RuleSetRegistry {
    private final Map<String, List<RuleSetDocument>> versions = new ConcurrentHashMap<>();
    private final Map<String, RuleSetDocument> latest = new ConcurrentHashMap<>();

    /** Applies one record: {@code doc} null is a tombstone deleting {@code name}. */
    public void apply(String name, RuleSetDocument doc) {
        if (doc == null) {
            latest.remove(name);
            versions.remove(name);
            return;
        }
        latest.merge(name, doc, (a, b) -> b.version() >= a.version() ? b : a);
        versions.compute(
                name,
                (k, v) -> {
                    List<RuleSetDocument> l = v == null ? new ArrayList<>() : new ArrayList<>(v);
                    l.removeIf(d -> d.version() == doc.version());
                    l.add(doc);
                    l.sort(Comparator.comparingInt(RuleSetDocument::version));
                    return List.copyOf(l);
                });
    }

    public Optional<RuleSetDocument> latest(String name) {
        return Optional.ofNullable(latest.get(name));
    }

    /** The latest of the rule set whose name or uuid is {@code nameOrUuid}. */
    public Optional<RuleSetDocument> find(String nameOrUuid) {
        RuleSetDocument d = latest.get(nameOrUuid);
        if (d != null) {
            return Optional.of(d);
        }
        return latest.values().stream().filter(x -> x.uuid().equals(nameOrUuid)).findFirst();
    }

    /** The latest version of every rule set of {@code kind}, by name. */
    public List<RuleSetDocument> all(String kind) {
        return latest.values().stream()
                .filter(d -> d.kind().equals(kind))
                .sorted(Comparator.comparing(RuleSetDocument::name))
                .toList();
    }

    /** Every version seen of {@code name}, oldest first. */
    public List<RuleSetDocument> versions(String name) {
        return versions.getOrDefault(name, List.of());
    }

    /** The next version number for {@code name}. */
    public int nextVersion(String name) {
        List<RuleSetDocument> v = versions.get(name);
        RuleSetDocument l = latest.get(name);
        int max = l == null ? 0 : l.version();
        if (v != null && !v.isEmpty()) {
            max = Math.max(max, v.get(v.size() - 1).version());
        }
        return max + 1;
    }
}
