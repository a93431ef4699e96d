package org.aitia.healing.kubernetes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.aitia.healing.HealingConfig.KubernetesConfig;
import org.aitia.healing.adapter.Adapter;
import org.aitia.healing.adapter.Attempt;
import org.aitia.healing.adapter.CallOutcome;
import org.aitia.healing.adapter.Retrying;
import org.aitia.model.HealingAction;

/**
 * Kubernetes through the fabric8 client:
 *
 * <ul>
 *   <li>{@code k8s.pod.delete}: deletes the pod so its controller (Deployment, StatefulSet,
 *       DaemonSet) starts a new one. Parameters {@code pod} (default the target), {@code namespace}
 *       (default {@code healing.kubernetes.defaultNamespace}).
 *   <li>{@code k8s.node.cordon}: marks the node unschedulable. Parameter {@code node} (default the
 *       target).
 *   <li>{@code k8s.node.taint}: adds the taint {@code <taintKey>=<value>:NoExecute}, which evicts
 *       the pods that do not tolerate it. Parameters {@code node} (default the target), {@code
 *       taint_value} (default {@code true}).
 * </ul>
 *
 * The client's calls block, so they run on the given bounded executor.
 */
public final class KubernetesAdapter implements Adapter {
    private final KubernetesClient client;
    private final KubernetesConfig config;
    private final Retrying retrying;
    private final Executor executor;

    public KubernetesAdapter(
            KubernetesClient client,
            KubernetesConfig config,
            Retrying retrying,
            Executor executor) {
        this.client = client;
        this.config = config;
        this.retrying = retrying;
        this.executor = executor;
    }

    @Override
    public Set<String> types() {
        return Set.of("k8s.pod.delete", "k8s.node.cordon", "k8s.node.taint");
    }

    @Override
    public CompletableFuture<CallOutcome> execute(HealingAction action) {
        Supplier<Attempt> call =
                switch (action.type()) {
                    case "k8s.pod.delete" -> () -> deletePod(action);
                    case "k8s.node.cordon" -> () -> cordon(Adapter.param(action, "node"));
                    case "k8s.node.taint" ->
                            () ->
                                    taint(
                                            Adapter.param(action, "node"),
                                            action.parameters()
                                                    .getOrDefault("taint_value", "true"));
                    default -> () -> Attempt.failed("kubernetes cannot carry out " + action.type());
                };
        return retrying.run(
                action.id() + " " + action.type(),
                n -> CompletableFuture.supplyAsync(() -> guarded(call), executor));
    }

    @Override
    public void close() {
        client.close();
    }

    private Attempt deletePod(HealingAction action) {
        String namespace = action.parameters().getOrDefault("namespace", config.defaultNamespace());
        String pod = Adapter.param(action, "pod");
        List<StatusDetails> deleted = client.pods().inNamespace(namespace).withName(pod).delete();
        if (deleted.isEmpty()) {
            return Attempt.failed("kubernetes has no pod " + namespace + "/" + pod);
        }
        return Attempt.ok("kubernetes deleted pod " + namespace + "/" + pod);
    }

    private Attempt cordon(String node) {
        if (client.nodes().withName(node).get() == null) {
            return Attempt.failed("kubernetes has no node " + node);
        }
        client.nodes()
                .withName(node)
                .edit(
                        n ->
                                new NodeBuilder(n)
                                        .editOrNewSpec()
                                        .withUnschedulable(true)
                                        .endSpec()
                                        .build());
        return Attempt.ok("kubernetes cordoned node " + node);
    }

    private Attempt taint(String node, String value) {
        Node current = client.nodes().withName(node).get();
        if (current == null) {
            return Attempt.failed("kubernetes has no node " + node);
        }
        boolean present =
                current.getSpec() != null
                        && current.getSpec().getTaints() != null
                        && current.getSpec().getTaints().stream()
                                .anyMatch(
                                        t ->
                                                config.taintKey().equals(t.getKey())
                                                        && "NoExecute".equals(t.getEffect()));
        if (present) {
            return Attempt.ok("node " + node + " already has taint " + config.taintKey());
        }
        Taint taint =
                new TaintBuilder()
                        .withKey(config.taintKey())
                        .withValue(value)
                        .withEffect("NoExecute")
                        .build();
        client.nodes()
                .withName(node)
                .edit(n -> new NodeBuilder(n).editOrNewSpec().addToTaints(taint).endSpec().build());
        return Attempt.ok(
                "kubernetes tainted node "
                        + node
                        + " "
                        + config.taintKey()
                        + "="
                        + value
                        + ":NoExecute");
    }

    private static Attempt guarded(Supplier<Attempt> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            String detail =
                    "kubernetes answered "
                            + e.getCode()
                            + ": "
                            + (e.getStatus() != null && e.getStatus().getMessage() != null
                                    ? e.getStatus().getMessage()
                                    : e.getMessage());
            if (e.getCode() == 0) {
                return Attempt.retryable("kubernetes unreachable: " + Retrying.describe(e));
            }
            return Attempt.ofStatus(e.getCode(), detail);
        }
    }
}
