package org.aitia.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.TopologyChange;
import org.aitia.topology.generate.TopologyGenerator;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void shouldGiveReadersConsistentSnapshotsWhileTheWriterKeepsApplying() throws Exception {
        EntityGraph g = EntityGraph.of(new TopologyGenerator(3).generate(2_000));
        List<Entity> instances = g.byType("nova.instance");
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong checked = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Thread t =
                    new Thread(
                            () -> {
                                while (!done.get()) {
                                    try (GraphSnapshot s = g.snapshot()) {
                                        check(s, problems);
                                        checked.incrementAndGet();
                                    }
                                }
                            });
            t.start();
            readers.add(t);
        }
        String host = TopologyGenerator.hostId(1, 1, 2);
        for (int i = 0; i < 20_000 || (checked.get() < 50 && i < 2_000_000); i++) {
            Entity vm = instances.get(i % instances.size());
            Relationship link = new Relationship(host, vm.id(), "managed_by");
            g.apply(TopologyChange.upsert(vm.withState(i % 2 == 0 ? "ERROR" : "ACTIVE")));
            g.apply(i % 3 == 0 ? TopologyChange.delete(link) : TopologyChange.upsert(link));
            if (i % 500 == 0) {
                Entity extra = Entity.of("extra-" + (i / 500 % 5), "nova.instance", null, "s1");
                g.applyAll(
                        List.of(
                                TopologyChange.upsert(extra),
                                TopologyChange.upsert(
                                        new Relationship(host, extra.id(), "contains")),
                                TopologyChange.delete(extra)));
            }
        }
        done.set(true);
        for (Thread t : readers) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }

        assertThat(problems).isEmpty();
        assertThat(checked.get()).isGreaterThanOrEqualTo(50);
        assertThat(g.openSnapshots()).isZero();
    }

    /** Within one snapshot every relationship is seen from both ends, and the counts add up. */
    private static void check(GraphSnapshot s, ConcurrentLinkedQueue<String> problems) {
        long[] out = new long[1];
        int[] entities = new int[1];
        s.forEachEntity(
                e -> {
                    entities[0]++;
                    for (Relationship r : s.outgoing(e.id())) {
                        out[0]++;
                        if (!s.incoming(r.target()).contains(r)) {
                            problems.add(
                                    "v" + s.version() + ": " + r.id() + " missing at its target");
                        }
                    }
                });
        if (out[0] != s.relationshipCount() || entities[0] != s.entityCount()) {
            problems.add(
                    "v"
                            + s.version()
                            + ": counted "
                            + entities[0]
                            + "/"
                            + out[0]
                            + " but published "
                            + s.entityCount()
                            + "/"
                            + s.relationshipCount());
        }
    }

    @Test
    void shouldNotBlockTheWriterWhileASnapshotIsOpen() throws Exception {
        EntityGraph g = EntityGraph.of(new TopologyGenerator(3).generate(2_000));
        Entity vm = g.byType("nova.instance").get(0);
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        long[] seenState = new long[1];
        Thread reader =
                new Thread(
                        () -> {
                            try (GraphSnapshot s = g.snapshot()) {
                                taken.countDown();
                                written.await(10, TimeUnit.SECONDS);
                                seenState[0] =
                                        "ACTIVE".equals(s.entity(vm.id()).orElseThrow().state())
                                                ? 1
                                                : 0;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        reader.start();
        taken.await(10, TimeUnit.SECONDS);

        long before = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            g.apply(TopologyChange.upsert(vm.withState("ERROR-" + i)));
        }
        long tookMs = (System.nanoTime() - before) / 1_000_000;
        written.countDown();
        reader.join(10_000);

        assertThat(tookMs).as("writer ran while the snapshot was open").isLessThan(5_000);
        assertThat(seenState[0]).as("the open snapshot still sees the old state").isEqualTo(1);
        assertThat(g.entity(vm.id()).orElseThrow().state()).isEqualTo("ERROR-999");
    }

    @Test
    void shouldDropOldVersionsOnceNoSnapshotNeedsThem() {
        EntityGraph g = EntityGraph.of(new TopologyGenerator(3).generate(2_000));
        Entity vm = g.byType("nova.instance").get(0);
        GraphSnapshot s = g.snapshot();
        g.apply(TopologyChange.delete(vm));
        assertThat(s.entity(vm.id())).isPresent();

        s.close();
        g.apply(TopologyChange.upsert(Entity.of("other", "nova.instance", null, null)));

        assertThat(g.entity(vm.id())).isEmpty();
        assertThat(g.byType("nova.instance")).extracting(Entity::id).doesNotContain(vm.id());
        assertThat(g.bySite(vm.site())).extracting(Entity::id).doesNotContain(vm.id());
    }
}
