package org.aitia.collectors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.aitia.model.TopologyChange.Op;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Entity HOST = Entity.of("compute-3", "nova.host", "compute-3", "edge-1");
    static final Entity VM = Entity.of("vm-17", "nova.instance", "vfw-1", "edge-1");
    static final Relationship CONTAINS = new Relationship("compute-3", "vm-17", "contains");

    @Test
    void shouldUpsertEverythingOnTheFirstSnapshot() {
        List<TopologyChange> changes =
                new SnapshotDiff().update(new Topology(List.of(HOST, VM), List.of(CONTAINS)), T0);

        assertThat(changes)
                .extracting(TopologyChange::key)
                .containsExactly("compute-3", "vm-17", "compute-3|contains|vm-17");
        assertThat(changes).allMatch(c -> c.op() == Op.UPSERT && T0.equals(c.time()));
    }

    @Test
    void shouldPublishNothingWhenNothingChanged() {
        SnapshotDiff diff = new SnapshotDiff();
        diff.update(new Topology(List.of(HOST, VM), List.of(CONTAINS)), T0);

        assertThat(diff.update(new Topology(List.of(HOST, VM), List.of(CONTAINS)), T0)).isEmpty();
    }

    @Test
    void shouldUpsertChangedStateAndDeleteTheEdgeBeforeTheEntity() {
        SnapshotDiff diff = new SnapshotDiff();
        diff.update(new Topology(List.of(HOST, VM), List.of(CONTAINS)), T0);

        List<TopologyChange> changes =
                diff.update(new Topology(List.of(HOST.withState("down")), List.of()), T0);

        assertThat(changes)
                .extracting(TopologyChange::op, TopologyChange::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Op.UPSERT, "compute-3"),
                        org.assertj.core.groups.Tuple.tuple(Op.DELETE, "compute-3|contains|vm-17"),
                        org.assertj.core.groups.Tuple.tuple(Op.DELETE, "vm-17"));
    }

    @Test
    void shouldResyncEverythingAfterReset() {
        SnapshotDiff diff = new SnapshotDiff();
        diff.update(new Topology(List.of(HOST), List.of()), T0);
        diff.reset();

        assertThat(diff.update(new Topology(List.of(HOST), List.of()), T0)).hasSize(1);
    }
}
