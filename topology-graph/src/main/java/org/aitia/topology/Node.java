package org.aitia.topology;

import org.aitia.model.Entity;
import org.aitia.model.Relationship;

/**
 * One version of one vertex: the entity and its adjacency as of {@link #version}. Published nodes
 * are never changed, except that the writer may cut {@link #prev} once no reader needs older
 * versions, and may write array slots beyond every published node's size (append-only sharing). A
 * node whose {@code entity} is null is a tombstone: the entity was deleted at {@code version}.
 *
 * <p>An adjacency array holds {@link #STRIDE} slots per relationship: its type (the interned
 * constant), the {@link Slot} of its other end, and the relationship. A walk decides most
 * relationships from the type alone and steps to the other end through its slot, without reading
 * the relationship or looking an id up: on a graph much larger than the CPU caches, each object
 * read is a likely cache miss, and those misses are what a walk costs.
 */
final class Node {
    static final Object[] NONE = new Object[0];

    /** Array slots per relationship: type, other end's slot, relationship. */
    static final int STRIDE = 3;

    final long version;
    Entity entity;

    /** The entity's type (null for a tombstone), kept here so that a walk need not read it. */
    String type;

    Object[] out;
    int outSize;
    Object[] in;
    int inSize;
    Node prev;

    Node(
            long version,
            Entity entity,
            Object[] out,
            int outSize,
            Object[] in,
            int inSize,
            Node prev) {
        this.version = version;
        this.entity = entity;
        this.type = entity == null ? null : entity.type();
        this.out = out;
        this.outSize = outSize;
        this.in = in;
        this.inSize = inSize;
        this.prev = prev;
    }

    boolean isTombstone() {
        return entity == null;
    }

    void setEntity(Entity e) {
        entity = e;
        type = e.type();
    }

    /** The {@code i}-th relationship whose source this is. */
    Relationship out(int i) {
        return (Relationship) out[i * STRIDE + 2];
    }

    /** The {@code i}-th relationship whose target this is. */
    Relationship in(int i) {
        return (Relationship) in[i * STRIDE + 2];
    }

    /**
     * The newest node of the chain starting at {@code head} visible at {@code version}, or null.
     */
    static Node visible(Node head, long version) {
        Node n = head;
        while (n != null && n.version > version) {
            n = n.prev;
        }
        return n == null || n.entity == null ? null : n;
    }
}
