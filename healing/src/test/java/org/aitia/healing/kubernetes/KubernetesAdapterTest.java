package org.aitia.healing.kubernetes;

import static org.aitia.healing.Actions.T0;
import static org.aitia.healing.Actions.action;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.aitia.healing.HealingConfig.KubernetesConfig;
import org.aitia.healing.HealingConfig.RetryConfig;
import org.aitia.healing.adapter.CallOutcome;
import org.aitia.healing.adapter.Retrying;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KubernetesAdapterTest {
    KubernetesMockServer server;
    KubernetesClient client;
    ExecutorService executor;
    KubernetesAdapter k8s;

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
        executor = Executors.newFixedThreadPool(2);
        k8s =
                new KubernetesAdapter(
                        client,
                        new KubernetesConfig(null, "default", null),
                        new Retrying(
                                new RetryConfig(
                                        2,
                                        Duration.ofMillis(10),
                                        Duration.ofMillis(20),
                                        Duration.ofSeconds(5)),
                                executor),
                        executor);
        client.nodes()
                .resource(
                        new NodeBuilder()
                                .withNewMetadata()
                                .withName("worker-2")
                                .endMetadata()
                                .build())
                .create();
        client.pods()
                .inNamespace("vnf")
                .resource(
                        new PodBuilder()
                                .withNewMetadata()
                                .withName("upf-0")
                                .withNamespace("vnf")
                                .endMetadata()
                                .build())
                .create();
    }

    @AfterEach
    void stop() {
        k8s.close();
        server.destroy();
        executor.shutdownNow();
    }

    @Test
    void shouldDeleteThePodSoItsControllerRestartsIt() {
        CallOutcome out =
                k8s.execute(
                                action(
                                        "k8s.pod.delete",
                                        "pod:upf-0",
                                        Map.of("pod", "upf-0", "namespace", "vnf"),
                                        T0))
                        .join();

        assertThat(out.sent()).as(out.detail()).isTrue();
        assertThat(client.pods().inNamespace("vnf").withName("upf-0").get()).isNull();
    }

    @Test
    void shouldFailToDeleteAPodThatDoesNotExist() {
        CallOutcome out =
                k8s.execute(action("k8s.pod.delete", "upf-9", Map.of("namespace", "vnf"), T0))
                        .join();

        assertThat(out.sent()).isFalse();
        assertThat(out.detail()).isEqualTo("kubernetes has no pod vnf/upf-9");
    }

    @Test
    void shouldCordonTheNode() {
        CallOutcome out =
                k8s.execute(
                                action(
                                        "k8s.node.cordon",
                                        "host:worker-2",
                                        Map.of("node", "worker-2"),
                                        T0))
                        .join();

        assertThat(out.sent()).as(out.detail()).isTrue();
        assertThat(client.nodes().withName("worker-2").get().getSpec().getUnschedulable()).isTrue();
    }

    @Test
    void shouldTaintTheNodeNoExecuteOnceOnly() {
        k8s.execute(action("k8s.node.taint", "worker-2", Map.of(), T0)).join();
        CallOutcome again = k8s.execute(action("k8s.node.taint", "worker-2", Map.of(), T0)).join();

        Node node = client.nodes().withName("worker-2").get();
        assertThat(node.getSpec().getTaints())
                .extracting(Taint::getKey, Taint::getValue, Taint::getEffect)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "aitia.org/root-cause", "true", "NoExecute"));
        assertThat(again.detail())
                .isEqualTo("node worker-2 already has taint aitia.org/root-cause");
    }

    @Test
    void shouldFailToCordonANodeThatDoesNotExist() {
        CallOutcome out = k8s.execute(action("k8s.node.cordon", "worker-9", Map.of(), T0)).join();

        assertThat(out.sent()).isFalse();
        assertThat(out.detail()).isEqualTo("kubernetes has no node worker-9");
    }
}
