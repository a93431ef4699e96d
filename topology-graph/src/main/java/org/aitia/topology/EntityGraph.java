package org.aitia.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.aitia.topology.TopologyChangeRejectedException.Reason;
import org.aitia.topology.state.StateTables;

/**
 * The live entity graph: a directed multigraph (self-loops allowed) of {@link Entity} vertices and
 * typed {@link Relationship} edges, with O(1) look-up by id and by (type, name) and indexes by type
 * and by site.
 *
 * <p><b>One writer, many readers.</b> {@link #apply}, {@link #applyAll} and {@link #load} are
 * called by one writer (they are {@code synchronized}, so a second writer waits rather than
 * corrupts). Readers on other threads never block the writer and are never blocked by it: they take
 * a {@link #snapshot()}, which reads one fixed version for as long as it is open (multi-version
 * records: the writer never changes a published record, it links a new one in front of it and cuts
 * old versions once no open snapshot needs them). Reading the graph itself (its {@link GraphView}
 * methods) sees the newest published version at each call: exact on the writer's thread, one
 * consistent record per call elsewhere.
 *
 * <p><b>Changes.</b> Upserts and deletes are idempotent: upserting what is there or deleting what
 * is absent changes nothing and does not bump the version. Deleting an entity deletes its
 * relationships. A relationship of an unknown type, or whose source or target is absent, is
 * rejected with a {@link TopologyChangeRejectedException} naming the reason; a batch is all or
 * nothing and readers never see part of it. Each change that alters the graph bumps {@link
 * #version()} by one.
 */
public final class EntityGraph extends GraphView {
    private static final Map<String, String> RELATIONSHIP_TYPES = new HashMap<>();

    static {
        for (String t : Relationship.KNOWN_TYPES) {
            RELATIONSHIP_TYPES.put(t, t);
        }
    }

    private final ConcurrentHashMap<String, Slot> nodes;
    private final ConcurrentHashMap<String, TypeIndex> types = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> sites = new ConcurrentHashMap<>();
    private final StateTables states;
    private volatile Published published = new Published(0, 0, 0);

    // Writer-only state.
    private long pending;
    private int entities;
    private long relationships;
    private final ArrayDeque<Retired> retired = new ArrayDeque<>();
    private final HashMap<String, String> interned = new HashMap<>();
    private Undo undo;

    // Open snapshots: version -> count, guarded by registry (the writer only ever tryLocks it).
    private final ReentrantLock registry = new ReentrantLock();
    private final TreeMap<Long, Integer> open = new TreeMap<>();

    /** An empty graph with Vitrage's and Aitia's default state tables. */
    public EntityGraph() {
        this(StateTables.defaults(), 16);
    }

    /**
     * An empty graph.
     *
     * @param states the state tables {@link #state} aggregates with
     * @param expectedEntities a sizing hint (not a limit)
     */
    public EntityGraph(StateTables states, int expectedEntities) {
        this.states = Objects.requireNonNull(states, "states");
        if (expectedEntities < 0) {
            throw new IllegalArgumentException("expectedEntities must be >= 0");
        }
        this.nodes = new ConcurrentHashMap<>(Math.max(16, expectedEntities), 0.75f, 1);
    }

    /**
     * A graph holding {@code topology}.
     *
     * @throws TopologyChangeRejectedException when the topology has duplicate ids, unknown
     *     relationship types or dangling relationships
     */
    public static EntityGraph of(Topology topology) {
        EntityGraph g = new EntityGraph(StateTables.defaults(), topology.entities().size());
        g.load(topology);
        return g;
    }

    @Override
    Node node(String id) {
        if (id == null) {
            return null;
        }
        for (; ; ) {
            long v = published.version();
            Node n = Node.visible(head(id), v);
            if (n != null || published.version() == v) {
                return n;
            }
        }
    }

    @Override
    Node node(Slot slot) {
        for (; ; ) {
            long v = published.version();
            Node n = Node.visible(slot.head, v);
            if (n != null || published.version() == v) {
                return n;
            }
        }
    }

    @Override
    Node visible(Node head) {
        return Node.visible(head, published.version());
    }

    @Override
    EntityGraph graph() {
        return this;
    }

    @Override
    Published published() {
        return published;
    }

    @Override
    public long version() {
        return published.version();
    }

    /** The state tables this graph aggregates states with. */
    public StateTables states() {
        return states;
    }

    /**
     * A consistent, immutable view of the current version for as long as it is open. Close it
     * (try-with-resources) so the writer can drop the old versions it pins; one that is garbage
     * collected unclosed is released then.
     */
    public GraphSnapshot snapshot() {
        registry.lock();
        try {
            Published p = published;
            open.merge(p.version(), 1, Integer::sum);
            return new GraphSnapshot(this, p);
        } finally {
            registry.unlock();
        }
    }

    void release(long version) {
        registry.lock();
        try {
            open.computeIfPresent(version, (k, c) -> c == 1 ? null : c - 1);
        } finally {
            registry.unlock();
        }
    }

    /** The number of snapshots open now. */
    public int openSnapshots() {
        registry.lock();
        try {
            return open.values().stream().mapToInt(Integer::intValue).sum();
        } finally {
            registry.unlock();
        }
    }

    /**
     * Applies one change.
     *
     * @throws TopologyChangeRejectedException with the reason, when the change cannot be applied;
     *     the graph is then unchanged
     */
    public synchronized ApplyResult apply(TopologyChange change) {
        return run(change == null ? nullList() : List.of(change), false);
    }

    /**
     * Applies changes in order, all or nothing: readers see none of them until all are applied.
     *
     * @throws TopologyChangeRejectedException naming the first change that cannot be applied (its
     *     {@link TopologyChangeRejectedException#index()}); the graph is then unchanged
     */
    public synchronized ApplyResult applyAll(List<TopologyChange> changes) {
        Objects.requireNonNull(changes, "changes");
        return run(changes, changes.size() > 1);
    }

    /**
     * Adds a whole topology, all or nothing: its entities, then its relationships.
     *
     * @throws TopologyChangeRejectedException when an entity id or a relationship appears twice in
     *     the topology ({@link Reason#DUPLICATE_ID}), or a relationship is unknown or dangling
     */
    public synchronized ApplyResult load(Topology topology) {
        Objects.requireNonNull(topology, "topology");
        Map<String, Integer> seen = new HashMap<>(topology.entities().size() * 4 / 3 + 1);
        List<Entity> es = topology.entities();
        for (int i = 0; i < es.size(); i++) {
            Integer first = seen.putIfAbsent(es.get(i).id(), i);
            if (first != null) {
                throw new TopologyChangeRejectedException(
                        Reason.DUPLICATE_ID,
                        "duplicate entity id '"
                                + es.get(i).id()
                                + "' (entities["
                                + first
                                + "] and entities["
                                + i
                                + "])",
                        TopologyChange.upsert(es.get(i)),
                        i);
            }
        }
        seen = null;
        Set<String> rels = new HashSet<>(topology.relationships().size() * 4 / 3 + 1);
        List<Relationship> rs = topology.relationships();
        for (int i = 0; i < rs.size(); i++) {
            if (!rels.add(rs.get(i).id())) {
                throw new TopologyChangeRejectedException(
                        Reason.DUPLICATE_ID,
                        "duplicate relationship '"
                                + rs.get(i).id()
                                + "' (relationships["
                                + i
                                + "])",
                        TopologyChange.upsert(rs.get(i)),
                        es.size() + i);
            }
        }
        rels = null;
        return run(topology.asChanges(), true);
    }

    private static List<TopologyChange> nullList() {
        List<TopologyChange> l = new ArrayList<>(1);
        l.add(null);
        return l;
    }

    private ApplyResult run(List<TopologyChange> changes, boolean batch) {
        Published before = published;
        pending = before.version() + 1;
        int startEntities = entities;
        long startRelationships = relationships;
        int retiredMark = retired.size();
        undo = batch ? new Undo(nodes.isEmpty()) : null;
        int changed = 0;
        int unchanged = 0;
        try {
            for (int i = 0; i < changes.size(); i++) {
                if (applyOne(changes.get(i), i)) {
                    changed++;
                } else {
                    unchanged++;
                }
            }
        } catch (RuntimeException | Error e) {
            rollback(startEntities, startRelationships, retiredMark);
            throw e;
        } finally {
            undo = null;
        }
        if (changed > 0) {
            published = new Published(before.version() + changed, entities, relationships);
        }
        reclaim();
        return new ApplyResult(published.version(), changed, unchanged);
    }

    private boolean applyOne(TopologyChange c, int index) {
        if (c == null) {
            throw new TopologyChangeRejectedException(
                    Reason.INVALID, "change " + index + " is null", null, index);
        }
        if (c.entity() != null) {
            return c.op() == TopologyChange.Op.UPSERT
                    ? upsertEntity(c.entity())
                    : deleteEntity(c.entity().id());
        }
        Relationship r = c.relationship();
        String type = RELATIONSHIP_TYPES.get(r.type());
        if (type == null) {
            throw new TopologyChangeRejectedException(
                    Reason.UNKNOWN_RELATIONSHIP_TYPE,
                    "unknown relationship type '"
                            + r.type()
                            + "' in "
                            + r.id()
                            + " (known: "
                            + String.join(", ", new java.util.TreeSet<>(Relationship.KNOWN_TYPES))
                            + ")",
                    c,
                    index);
        }
        Slot ss = nodes.get(r.source());
        Slot ts = nodes.get(r.target());
        Node s = live(ss);
        Node t = live(ts);
        if (c.op() == TopologyChange.Op.DELETE) {
            Relationship existing = s == null || t == null ? null : find(s, ss, t, ts, type);
            if (existing == null) {
                return false;
            }
            removeRelationship(existing);
            return true;
        }
        if (s == null || t == null) {
            String which =
                    s == null
                            ? "source '"
                                    + r.source()
                                    + "'"
                                    + (t == null ? " and target '" + r.target() + "'" : "")
                            : "target '" + r.target() + "'";
            throw new TopologyChangeRejectedException(
                    Reason.DANGLING_EDGE,
                    "relationship " + r.id() + " is dangling: " + which + " is not in the graph",
                    c,
                    index);
        }
        if (find(s, ss, t, ts, type) != null) {
            return false;
        }
        Relationship canonical = r;
        if (r.source() != s.entity.id() || r.target() != t.entity.id() || r.type() != type) {
            canonical = new Relationship(s.entity.id(), t.entity.id(), type);
        }
        Node ms = mutable(ss);
        ms.out = append(ms.out, ms.outSize, type, ts, canonical);
        ms.outSize++;
        Node mt = mutable(ts);
        mt.in = append(mt.in, mt.inSize, type, ss, canonical);
        mt.inSize++;
        relationships++;
        return true;
    }

    /** The head of that slot when it is a live entity, else null (writer's view). */
    private static Node live(Slot slot) {
        Node head = slot == null ? null : slot.head;
        return head == null || head.isTombstone() ? null : head;
    }

    /** The relationship source-type->target, scanning the smaller adjacency; or null. */
    private static Relationship find(Node s, Slot ss, Node t, Slot ts, String type) {
        Object[] a = s.outSize <= t.inSize ? s.out : t.in;
        int size = s.outSize <= t.inSize ? s.outSize : t.inSize;
        Slot other = s.outSize <= t.inSize ? ts : ss;
        for (int i = 0; i < size * Node.STRIDE; i += Node.STRIDE) {
            if (a[i] == type && a[i + 1] == other) {
                return (Relationship) a[i + 2];
            }
        }
        return null;
    }

    private boolean upsertEntity(Entity given) {
        Entity e = canonical(given);
        Slot slot = nodes.get(e.id());
        Node head = slot == null ? null : slot.head;
        Node cur = head == null || head.isTombstone() ? null : head;
        if (cur == null) {
            touch(e.id(), head);
            if (slot == null) {
                slot = new Slot(e.id());
                nodes.put(e.id(), slot);
            }
            slot.head = new Node(pending, e, Node.NONE, 0, Node.NONE, 0, head);
            if (head != null) {
                retired.add(new Retired(e.id(), pending, null));
            }
            entities++;
            index(e);
            return true;
        }
        Entity old = cur.entity;
        if (old.equals(e)) {
            return false;
        }
        Node m = mutable(slot);
        m.setEntity(e);
        if (!old.type().equals(e.type())
                || !old.site().equals(e.site())
                || !old.name().equals(e.name())) {
            index(e);
            retired.add(new Retired(old.id(), pending, old));
        }
        return true;
    }

    private boolean deleteEntity(String id) {
        Slot slot = nodes.get(id);
        Node cur = live(slot);
        if (cur == null) {
            return false;
        }
        Entity old = cur.entity;
        int selfLoops = 0;
        for (int i = 0; i < cur.outSize; i++) {
            Slot target = (Slot) cur.out[i * Node.STRIDE + 1];
            if (target == slot) {
                selfLoops++;
            } else {
                removeIn(mutable(target), cur.out(i));
            }
        }
        for (int i = 0; i < cur.inSize; i++) {
            Slot source = (Slot) cur.in[i * Node.STRIDE + 1];
            if (source != slot) {
                removeOut(mutable(source), cur.in(i));
            }
        }
        relationships -= cur.outSize + cur.inSize - selfLoops;
        touch(id, cur);
        Node prev = cur.version == pending ? cur.prev : cur;
        slot.head = new Node(pending, null, Node.NONE, 0, Node.NONE, 0, prev);
        retired.add(new Retired(id, pending, old));
        entities--;
        return true;
    }

    private void removeRelationship(Relationship r) {
        removeOut(mutable(nodes.get(r.source())), r);
        removeIn(mutable(nodes.get(r.target())), r);
        relationships--;
    }

    private static void removeOut(Node n, Relationship r) {
        n.out = without(n.out, n.outSize, r);
        n.outSize--;
    }

    private static void removeIn(Node n, Relationship r) {
        n.in = without(n.in, n.inSize, r);
        n.inSize--;
    }

    /**
     * A copy of the first {@code size} relationships without {@code r} (never changes the array).
     */
    private static Object[] without(Object[] items, int size, Relationship r) {
        int at = -1;
        for (int i = 0; i < size; i++) {
            Object e = items[i * Node.STRIDE + 2];
            if (e == r || e.equals(r)) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw new IllegalStateException("adjacency lost " + r.id());
        }
        if (size == 1) {
            return Node.NONE;
        }
        int k = Node.STRIDE;
        Object[] copy = new Object[(size - 1) * k];
        System.arraycopy(items, 0, copy, 0, at * k);
        System.arraycopy(items, (at + 1) * k, copy, at * k, (size - at - 1) * k);
        return copy;
    }

    /**
     * Appends into free slots beyond {@code size} (no published node reads them) or a grown copy.
     */
    private static Object[] append(
            Object[] items, int size, String type, Slot other, Relationship r) {
        int k = Node.STRIDE;
        Object[] target = items;
        if ((size + 1) * k > items.length) {
            int capacity = size < 8 ? size + 1 : size + (size >> 1);
            target = new Object[capacity * k];
            System.arraycopy(items, 0, target, 0, size * k);
        }
        target[size * k] = type;
        target[size * k + 1] = other;
        target[size * k + 2] = r;
        return target;
    }

    /**
     * The head of live entity {@code id}, as a node of the pending version the writer may change.
     */
    private Node mutable(Slot slot) {
        Node head = slot.head;
        if (head.version == pending) {
            return head;
        }
        Node n = new Node(pending, head.entity, head.out, head.outSize, head.in, head.inSize, head);
        touch(slot.id, head);
        slot.head = n;
        retired.add(new Retired(slot.id, pending, null));
        return n;
    }

    private void touch(String id, Node head) {
        if (undo != null && !undo.fresh) {
            undo.heads.putIfAbsent(id, head == null ? Undo.ABSENT : head);
        }
    }

    private Entity canonical(Entity e) {
        String type = intern(e.type());
        String site = intern(e.site());
        String state = e.state() == null ? null : intern(e.state());
        String name = e.name().equals(e.id()) ? e.id() : e.name();
        if (type == e.type() && site == e.site() && state == e.state() && name == e.name()) {
            return e;
        }
        return new Entity(e.id(), type, name, site, state, e.properties());
    }

    private String intern(String s) {
        String known = interned.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    // ---- indexes ----

    private void index(Entity e) {
        TypeIndex ti = types.computeIfAbsent(e.type(), k -> new TypeIndex());
        boolean addedType = ti.ids.add(e.id());
        boolean addedName = ti.addName(e.name(), e.id());
        boolean addedSite =
                sites.computeIfAbsent(e.site(), k -> ConcurrentHashMap.newKeySet()).add(e.id());
        if (undo != null && !undo.fresh && (addedType || addedName || addedSite)) {
            undo.indexed.add(e);
        }
    }

    /** Drops the index entries of {@code old} that no node left in the chain of its id needs. */
    private void unindex(Entity old) {
        boolean typeNeeded = false;
        boolean nameNeeded = false;
        boolean siteNeeded = false;
        for (Node n = head(old.id()); n != null; n = n.prev) {
            Entity e = n.entity;
            if (e != null) {
                typeNeeded |= e.type().equals(old.type());
                nameNeeded |= e.type().equals(old.type()) && e.name().equals(old.name());
                siteNeeded |= e.site().equals(old.site());
            }
        }
        TypeIndex ti = types.get(old.type());
        if (ti != null) {
            if (!typeNeeded) {
                ti.ids.remove(old.id());
            }
            if (!nameNeeded) {
                ti.removeName(old.name(), old.id());
            }
        }
        Set<String> s = sites.get(old.site());
        if (s != null && !siteNeeded) {
            s.remove(old.id());
        }
    }

    Object idsByTypeAndName(String type, String name) {
        TypeIndex ti = types.get(type);
        return ti == null ? null : ti.names.get(name);
    }

    Set<String> idsOfType(String type) {
        TypeIndex ti = type == null ? null : types.get(type);
        return ti == null ? null : ti.ids;
    }

    Set<String> idsOfSite(String site) {
        return site == null ? null : sites.get(site);
    }

    /** The entity types present (or recently present), sorted. */
    public List<String> types() {
        return types.keySet().stream().sorted().toList();
    }

    /** The sites present (or recently present), sorted. */
    public List<String> sites() {
        return sites.keySet().stream().sorted().toList();
    }

    Node head(String id) {
        Slot s = id == null ? null : nodes.get(id);
        return s == null ? null : s.head;
    }

    Slot slot(String id) {
        return id == null ? null : nodes.get(id);
    }

    void forEachHead(Consumer<Node> action) {
        nodes.values().forEach(s -> action.accept(s.head));
    }

    // ---- rollback and reclamation ----

    private void rollback(int startEntities, long startRelationships, int retiredMark) {
        entities = startEntities;
        relationships = startRelationships;
        while (retired.size() > retiredMark) {
            retired.pollLast();
        }
        if (undo == null) {
            return;
        }
        if (undo.fresh) {
            nodes.clear();
            types.clear();
            sites.clear();
            return;
        }
        for (Map.Entry<String, Node> e : undo.heads.entrySet()) {
            if (e.getValue() == Undo.ABSENT) {
                nodes.remove(e.getKey());
            } else {
                nodes.get(e.getKey()).head = e.getValue();
            }
        }
        for (Entity e : undo.indexed) {
            unindex(e);
        }
    }

    /** Cuts the versions no open snapshot can read any more. Writer only; never blocks. */
    private void reclaim() {
        if (retired.isEmpty() || !registry.tryLock()) {
            return;
        }
        long min;
        try {
            min = open.isEmpty() ? published.version() : open.firstKey();
        } finally {
            registry.unlock();
        }
        while (!retired.isEmpty() && retired.peekFirst().at() <= min) {
            Retired r = retired.pollFirst();
            Slot slot = nodes.get(r.id());
            Node head = slot == null ? null : slot.head;
            Node n = head;
            while (n != null && n.version > min) {
                n = n.prev;
            }
            if (n != null) {
                n.prev = null;
                if (n == head && head.isTombstone()) {
                    nodes.remove(r.id(), slot);
                }
            }
            if (r.old() != null) {
                unindex(r.old());
            }
        }
    }

    /** A node superseded at version {@code at}; {@code old} when index entries may be stale. */
    private record Retired(String id, long at, Entity old) {}

    /** What a failed batch must restore. */
    private static final class Undo {
        static final Node ABSENT = new Node(-1, null, Node.NONE, 0, Node.NONE, 0, null);
        final boolean fresh;
        final HashMap<String, Node> heads = new HashMap<>();
        final List<Entity> indexed = new ArrayList<>();

        Undo(boolean fresh) {
            this.fresh = fresh;
        }
    }

    /** The ids of one entity type, and its names. */
    private static final class TypeIndex {
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        final ConcurrentHashMap<String, Object> names = new ConcurrentHashMap<>();

        boolean addName(String name, String id) {
            Object cur = names.get(name);
            if (cur == null) {
                names.put(name, id);
                return true;
            }
            if (cur instanceof String s) {
                if (s.equals(id)) {
                    return false;
                }
                names.put(name, new String[] {s, id});
                return true;
            }
            String[] ids = (String[]) cur;
            for (String s : ids) {
                if (s.equals(id)) {
                    return false;
                }
            }
            String[] more = java.util.Arrays.copyOf(ids, ids.length + 1);
            more[ids.length] = id;
            names.put(name, more);
            return true;
        }

        void removeName(String name, String id) {
            Object cur = names.get(name);
            if (cur instanceof String s) {
                if (s.equals(id)) {
                    names.remove(name, cur);
                }
            } else if (cur instanceof String[] ids) {
                List<String> rest = new ArrayList<>(ids.length);
                for (String s : ids) {
                    if (!s.equals(id)) {
                        rest.add(s);
                    }
                }
                if (rest.size() == 1) {
                    names.put(name, rest.get(0));
                } else if (rest.size() != ids.length) {
                    names.put(name, rest.toArray(new String[0]));
                }
            }
        }
    }
}
