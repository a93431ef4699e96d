package org.aitia.topology.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aitia.model.Relationship;
import org.aitia.topology.Walk;

/**
 * What an entity impacts: every impacted entity (never the root itself), in breadth-first order,
 * with the relationship through which the impact reached it. Empty when the root impacts nothing or
 * is absent.
 */
public final class Impact {
    private final String root;
    private final Walk.Reached reached;

    /** id -> relationship, built on the first look-up by id (a walk's result rarely needs it). */
    private volatile Map<String, Relationship> via;

    Impact(String root, Walk.Reached reached) {
        this.root = root;
        this.reached = reached;
    }

    private Map<String, Relationship> via() {
        Map<String, Relationship> v = via;
        if (v == null) {
            v = Collections.unmodifiableMap(ImpactWalk.asMap(reached));
            via = v;
        }
        return v;
    }

    /** The entity whose impact this is. */
    public String root() {
        return root;
    }

    /** The impacted entity ids, nearest first. */
    public Set<String> ids() {
        return via().keySet();
    }

    /** How many entities are impacted. */
    public int size() {
        return reached.size();
    }

    /** True when {@code id} is impacted. */
    public boolean contains(String id) {
        return via().containsKey(id);
    }

    /** The relationship through which {@code id} was reached, or null when it is not impacted. */
    public Relationship via(String id) {
        return via().get(id);
    }

    /**
     * The chain of entity ids from the root to {@code id}, both included; empty when {@code id} is
     * not impacted.
     */
    public List<String> path(String id) {
        if (!via().containsKey(id)) {
            return List.of();
        }
        List<String> path = new ArrayList<>();
        String at = id;
        while (!at.equals(root)) {
            path.add(at);
            Relationship r = via().get(at);
            at = r.source().equals(at) ? r.target() : r.source();
        }
        path.add(root);
        Collections.reverse(path);
        return path;
    }

    @Override
    public String toString() {
        return "Impact[" + root + " -> " + via().keySet() + "]";
    }
}
