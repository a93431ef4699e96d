package org.aitia.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.topology.generate.TopologyGenerator;

/**
 * The site {@code aitia bench rules} runs on: topology-graph's {@link TopologyGenerator} (one site:
 * enough racks of 20 hosts), with the indexes the alarm feed needs.
 *
 * @param topology the whole site
 * @param hosts host ids
 * @param instancesOf instance ids of each host (same index as {@code hosts})
 * @param portsOf Neutron port ids of each host's instances
 * @param nicsOf NIC ids of each host
 * @param torOf the ToR switch of each host
 * @param bridgeOf the OVS bridge of each host
 * @param dpdkOf a DPDK port of each host
 * @param hostsOf the host indexes behind each ToR switch
 */
public record BenchSite(
        Topology topology,
        List<String> hosts,
        List<List<String>> instancesOf,
        List<List<String>> portsOf,
        List<List<String>> nicsOf,
        List<String> torOf,
        List<String> bridgeOf,
        List<String> dpdkOf,
        Map<String, List<Integer>> hostsOf) {

    /** A one-site topology of exactly {@code entities} entities (at least 300). */
    public static BenchSite generate(int entities, long seed) {
        int racks = Math.max(1, entities / (20 * 60) + 1);
        Topology t = new TopologyGenerator(seed, racks, 20).generate(entities);
        Map<String, String> typeOf = new HashMap<>();
        for (Entity e : t.entities()) {
            typeOf.put(e.id(), e.type());
        }
        List<String> hosts = new ArrayList<>();
        Map<String, Integer> hostIndex = new HashMap<>();
        for (Entity e : t.entities()) {
            if (e.type().equals("nova.host")) {
                hostIndex.put(e.id(), hosts.size());
                hosts.add(e.id());
            }
        }
        int n = hosts.size();
        List<List<String>> insts = lists(n);
        List<List<String>> ports = lists(n);
        List<List<String>> nics = lists(n);
        List<String> tor = new ArrayList<>(java.util.Collections.nCopies(n, null));
        List<String> bridge = new ArrayList<>(java.util.Collections.nCopies(n, null));
        List<String> dpdk = new ArrayList<>(java.util.Collections.nCopies(n, null));
        Map<String, Integer> hostOfInstance = new HashMap<>();
        Map<String, Integer> hostOfNic = new HashMap<>();
        Map<String, Integer> hostOfBridge = new HashMap<>();
        for (Relationship r : t.relationships()) {
            Integer h = hostIndex.get(r.source());
            if (h != null && r.type().equals(Relationship.CONTAINS)) {
                switch (typeOf.get(r.target())) {
                    case "nova.instance" -> {
                        insts.get(h).add(r.target());
                        hostOfInstance.put(r.target(), h);
                    }
                    case "nic" -> {
                        nics.get(h).add(r.target());
                        hostOfNic.put(r.target(), h);
                    }
                    case "ovs.bridge" -> {
                        bridge.set(h, r.target());
                        hostOfBridge.put(r.target(), h);
                    }
                    default -> {}
                }
            }
        }
        Map<String, List<Integer>> hostsOf = new HashMap<>();
        for (Relationship r : t.relationships()) {
            String st = typeOf.get(r.source());
            if (r.type().equals(Relationship.ATTACHED) && "neutron.port".equals(st)) {
                Integer h = hostOfInstance.get(r.target());
                if (h != null) {
                    ports.get(h).add(r.source());
                }
            } else if (r.type().equals(Relationship.ATTACHED) && "nic".equals(st)) {
                Integer h = hostOfNic.get(r.source());
                if (h != null && tor.get(h) == null) {
                    tor.set(h, r.target());
                    hostsOf.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(h);
                }
            } else if (r.type().equals(Relationship.CONTAINS) && "ovs.bridge".equals(st)) {
                Integer h = hostOfBridge.get(r.source());
                if (h != null && dpdk.get(h) == null) {
                    dpdk.set(h, r.target());
                }
            }
        }
        return new BenchSite(t, hosts, insts, ports, nics, tor, bridge, dpdk, hostsOf);
    }

    private static List<List<String>> lists(int n) {
        List<List<String>> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(new ArrayList<>());
        }
        return l;
    }
}
