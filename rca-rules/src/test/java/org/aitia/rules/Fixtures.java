package org.aitia.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Severity;
import org.aitia.model.Topology;
import org.aitia.topology.EntityGraph;

/** Named instants, entities, alarms and engines for the rule tests. */
public final class Fixtures {
    private Fixtures() {}

    public static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    public static final Instant T1 = T0.plusSeconds(1);
    public static final Instant T2 = T0.plusSeconds(2);
    public static final Instant T10 = T0.plusSeconds(10);
    public static final Instant T29 = T0.plusSeconds(29);
    public static final Instant T31 = T0.plusSeconds(31);
    public static final Instant T60 = T0.plusSeconds(60);

    private static RuleSet library;

    /** The standard library, compiled once per JVM by its first user. */
    public static synchronized RuleSet library() {
        if (library == null) {
            library = RuleSet.standardLibrary();
        }
        return library;
    }

    public static Entity entity(String id, String type) {
        return Entity.of(id, type, id, "edge-1");
    }

    public static Entity entity(String id, String type, Map<String, String> properties) {
        return new Entity(id, type, id, "edge-1", null, properties);
    }

    public static Relationship rel(String source, String type, String target) {
        return new Relationship(source, target, type);
    }

    /** A raw alarm raised at {@code at} by {@code source}. */
    public static Alarm raised(String source, String entity, String name, Instant at) {
        return Alarm.raised(source, entity, "edge-1", name, Severity.CRITICAL, at);
    }

    public static Alarm hostDown(String host, Instant at) {
        return raised("doctor", host, "compute.host.down", at);
    }

    public static Alarm linkDown(String entity, Instant at) {
        return raised("collectd", entity, "linkDown", at);
    }

    public static Alarm cleared(Alarm a, Instant at) {
        return a.cleared(at);
    }

    /** Builds a topology fluently. */
    public static final class TopologyBuilder {
        private final List<Entity> entities = new ArrayList<>();
        private final List<Relationship> relationships = new ArrayList<>();

        public TopologyBuilder entity(String id, String type) {
            entities.add(Fixtures.entity(id, type));
            return this;
        }

        public TopologyBuilder entity(Entity e) {
            entities.add(e);
            return this;
        }

        public TopologyBuilder rel(String source, String type, String target) {
            relationships.add(Fixtures.rel(source, type, target));
            return this;
        }

        public Topology build() {
            return new Topology(entities, relationships);
        }

        public EntityGraph graph() {
            return EntityGraph.of(build());
        }
    }

    public static TopologyBuilder topology() {
        return new TopologyBuilder();
    }

    /**
     * compute-1 (nic compute-1-nic0 attached to tor-1, ovs bridge br-1, dpdk port dpdk-1) with vm-1
     * and vm-2 (port port-1 on vm-1); compute-2 (nic compute-2-nic0 on tor-1) with vm-3.
     */
    public static TopologyBuilder twoHosts() {
        return topology()
                .entity("compute-1", "nova.host")
                .entity("compute-2", "nova.host")
                .entity("compute-1-nic0", "nic")
                .entity("compute-2-nic0", "nic")
                .entity("tor-1", "switch")
                .entity("br-1", "ovs.bridge")
                .entity("dpdk-1", "dpdk.port")
                .entity("vm-1", "nova.instance")
                .entity("vm-2", "nova.instance")
                .entity("vm-3", "nova.instance")
                .entity("port-1", "neutron.port")
                .rel("compute-1", "contains", "compute-1-nic0")
                .rel("compute-2", "contains", "compute-2-nic0")
                .rel("compute-1-nic0", "attached", "tor-1")
                .rel("compute-2-nic0", "attached", "tor-1")
                .rel("compute-1", "contains", "br-1")
                .rel("compute-1", "contains", "dpdk-1")
                .rel("compute-1", "contains", "vm-1")
                .rel("compute-1", "contains", "vm-2")
                .rel("compute-2", "contains", "vm-3")
                .rel("port-1", "attached", "vm-1")
                .rel("port-1", "attached", "br-1");
    }

    /** An engine on the standard library, pseudo clock. */
    public static RcaEngine engine(EntityGraph graph) {
        try {
            return RcaEngine.create(library(), graph, Clock.PSEUDO);
        } catch (RuleSetException e) {
            throw new AssertionError("the standard library must compile: " + e.getMessage(), e);
        }
    }

    /** The deduced alarm id of {@code name} on {@code entity}. */
    public static String deducedId(String entity, String name) {
        return Alarm.idFor(Alarm.DEDUCED_SOURCE, entity, name);
    }
}
