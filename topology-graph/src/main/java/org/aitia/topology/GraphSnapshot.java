package org.aitia.topology;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An immutable view of the graph at one version, for readers on other threads than the writer.
 * Taking one costs O(1) and copies nothing; while it is open the writer keeps the older versions of
 * the records it changes, so close it promptly (try-with-resources). Reading a closed snapshot
 * throws {@link IllegalStateException}.
 */
public final class GraphSnapshot extends GraphView implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final EntityGraph graph;
    private final Published published;
    private final Release release;
    private final Cleaner.Cleanable cleanable;

    GraphSnapshot(EntityGraph graph, Published published) {
        this.graph = graph;
        this.published = published;
        this.release = new Release(graph, published.version());
        this.cleanable = CLEANER.register(this, release);
    }

    @Override
    Node node(String id) {
        check();
        return Node.visible(graph.head(id), published.version());
    }

    @Override
    Node node(Slot slot) {
        check();
        return Node.visible(slot.head, published.version());
    }

    @Override
    Node visible(Node head) {
        check();
        return Node.visible(head, published.version());
    }

    private void check() {
        if (release.done.get()) {
            throw new IllegalStateException(
                    "snapshot of version " + published.version() + " is closed");
        }
    }

    @Override
    EntityGraph graph() {
        return graph;
    }

    @Override
    Published published() {
        return published;
    }

    @Override
    public long version() {
        return published.version();
    }

    /** Releases the versions this snapshot pins. Idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }

    /** Unregisters the snapshot once, on close or when it was collected unclosed. */
    private static final class Release implements Runnable {
        private final EntityGraph graph;
        private final long version;
        private final AtomicBoolean done = new AtomicBoolean();

        Release(EntityGraph graph, long version) {
            this.graph = graph;
            this.version = version;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                graph.release(version);
            }
        }
    }
}
