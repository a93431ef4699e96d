package org.aitia.topology;

/**
 * The stable handle of one entity id: the head of its chain of {@link Node} versions. Adjacency
 * arrays point at the slot of each relationship's other end, so a walk steps from a node to its
 * neighbour's without a look-up by id. The writer replaces {@link #head}; readers pick the version
 * they see with {@link Node#visible}. A slot whose head is a tombstone is removed from the id map
 * once no reader needs it; a later entity of the same id gets a new slot.
 */
final class Slot {
    final String id;

    /** The id's hash, so that sets of slots need not read the id. */
    final int hash;

    /** The newest node (volatile: nodes are published through it). */
    volatile Node head;

    Slot(String id) {
        this.id = id;
        this.hash = id.hashCode();
    }

    @Override
    public String toString() {
        return "Slot[" + id + "]";
    }
}
