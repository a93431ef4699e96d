package org.aitia.collectors.topology;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aitia.collectors.CollectorsConfig;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes nodes and pods through fabric8 informers (list, then watch). Entities: {@code
 * kubernetes.node} with id {@code kubernetes.node:<name>} and state {@code Ready}/{@code NotReady};
 * {@code kubernetes.pod} with id {@code kubernetes.pod:<namespace>/<name>} and state its phase;
 * named by their plain names so telemetry naming a node or pod resolves. A node {@code contains}
 * its pods. The site is the node's {@code topology.kubernetes.io/zone} label, else the configured
 * site.
 *
 * <p>Every informer event marks the topology dirty; a single thread rebuilds the snapshot from the
 * informers' caches and publishes the differences (at most every 100 ms).
 */
public final class KubernetesDatasource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesDatasource.class);
    private static final String ZONE_LABEL = "topology.kubernetes.io/zone";

    private final KubernetesClient client;
    private final boolean ownsClient;
    private final String site;
    private final TopologySink sink;
    private final SnapshotDiff diff = new SnapshotDiff();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final ScheduledExecutorService publisher;
    private SharedIndexInformer<Node> nodes;
    private SharedIndexInformer<Pod> pods;

    private KubernetesDatasource(
            KubernetesClient client, boolean owns, String site, TopologySink sink) {
        this.client = client;
        this.ownsClient = owns;
        this.site = site;
        this.sink = sink;
        this.publisher =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "aitia-kubernetes-datasource");
                            t.setDaemon(true);
                            return t;
                        });
    }

    /** Connects as {@code config} says and starts watching. */
    public static KubernetesDatasource start(
            CollectorsConfig.Kubernetes config, TopologySink sink) {
        ConfigBuilder cb = new ConfigBuilder(Config.autoConfigure(null));
        if (config.masterUrl() != null) {
            cb.withMasterUrl(config.masterUrl());
        }
        KubernetesClient client = new KubernetesClientBuilder().withConfig(cb.build()).build();
        return start(client, true, config, sink);
    }

    /** Watches with a client the caller owns (and closes). */
    public static KubernetesDatasource start(
            KubernetesClient client, CollectorsConfig.Kubernetes config, TopologySink sink) {
        return start(client, false, config, sink);
    }

    private static KubernetesDatasource start(
            KubernetesClient client,
            boolean owns,
            CollectorsConfig.Kubernetes config,
            TopologySink sink) {
        KubernetesDatasource ds = new KubernetesDatasource(client, owns, config.site(), sink);
        ResourceEventHandler<Object> mark = new MarkDirty(ds.dirty);
        @SuppressWarnings("unchecked")
        ResourceEventHandler<Node> nodeHandler = (ResourceEventHandler<Node>) (Object) mark;
        @SuppressWarnings("unchecked")
        ResourceEventHandler<Pod> podHandler = (ResourceEventHandler<Pod>) (Object) mark;
        ds.nodes = client.nodes().inform(nodeHandler, config.resyncMs());
        ds.pods =
                (config.namespace() == null
                                ? client.pods().inAnyNamespace()
                                : client.pods().inNamespace(config.namespace()))
                        .inform(podHandler, config.resyncMs());
        ds.publisher.scheduleWithFixedDelay(ds::publishIfDirty, 0, 100, TimeUnit.MILLISECONDS);
        LOG.info("kubernetes datasource watching {}", client.getMasterUrl());
        return ds;
    }

    private void publishIfDirty() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            List<TopologyChange> changes =
                    diff.update(
                            snapshot(nodes.getStore().list(), pods.getStore().list()),
                            Instant.now());
            if (!changes.isEmpty()) {
                sink.publish(changes);
                LOG.info("kubernetes datasource published {} change(s)", changes.size());
            }
        } catch (RuntimeException e) {
            LOG.error("kubernetes datasource could not publish; full resync next time", e);
            diff.reset();
            dirty.set(true);
        }
    }

    /** The topology of these nodes and pods. */
    Topology snapshot(List<Node> nodeList, List<Pod> podList) {
        List<Entity> entities = new ArrayList<>();
        List<Relationship> relationships = new ArrayList<>();
        Map<String, String> nodeSite = new HashMap<>();
        for (Node n : nodeList) {
            String name = n.getMetadata().getName();
            Map<String, String> labels = n.getMetadata().getLabels();
            String s =
                    labels != null && labels.get(ZONE_LABEL) != null
                            ? labels.get(ZONE_LABEL)
                            : site;
            nodeSite.put(name, s);
            Map<String, String> props = new HashMap<>();
            if (n.getSpec() != null && n.getSpec().getProviderID() != null) {
                props.put("providerID", n.getSpec().getProviderID());
            }
            String ready = "Unknown";
            if (n.getStatus() != null) {
                if (n.getStatus().getConditions() != null) {
                    for (NodeCondition c : n.getStatus().getConditions()) {
                        if ("Ready".equals(c.getType())) {
                            ready = "True".equals(c.getStatus()) ? "Ready" : "NotReady";
                        }
                    }
                }
                if (n.getStatus().getAddresses() != null) {
                    for (NodeAddress a : n.getStatus().getAddresses()) {
                        props.put(a.getType(), a.getAddress());
                    }
                }
            }
            entities.add(new Entity(nodeId(name), "kubernetes.node", name, s, ready, props));
        }
        for (Pod p : podList) {
            String ns = p.getMetadata().getNamespace();
            String name = p.getMetadata().getName();
            String node = p.getSpec() == null ? null : p.getSpec().getNodeName();
            Map<String, String> props = new HashMap<>();
            props.put("namespace", ns == null ? "default" : ns);
            if (node != null) {
                props.put("nodeName", node);
            }
            String phase = "Unknown";
            if (p.getStatus() != null) {
                if (p.getStatus().getPhase() != null) {
                    phase = p.getStatus().getPhase();
                }
                if (p.getStatus().getPodIP() != null) {
                    props.put("podIP", p.getStatus().getPodIP());
                }
            }
            String id = podId(ns, name);
            entities.add(
                    new Entity(
                            id,
                            "kubernetes.pod",
                            name,
                            node == null ? site : nodeSite.getOrDefault(node, site),
                            phase,
                            props));
            if (node != null && nodeSite.containsKey(node)) {
                relationships.add(new Relationship(nodeId(node), id, Relationship.CONTAINS));
            }
        }
        return new Topology(entities, relationships);
    }

    /** The entity id of a node. */
    public static String nodeId(String name) {
        return "kubernetes.node:" + name;
    }

    /** The entity id of a pod. */
    public static String podId(String namespace, String name) {
        return "kubernetes.pod:" + (namespace == null ? "default" : namespace) + "/" + name;
    }

    @Override
    public void close() {
        publisher.shutdownNow();
        if (nodes != null) {
            nodes.close();
        }
        if (pods != null) {
            pods.close();
        }
        if (ownsClient) {
            client.close();
        }
    }

    /** Any add, update or delete makes the snapshot stale. */
    private record MarkDirty(AtomicBoolean dirty) implements ResourceEventHandler<Object> {
        @Override
        public void onAdd(Object obj) {
            dirty.set(true);
        }

        @Override
        public void onUpdate(Object oldObj, Object newObj) {
            dirty.set(true);
        }

        @Override
        public void onDelete(Object obj, boolean deletedFinalStateUnknown) {
            dirty.set(true);
        }
    }
}
