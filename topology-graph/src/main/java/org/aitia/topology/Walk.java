package org.aitia.topology;

import java.util.Objects;
import org.aitia.model.Relationship;

/**
 * A breadth-first walk from one entity that decides each relationship by types: the relationship's,
 * the type of the end it stands on and, only when that is not enough, the other end's. The building
 * block of queries that reach many entities (impact, root causes).
 *
 * <p>Why here and not over {@link GraphView#vertex}: on a graph much larger than the CPU caches
 * every object a walk reads is likely a cache miss. This walk reads, per entity it reaches, its
 * handle, its node and its adjacency arrays, and per relationship it skips nothing but the array:
 * no look-up by id, no relationship or entity read, no hashing of ids. It goes level by level so
 * that the reads of one level are independent of each other and the CPU overlaps their misses.
 */
public final class Walk {
    /** Do not follow the relationship. */
    public static final int SKIP = 0;

    /** Follow the relationship. */
    public static final int FOLLOW = 1;

    /** Decide knowing the other end's type: {@link Steps#follow} is asked. */
    public static final int ASK = 2;

    private Walk() {}

    /** Which relationships a walk follows. */
    public interface Steps {
        /**
         * {@link #SKIP}, {@link #FOLLOW} or {@link #ASK} for a relationship of type {@code
         * relationship} seen from an entity of type {@code atType}.
         *
         * @param atIsSource whether that entity is the relationship's source
         */
        int step(String relationship, boolean atIsSource, String atType);

        /** Whether to follow, knowing the other end's type too; asked only after {@link #ASK}. */
        boolean follow(String relationship, boolean atIsSource, String atType, String otherType);
    }

    /**
     * The entities a walk reached (never its root), in breadth-first order, each with the
     * relationship through which it was first reached.
     */
    public static final class Reached {
        private final String root;
        private String[] ids;
        private Relationship[] via;
        private int[] depth;
        private int size;

        /**
         * What the walk's prefetching reads summed to (kept so that they are not optimised away).
         */
        int touched;

        Reached(String root, int capacity) {
            this.root = root;
            ids = new String[capacity];
            via = new Relationship[capacity];
            depth = new int[capacity];
        }

        void add(String id, Relationship r, int d) {
            if (size == ids.length) {
                int c = Math.max(16, size * 2);
                ids = java.util.Arrays.copyOf(ids, c);
                via = java.util.Arrays.copyOf(via, c);
                depth = java.util.Arrays.copyOf(depth, c);
            }
            ids[size] = id;
            via[size] = r;
            depth[size] = d;
            size++;
        }

        /** The root the walk started from. */
        public String root() {
            return root;
        }

        /** How many entities were reached. */
        public int size() {
            return size;
        }

        /** The id of the {@code i}-th entity reached. */
        public String id(int i) {
            Objects.checkIndex(i, size);
            return ids[i];
        }

        /** The relationship through which the {@code i}-th entity was reached. */
        public Relationship via(int i) {
            Objects.checkIndex(i, size);
            return via[i];
        }

        /** How many hops from the root the {@code i}-th entity is (1 for a neighbour). */
        public int depth(int i) {
            Objects.checkIndex(i, size);
            return depth[i];
        }
    }

    /**
     * Walks from {@code root}, at most {@code maxDepth} hops and {@code limit} entities.
     *
     * @return what it reached; empty when {@code root} is not in the view
     */
    public static Reached from(GraphView view, String root, Steps steps, int maxDepth, int limit) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(steps, "steps");
        Reached reached = new Reached(root, 256);
        Slot start = view.graph().slot(root);
        Node startNode = start == null ? null : view.node(start);
        if (startNode == null || maxDepth < 1 || limit < 1) {
            return reached;
        }
        SlotSet seen = new SlotSet();
        seen.add(start);
        Level level = new Level();
        Node[] frontier = {startNode};
        int size = 1;
        int touched = 0;
        for (int depth = 1; depth <= maxDepth && size > 0; depth++) {
            // Level by level, in phases of independent reads: the arrays of the whole frontier,
            // then the handles of every candidate, then their nodes. A CPU overlaps independent
            // cache misses; one entity after the other it would wait for each in turn.
            for (int k = 0; k < size; k++) {
                touched += frontier[k].out.length + frontier[k].in.length;
            }
            level.clear();
            for (int k = 0; k < size; k++) {
                collect(level, frontier[k], k, true, steps);
                collect(level, frontier[k], k, false, steps);
            }
            for (int k = 0; k < level.size; k++) {
                Node h = level.slots[k].head;
                level.heads[k] = h;
                touched += level.slots[k].hash;
            }
            for (int k = 0; k < level.size; k++) {
                Node h = level.heads[k];
                touched += h == null ? 0 : (int) h.version;
            }
            Node[] next = new Node[Math.max(8, level.size)];
            int nextSize = 0;
            for (int k = 0; k < level.size; k++) {
                Slot other = level.slots[k];
                if (seen.contains(other)) {
                    continue;
                }
                Node o = view.node(other);
                int meta = level.meta[k];
                if (o == null
                        || ((meta & Level.ASK_BIT) != 0 && !ask(steps, level, k, frontier, o))) {
                    continue;
                }
                seen.add(other);
                reached.add(other.id, level.via[k], depth);
                if (reached.size() >= limit) {
                    reached.touched = touched;
                    return reached;
                }
                next[nextSize++] = o;
            }
            frontier = next;
            size = nextSize;
        }
        reached.touched = touched;
        return reached;
    }

    /**
     * Reads one slot of each cache line of the first {@code size} entries of an adjacency array.
     */
    private static int touch(Object[] a, int size) {
        int n = 0;
        for (int i = 0; i < size * Node.STRIDE; i += 16) {
            n += a[i] == null ? 1 : 0;
        }
        return n;
    }

    /**
     * Asks {@code steps} about the {@code k}-th relationship of the level, whose far end is {@code
     * o}.
     */
    private static boolean ask(Steps steps, Level level, int k, Node[] frontier, Node o) {
        int meta = level.meta[k];
        boolean atIsSource = (meta & Level.SOURCE_BIT) != 0;
        String atType = frontier[meta >>> Level.AT_SHIFT].type;
        return steps.follow(level.via[k].type(), atIsSource, atType, o.type);
    }

    /** Adds the relationships of {@code at} on that side that {@code steps} may follow. */
    private static void collect(
            Level level, Node at, int atIndex, boolean atIsSource, Steps steps) {
        Object[] a = atIsSource ? at.out : at.in;
        int end = (atIsSource ? at.outSize : at.inSize) * Node.STRIDE;
        String atType = at.type;
        int meta = (atIndex << Level.AT_SHIFT) | (atIsSource ? Level.SOURCE_BIT : 0);
        for (int i = 0; i < end; i += Node.STRIDE) {
            int step = steps.step((String) a[i], atIsSource, atType);
            if (step != SKIP) {
                level.add(
                        (Slot) a[i + 1],
                        (Relationship) a[i + 2],
                        step == ASK ? meta | Level.ASK_BIT : meta);
            }
        }
    }

    /**
     * The relationships one level of a walk may follow, in the order the walk meets them: the far
     * end's slot, the relationship, and which frontier entity and side it was met from.
     */
    private static final class Level {
        static final int ASK_BIT = 1;
        static final int SOURCE_BIT = 2;
        static final int AT_SHIFT = 2;
        Slot[] slots = new Slot[256];
        Node[] heads = new Node[256];
        Relationship[] via = new Relationship[256];
        int[] meta = new int[256];
        int size;

        void clear() {
            size = 0;
        }

        void add(Slot s, Relationship r, int m) {
            if (size == slots.length) {
                int c = size * 2;
                slots = java.util.Arrays.copyOf(slots, c);
                heads = java.util.Arrays.copyOf(heads, c);
                via = java.util.Arrays.copyOf(via, c);
                meta = java.util.Arrays.copyOf(meta, c);
            }
            slots[size] = s;
            via[size] = r;
            meta[size] = m;
            size++;
        }
    }

    /** An open-addressing identity set of slots, hashed by their ids' hash. */
    private static final class SlotSet {
        private Slot[] table = new Slot[1024];
        private int size;

        boolean contains(Slot s) {
            Slot[] t = table;
            int mask = t.length - 1;
            for (int i = mix(s.hash) & mask; ; i = (i + 1) & mask) {
                Slot e = t[i];
                if (e == null) {
                    return false;
                }
                if (e == s) {
                    return true;
                }
            }
        }

        void add(Slot s) {
            if ((size + 1) * 2 > table.length) {
                Slot[] old = table;
                table = new Slot[old.length * 2];
                size = 0;
                for (Slot e : old) {
                    if (e != null) {
                        add(e);
                    }
                }
            }
            Slot[] t = table;
            int mask = t.length - 1;
            int i = mix(s.hash) & mask;
            while (t[i] != null) {
                if (t[i] == s) {
                    return;
                }
                i = (i + 1) & mask;
            }
            t[i] = s;
            size++;
        }

        private static int mix(int h) {
            h *= 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }
}
