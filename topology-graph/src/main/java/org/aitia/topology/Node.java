package org.aitia.topology;

import org.aitia.model.Entity;
import org.aitia.model.Relationship;

/**
 * One version of one vertex: the entity and its adjacency as of {@link #version}. Published nodes
 * are never changed, except that the writer may cut {@link #prev} once no reader needs older
 * versions, and may write array slots beyond every published node's size (append-only sharing). A
 * node whose {@code entity} is null is a tombstone: the entity was deleted at {@code version}.
 */
final class Node {
    static final Relationship[] NONE = new Relationship[0];

    final long version;
    Entity entity;
    Relationship[] out;
    int outSize;
    Relationship[] in;
    int inSize;
    Node prev;

    Node(
            long version,
            Entity entity,
            Relationship[] out,
            int outSize,
            Relationship[] in,
            int inSize,
            Node prev) {
        this.version = version;
        this.entity = entity;
        this.out = out;
        this.outSize = outSize;
        this.in = in;
        this.inSize = inSize;
        this.prev = prev;
    }

    boolean isTombstone() {
        return entity == null;
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
