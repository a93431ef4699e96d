package org.aitia.collectors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aitia.model.Entity;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.aitia.model.TopologyChange.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticDatasourceTest {
    static final Path VITRAGE_SAMPLE =
            Path.of("src/test/resources/peers/vitrage/static/switch_and_nic.yaml");

    @TempDir Path dir;
    final List<TopologyChange> published = new CopyOnWriteArrayList<>();

    @Test
    void shouldReadVitrageStaticSampleWithStaticIdsAndAttachedRelationship() throws Exception {
        Path f = dir.resolve("switch_and_nic.yaml");
        Files.copy(VITRAGE_SAMPLE, f);

        Topology t = StaticDatasource.read(f);

        assertThat(t.entities())
                .extracting(Entity::id, Entity::type, Entity::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("nic-1", "nic", "available"),
                        org.assertj.core.groups.Tuple.tuple("switch-2", "switch", "available"));
        assertThat(t.entities().get(0).properties()).containsEntry("vitrage_static_id", "12345");
        assertThat(t.relationships())
                .singleElement()
                .extracting(r -> r.id())
                .isEqualTo("nic-1|attached|switch-2");
    }

    @Test
    void shouldPublishOnlyTheDifferenceWhenTheFileChanges() throws Exception {
        Path f = dir.resolve("topology.json");
        Files.writeString(
                f,
                "{\"entities\":[{\"id\":\"sw-1\",\"type\":\"switch\"},{\"id\":\"nic-9\",\"type\":\"nic\"}],"
                        + "\"relationships\":[{\"source\":\"nic-9\",\"target\":\"sw-1\",\"type\":\"attached\"}]}");
        try (StaticDatasource ds =
                StaticDatasource.start(List.of(f.toString()), 50, published::addAll)) {
            assertThat(published).hasSize(3);

            Files.writeString(
                    f,
                    "{\"entities\":[{\"id\":\"sw-1\",\"type\":\"switch\",\"state\":\"down\"}],\"relationships\":[]}");
            Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
            waitFor(() -> published.size() >= 6);

            assertThat(published.subList(3, published.size()))
                    .extracting(TopologyChange::op, TopologyChange::key)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Op.UPSERT, "sw-1"),
                            org.assertj.core.groups.Tuple.tuple(Op.DELETE, "nic-9|attached|sw-1"),
                            org.assertj.core.groups.Tuple.tuple(Op.DELETE, "nic-9"));
        }
    }

    @Test
    void shouldKeepThePreviousContentWhenTheFileBecomesUnreadable() throws Exception {
        Path f = dir.resolve("topology.json");
        Files.writeString(
                f, "{\"entities\":[{\"id\":\"sw-1\",\"type\":\"switch\"}],\"relationships\":[]}");
        try (StaticDatasource ds =
                StaticDatasource.start(List.of(f.toString()), 50, published::addAll)) {
            Files.writeString(f, "{\"entities\":[{\"id\":");
            Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
            Thread.sleep(300);

            assertThat(published).extracting(TopologyChange::op).containsOnly(Op.UPSERT);
        }
    }

    static void waitFor(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!cond.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }
}
