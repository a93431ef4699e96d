package org.aitia.collectors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aitia.collectors.CollectorsConfig;
import org.aitia.model.TopologyChange;
import org.aitia.model.TopologyChange.Op;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** fabric8's Kubernetes mock server in CRUD mode: nodes and pods, watched by informers. */
class KubernetesDatasourceIT {
    KubernetesMockServer server;
    KubernetesClient client;
    final List<TopologyChange> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server =
                new KubernetesMockServer(
                        new Context(),
                        new MockWebServer(),
                        new HashMap<>(),
                        new KubernetesCrudDispatcher(),
                        false);
        server.init();
        client = server.createClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    @Test
    void shouldPublishNodesPodsAndPodOnNodeThenOnlyTheirChanges() throws Exception {
        client.nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName("worker-1")
                                .addToLabels("topology.kubernetes.io/zone", "edge-1")
                                .endMetadata()
                                .withNewStatus()
                                .addNewCondition()
                                .withType("Ready")
                                .withStatus("True")
                                .endCondition()
                                .endStatus()
                                .build())
                .create();
        client.pods().inNamespace("vnf").resource(pod("vfw-0", "worker-1", "Running")).create();

        try (KubernetesDatasource ds =
                KubernetesDatasource.start(
                        client,
                        new CollectorsConfig.Kubernetes(null, null, null, null),
                        published::addAll)) {
            StaticDatasourceTest.waitFor(() -> published.size() >= 3);
            assertThat(published)
                    .extracting(TopologyChange::op, TopologyChange::key)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    Op.UPSERT, "kubernetes.node:worker-1"),
                            org.assertj.core.groups.Tuple.tuple(
                                    Op.UPSERT, "kubernetes.pod:vnf/vfw-0"),
                            org.assertj.core.groups.Tuple.tuple(
                                    Op.UPSERT,
                                    "kubernetes.node:worker-1|contains|kubernetes.pod:vnf/vfw-0"));
            assertThat(published.get(0).entity().site()).isEqualTo("edge-1");
            assertThat(published.get(0).entity().state()).isEqualTo("Ready");
            assertThat(published.get(1).entity().name()).isEqualTo("vfw-0");

            client.pods().inNamespace("vnf").resource(pod("vfw-0", "worker-1", "Failed")).update();
            StaticDatasourceTest.waitFor(() -> published.size() >= 4);
            assertThat(published.get(3).op()).isEqualTo(Op.UPSERT);
            assertThat(published.get(3).entity().state()).isEqualTo("Failed");

            client.pods().inNamespace("vnf").withName("vfw-0").delete();
            StaticDatasourceTest.waitFor(() -> published.size() >= 6);
            assertThat(published.subList(4, published.size()))
                    .extracting(TopologyChange::op, TopologyChange::key)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    Op.DELETE,
                                    "kubernetes.node:worker-1|contains|kubernetes.pod:vnf/vfw-0"),
                            org.assertj.core.groups.Tuple.tuple(
                                    Op.DELETE, "kubernetes.pod:vnf/vfw-0"));
        }
    }

    static Pod pod(String name, String node, String phase) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("vnf")
                .endMetadata()
                .withNewSpec()
                .withNodeName(node)
                .endSpec()
                .withNewStatus()
                .withPhase(phase)
                .withPodIP("10.244.0.7")
                .endStatus()
                .build();
    }
}
