package org.aitia.streaming.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.aitia.model.Entity;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.TopologyChange;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResolveEntityTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Entity VM = Entity.of("vm-17", "nova.instance", "vfw-1", "edge-1");

    KeyedTwoInputStreamOperatorTestHarness<String, TelemetryEvent, EntityIndexEntry, ResolvedEvent>
            harness;

    @BeforeEach
    void start() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                        new ResolveEntity(3_000),
                        new Keys.EntityRef(),
                        new Keys.IndexRef(),
                        Types.STRING);
        harness.setProcessingTime(0);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    void index(TopologyChange change) throws Exception {
        new IndexEntities()
                .flatMap(
                        change,
                        new Collector<>() {
                            @Override
                            public void collect(EntityIndexEntry e) {
                                try {
                                    harness.processElement2(e, 0);
                                } catch (Exception ex) {
                                    throw new IllegalStateException(ex);
                                }
                            }

                            @Override
                            public void close() {}
                        });
    }

    static TelemetryEvent fault(String ref) {
        return TelemetryEvent.fault(ref, "instance down", Severity.CRITICAL, T0, "doctor");
    }

    @Test
    void shouldResolveAnEventThatNamesTheEntityByItsName() throws Exception {
        index(TopologyChange.upsert(VM));

        harness.processElement1(fault("vfw-1"), T0.toEpochMilli());

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.entityId()).isEqualTo("vm-17");
                            assertThat(r.site()).isEqualTo("edge-1");
                            assertThat(r.entityType()).isEqualTo("nova.instance");
                            assertThat(r.resolved()).isTrue();
                        });
    }

    @Test
    void shouldHoldAnEventUntilTheTopologyNamesItsEntity() throws Exception {
        harness.processElement1(fault("vm-17"), T0.toEpochMilli());
        assertThat(harness.extractOutputValues()).isEmpty();

        index(TopologyChange.upsert(VM));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(r -> assertThat(r.site()).isEqualTo("edge-1"));
        harness.setProcessingTime(10_000);
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void shouldResolveAnUnknownEntityToItselfInTheDefaultSiteAfterTheGracePeriod()
            throws Exception {
        harness.processElement1(fault("switch-9"), T0.toEpochMilli());
        harness.setProcessingTime(2_999);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(3_000);

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.entityId()).isEqualTo("switch-9");
                            assertThat(r.site()).isEqualTo(Entity.DEFAULT_SITE);
                            assertThat(r.resolved()).isFalse();
                        });
    }

    @Test
    void shouldStopResolvingAnEntityOnceItIsDeleted() throws Exception {
        index(TopologyChange.upsert(VM));
        index(TopologyChange.delete(VM));

        harness.processElement1(fault("vm-17"), T0.toEpochMilli());
        harness.setProcessingTime(5_000);

        assertThat(harness.extractOutputValues())
                .filteredOn(r -> !r.event().name().equals(DetectFunction.ENTITY_DELETED))
                .singleElement()
                .satisfies(r -> assertThat(r.resolved()).isFalse());
    }

    @Test
    void shouldTellDetectionOnceWhenAKnownEntityIsDeleted() throws Exception {
        index(TopologyChange.upsert(VM));

        index(TopologyChange.delete(VM));
        index(TopologyChange.delete(VM));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.entityId()).isEqualTo("vm-17");
                            assertThat(r.site()).isEqualTo("edge-1");
                            assertThat(r.event().name()).isEqualTo(DetectFunction.ENTITY_DELETED);
                            assertThat(r.event().source())
                                    .isEqualTo(DetectFunction.ENTITY_DELETED_SOURCE);
                        });
    }
}
