package org.aitia.streaming.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.TopologyChange;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignSiteTest {
    static final Entity HOST = Entity.of("compute-3", "nova.host", "compute-3", "edge-1");
    static final Relationship CONTAINS = new Relationship("compute-3", "vm-17", "contains");

    KeyedOneInputStreamOperatorTestHarness<String, TopologyChange, SiteInput> harness;

    @BeforeEach
    void start() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new AssignSite(), new TopologyRoutingKey(), Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    void send(TopologyChange c) throws Exception {
        harness.processElement(c, 0);
    }

    List<String> routed() {
        return harness.extractOutputValues().stream()
                .map(in -> in.site() + " " + in.change().op() + " " + in.change().key())
                .toList();
    }

    @Test
    void shouldSendARelationshipToTheSiteOfItsSourceOnceTheSourceIsKnown() throws Exception {
        send(TopologyChange.upsert(CONTAINS));
        assertThat(routed()).isEmpty();

        send(TopologyChange.upsert(HOST));

        assertThat(routed())
                .containsExactly("edge-1 UPSERT compute-3", "edge-1 UPSERT " + CONTAINS.id());
    }

    @Test
    void shouldMoveAnEntityAndItsRelationshipsWhenItChangesSite() throws Exception {
        send(TopologyChange.upsert(HOST));
        send(TopologyChange.upsert(CONTAINS));

        send(TopologyChange.upsert(Entity.of("compute-3", "nova.host", "compute-3", "edge-2")));

        assertThat(routed())
                .containsExactly(
                        "edge-1 UPSERT compute-3",
                        "edge-1 UPSERT " + CONTAINS.id(),
                        "edge-1 DELETE " + CONTAINS.id(),
                        "edge-1 DELETE compute-3",
                        "edge-2 UPSERT compute-3",
                        "edge-2 UPSERT " + CONTAINS.id());
    }

    @Test
    void shouldForgetTheRelationshipsOfADeletedEntity() throws Exception {
        send(TopologyChange.upsert(HOST));
        send(TopologyChange.upsert(CONTAINS));
        send(TopologyChange.delete(HOST));

        send(TopologyChange.upsert(HOST));

        assertThat(routed()).endsWith("edge-1 DELETE compute-3", "edge-1 UPSERT compute-3");
    }
}
