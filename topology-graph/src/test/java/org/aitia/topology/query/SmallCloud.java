package org.aitia.topology.query;

import java.util.ArrayList;
import java.util.List;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.topology.EntityGraph;

/**
 * A small NFV cloud for the query tests. One zone of three hosts; h1 and h2 on ToR tor1, h3 on
 * tor2; h1 holds vm1..vm3, h2 vm4, h3 a Kubernetes node k1 with pod1. vm1 has port p1 on net1. VNF
 * A = {c1 on vm1}, B = {c4 on vm4}, C = {c5 on pod1}. Chain ns1 = A -> B, chain ns2 = A -> C
 * (mixed: a VM VNF and a container VNF).
 */
final class SmallCloud {
    private SmallCloud() {}

    static EntityGraph graph() {
        List<Entity> es = new ArrayList<>();
        List<Relationship> rs = new ArrayList<>();
        e(es, "zone", "nova.zone");
        for (String h : List.of("h1", "h2", "h3")) {
            e(es, h, "nova.host");
            e(es, h + "-nic0", "nic");
            r(rs, "zone", "contains", h);
            r(rs, h, "contains", h + "-nic0");
        }
        e(es, "tor1", "switch");
        e(es, "tor2", "switch");
        r(rs, "h1-nic0", "attached", "tor1");
        r(rs, "h2-nic0", "attached", "tor1");
        r(rs, "h3-nic0", "attached", "tor2");
        for (String vm : List.of("vm1", "vm2", "vm3")) {
            e(es, vm, "nova.instance");
            r(rs, "h1", "contains", vm);
        }
        e(es, "vm4", "nova.instance");
        r(rs, "h2", "contains", "vm4");
        e(es, "k1", "kubernetes.node");
        e(es, "pod1", "kubernetes.pod");
        r(rs, "h3", "contains", "k1");
        r(rs, "k1", "contains", "pod1");
        e(es, "net1", "neutron.network");
        e(es, "p1", "neutron.port");
        r(rs, "p1", "attached", "vm1");
        r(rs, "net1", "contains", "p1");
        e(es, "c1", "vnfc");
        e(es, "c4", "vnfc");
        e(es, "c5", "vnfc");
        r(rs, "c1", "on", "vm1");
        r(rs, "c4", "on", "vm4");
        r(rs, "c5", "on", "pod1");
        for (String v : List.of("A", "B", "C")) {
            e(es, v, "vnf");
        }
        r(rs, "A", "comprises", "c1");
        r(rs, "B", "comprises", "c4");
        r(rs, "C", "comprises", "c5");
        e(es, "ns1", "network_service");
        e(es, "ns2", "network_service");
        r(rs, "ns1", "includes", "A");
        r(rs, "ns1", "includes", "B");
        r(rs, "A", "chained_to", "B");
        r(rs, "ns2", "includes", "A");
        r(rs, "ns2", "includes", "C");
        r(rs, "A", "chained_to", "C");
        return EntityGraph.of(new Topology(es, rs));
    }

    private static void e(List<Entity> es, String id, String type) {
        es.add(Entity.of(id, type, id, "edge-1"));
    }

    private static void r(List<Relationship> rs, String s, String type, String t) {
        rs.add(new Relationship(s, t, type));
    }
}
