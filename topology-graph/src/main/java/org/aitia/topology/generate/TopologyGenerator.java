package org.aitia.topology.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;

/**
 * A seeded generator of realistic NFV topologies: the same seed and size always give the same
 * topology. Used by tests, benchmarks and the demo.
 *
 * <p><b>Shape.</b> Sites of racks of hosts (by default 50 racks of 20 hosts per site). Per site: a
 * {@code nova.zone} that contains its hosts, two spine switches, {@value #DATA_NETWORKS} data
 * networks; per rack a top-of-rack switch {@code attached} to both spines and a management network.
 * Per host: two NICs ({@code host contains nic}, {@code nic attached tor}), an OVS bridge ({@code
 * host contains ovs.bridge}) with two DPDK ports ({@code ovs.bridge contains dpdk.port}, {@code
 * dpdk.port uses nic}); instances ({@code host contains nova.instance}), each with a management and
 * a data port ({@code neutron.port attached nova.instance}, {@code neutron.network contains
 * neutron.port}, {@code neutron.port uses ovs.bridge}); every fourth host also runs a Kubernetes
 * node ({@code host contains kubernetes.node}, {@code kubernetes.node contains kubernetes.pod})
 * whose pods have one data port each. Every instance and pod is a VNFC ({@code vnfc on
 * nova.instance|kubernetes.pod}); VNFs of 2 to 4 VNFCs ({@code vnf comprises vnfc}) are either all
 * VMs or all containers, their VNFCs on different hosts; service chains of 2 to 4 VNFs ({@code
 * network_service includes vnf}, {@code vnf chained_to vnf} in order), every third chain mixing VM
 * VNFs and a container VNF (property {@code mixed=true}). What is left of the entity budget becomes
 * {@code cinder.volume}s attached to instances, so the topology has exactly the entities asked for.
 *
 * <p><b>Ids</b> (names equal ids; sites, racks, hosts, instances and pods count from 1):
 *
 * <ul>
 *   <li>site {@code s1} (the entities' {@code site}); zone {@code s1-zone}; spines {@code
 *       s1-spine1}, {@code s1-spine2}; data networks {@code s1-net1}..
 *   <li>rack {@code s1-r2}: ToR switch {@code s1-r2-tor}, management network {@code s1-r2-mgmt}
 *   <li>host {@code s1-r2-h3}: NICs {@code s1-r2-h3-nic0}, {@code -nic1}; OVS bridge {@code
 *       s1-r2-h3-br}; DPDK ports {@code s1-r2-h3-dpdk0}, {@code -dpdk1}; instances {@code
 *       s1-r2-h3-vm1}..; their ports {@code s1-r2-h3-vm1-p0} (management), {@code -p1} (data);
 *       Kubernetes node {@code s1-r2-h3-k8s} (hosts 4, 8, ...), pods {@code s1-r2-h3-pod1}.. with
 *       port {@code s1-r2-h3-pod1-p0}; the VNFC of a workload is its id + {@code -vnfc}
 *   <li>VNFs {@code s1-vnf1}.. (VMs, property {@code kind=vm}) and {@code s1-cnf1}.. (containers,
 *       {@code kind=container}); chains {@code s1-chain1}..; volumes {@code vol1}..
 * </ul>
 *
 * <p><b>A host with 50 instances:</b> host 1 of every rack ({@link #bigHostId(int, int)}, e.g.
 * {@code s1-r1-h1}) has exactly {@value #BIG_HOST_INSTANCES} instances and no pods; other hosts
 * have 4 to 24.
 */
public final class TopologyGenerator {
    /** The instances of host 1 of every rack. */
    public static final int BIG_HOST_INSTANCES = 50;

    /** Data networks per site. */
    public static final int DATA_NETWORKS = 8;

    private static final Map<String, String> VM_VNF = Map.of("kind", "vm");
    private static final Map<String, String> CONTAINER_VNF = Map.of("kind", "container");
    private static final Map<String, String> MIXED = Map.of("mixed", "true");
    private static final Map<String, String> NOT_MIXED = Map.of("mixed", "false");

    /** Entities kept for the VNFs and chains formed when the last pools are flushed. */
    private static final int RESERVE = 120;

    private final long seed;
    private final int racksPerSite;
    private final int hostsPerRack;

    /** 50 racks of 20 hosts per site. */
    public TopologyGenerator(long seed) {
        this(seed, 50, 20);
    }

    /**
     * @param seed the random seed
     * @param racksPerSite racks in each site (at least 1)
     * @param hostsPerRack hosts in each rack (at least 1)
     */
    public TopologyGenerator(long seed, int racksPerSite, int hostsPerRack) {
        if (racksPerSite < 1 || hostsPerRack < 1) {
            throw new IllegalArgumentException("racksPerSite and hostsPerRack must be >= 1");
        }
        this.seed = seed;
        this.racksPerSite = racksPerSite;
        this.hostsPerRack = hostsPerRack;
    }

    /** The id of host {@code host} of rack {@code rack} of site {@code site}. */
    public static String hostId(int site, int rack, int host) {
        return rackId(site, rack) + "-h" + host;
    }

    /** The id of a host with exactly {@value #BIG_HOST_INSTANCES} instances. */
    public static String bigHostId(int site, int rack) {
        return hostId(site, rack, 1);
    }

    /** {@code s<site>}, also the entities' {@code site}. */
    public static String siteId(int site) {
        return "s" + site;
    }

    /** {@code s<site>-r<rack>}: the prefix of the rack's ids. */
    public static String rackId(int site, int rack) {
        return siteId(site) + "-r" + rack;
    }

    /** The ToR switch of a rack. */
    public static String torId(int site, int rack) {
        return rackId(site, rack) + "-tor";
    }

    /** NIC {@code n} (0 or 1) of a host. */
    public static String nicId(String hostId, int n) {
        return hostId + "-nic" + n;
    }

    /** Instance {@code n} (from 1) of a host. */
    public static String instanceId(String hostId, int n) {
        return hostId + "-vm" + n;
    }

    /** The VNFC of an instance or a pod. */
    public static String vnfcId(String workloadId) {
        return workloadId + "-vnfc";
    }

    /**
     * Generates a topology of exactly {@code entities} entities.
     *
     * @throws IllegalArgumentException when {@code entities} is below 300 (one site with one big
     *     host)
     */
    public Topology generate(int entities) {
        if (entities < 300) {
            throw new IllegalArgumentException("entities must be >= 300, not " + entities);
        }
        return new Build(entities).run();
    }

    /** One generation run. */
    private final class Build {
        final int target;
        final SplittableRandom rnd = new SplittableRandom(seed);
        final List<Entity> es;
        final List<Relationship> rs;
        final List<String> instances = new ArrayList<>();
        final ArrayDeque<String[]> vmVnfcs = new ArrayDeque<>();
        final ArrayDeque<String[]> podVnfcs = new ArrayDeque<>();
        final ArrayDeque<String> vmVnfs = new ArrayDeque<>();
        final ArrayDeque<String> cnfs = new ArrayDeque<>();
        int site;
        String siteName;
        int vnfSeq;
        int cnfSeq;
        int chainSeq;

        Build(int target) {
            this.target = target;
            this.es = new ArrayList<>(target);
            this.rs = new ArrayList<>(target * 21 / 10);
        }

        Topology run() {
            outer:
            for (site = 1; ; site++) {
                siteName = siteId(site);
                vnfSeq = 0;
                cnfSeq = 0;
                chainSeq = 0;
                String zone = siteName + "-zone";
                if (site > 1 && es.size() + 3 + DATA_NETWORKS + 300 > target) {
                    break;
                }
                add(zone, "nova.zone", "available", Map.of());
                for (int k = 1; k <= 2; k++) {
                    add(siteName + "-spine" + k, "switch", "UP", Map.of());
                }
                for (int k = 1; k <= DATA_NETWORKS; k++) {
                    add(siteName + "-net" + k, "neutron.network", "ACTIVE", Map.of());
                }
                for (int rack = 1; rack <= racksPerSite; rack++) {
                    String tor = torId(site, rack);
                    String mgmt = rackId(site, rack) + "-mgmt";
                    if (rack > 1 && es.size() + 2 + 300 > target) {
                        break outer;
                    }
                    add(tor, "switch", "UP", Map.of());
                    rel(tor, Relationship.ATTACHED, siteName + "-spine1");
                    rel(tor, Relationship.ATTACHED, siteName + "-spine2");
                    add(mgmt, "neutron.network", "ACTIVE", Map.of());
                    for (int h = 1; h <= hostsPerRack; h++) {
                        int vms = h == 1 ? BIG_HOST_INSTANCES : 4 + rnd.nextInt(21);
                        int pods = h % 4 == 0 ? 4 + rnd.nextInt(9) : 0;
                        int cost = 6 + vms * 5 + (pods > 0 ? 1 + pods * 4 : 0);
                        if (es.size() + cost + RESERVE > target) {
                            break outer;
                        }
                        host(zone, tor, mgmt, hostId(site, rack, h), vms, pods);
                        formVnfs(false);
                        formChains(false);
                    }
                }
                formVnfs(true);
                formChains(true);
            }
            formVnfs(true);
            formChains(true);
            int volume = 0;
            while (es.size() < target) {
                String id = "vol" + (++volume);
                add(id, "cinder.volume", "available", Map.of());
                rel(id, Relationship.ATTACHED, instances.get(rnd.nextInt(instances.size())));
            }
            return new Topology(es, rs);
        }

        void host(String zone, String tor, String mgmt, String host, int vms, int pods) {
            add(host, "nova.host", "AVAILABLE", Map.of());
            rel(zone, Relationship.CONTAINS, host);
            String bridge = host + "-br";
            add(bridge, "ovs.bridge", "UP", Map.of());
            rel(host, Relationship.CONTAINS, bridge);
            for (int n = 0; n < 2; n++) {
                String nic = nicId(host, n);
                add(nic, "nic", "UP", Map.of());
                rel(host, Relationship.CONTAINS, nic);
                rel(nic, Relationship.ATTACHED, tor);
                String dpdk = host + "-dpdk" + n;
                add(dpdk, "dpdk.port", "UP", Map.of());
                rel(bridge, Relationship.CONTAINS, dpdk);
                rel(dpdk, Relationship.USES, nic);
            }
            for (int i = 1; i <= vms; i++) {
                String vm = instanceId(host, i);
                add(vm, "nova.instance", "ACTIVE", Map.of());
                rel(host, Relationship.CONTAINS, vm);
                instances.add(vm);
                port(vm + "-p0", vm, mgmt, bridge);
                port(vm + "-p1", vm, dataNetwork(), bridge);
                vmVnfcs.add(new String[] {vnfc(vm), host});
            }
            if (pods > 0) {
                String node = host + "-k8s";
                add(node, "kubernetes.node", "Ready", Map.of());
                rel(host, Relationship.CONTAINS, node);
                for (int p = 1; p <= pods; p++) {
                    String pod = host + "-pod" + p;
                    add(pod, "kubernetes.pod", "Running", Map.of());
                    rel(node, Relationship.CONTAINS, pod);
                    port(pod + "-p0", pod, dataNetwork(), bridge);
                    podVnfcs.add(new String[] {vnfc(pod), host});
                }
            }
        }

        String dataNetwork() {
            return siteName + "-net" + (1 + rnd.nextInt(DATA_NETWORKS));
        }

        void port(String port, String workload, String network, String bridge) {
            add(port, "neutron.port", "ACTIVE", Map.of());
            rel(port, Relationship.ATTACHED, workload);
            rel(network, Relationship.CONTAINS, port);
            rel(port, Relationship.USES, bridge);
        }

        String vnfc(String workload) {
            String id = vnfcId(workload);
            add(id, "vnfc", "STARTED", Map.of());
            rel(id, Relationship.ON, workload);
            return id;
        }

        /** VNFs of 2 to 4 VNFCs taken from different hosts (the pools hold host order). */
        void formVnfs(boolean flush) {
            formVnfs(vmVnfcs, vmVnfs, false, flush);
            formVnfs(podVnfcs, cnfs, true, flush);
        }

        void formVnfs(
                ArrayDeque<String[]> pool,
                ArrayDeque<String> into,
                boolean containers,
                boolean flush) {
            while (pool.size() >= 64 || (flush && !pool.isEmpty())) {
                int size = Math.min(pool.size(), 2 + rnd.nextInt(3));
                String id =
                        containers
                                ? siteName + "-cnf" + (++cnfSeq)
                                : siteName + "-vnf" + (++vnfSeq);
                add(id, "vnf", "INSTANTIATED", containers ? CONTAINER_VNF : VM_VNF);
                List<String[]> members = new ArrayList<>(size);
                // Spread: take every 16th from the pool head so members sit on different hosts.
                List<String[]> head = new ArrayList<>();
                while (!pool.isEmpty() && head.size() < 16 * size) {
                    head.add(pool.poll());
                }
                for (int k = 0; k < size; k++) {
                    members.add(head.get(Math.min(k * 16, head.size() - 1 - (size - 1 - k))));
                }
                for (int k = head.size() - 1; k >= 0; k--) {
                    if (!members.contains(head.get(k))) {
                        pool.addFirst(head.get(k));
                    }
                }
                for (String[] m : members) {
                    rel(id, Relationship.COMPRISES, m[0]);
                }
                into.add(id);
            }
        }

        /** Chains of 2 to 4 VNFs; every third mixes VM VNFs with a container VNF. */
        void formChains(boolean flush) {
            while (vmVnfs.size() >= 4 || (flush && vmVnfs.size() >= 2)) {
                boolean mixed = (chainSeq + 1) % 3 == 0 && !cnfs.isEmpty();
                int length = 2 + rnd.nextInt(3);
                List<String> hops = new ArrayList<>(length);
                while (hops.size() < length && !vmVnfs.isEmpty()) {
                    hops.add(vmVnfs.poll());
                    if (mixed && hops.size() == 1) {
                        hops.add(cnfs.poll());
                    }
                }
                String chain = siteName + "-chain" + (++chainSeq);
                add(chain, "network_service", "INSTANTIATED", mixed ? MIXED : NOT_MIXED);
                for (int k = 0; k < hops.size(); k++) {
                    rel(chain, Relationship.INCLUDES, hops.get(k));
                    if (k > 0) {
                        rel(hops.get(k - 1), Relationship.CHAINED_TO, hops.get(k));
                    }
                }
            }
        }

        void add(String id, String type, String state, Map<String, String> properties) {
            es.add(new Entity(id, type, id, siteName == null ? "s1" : siteName, state, properties));
        }

        void rel(String source, String type, String target) {
            rs.add(new Relationship(source, target, type));
        }
    }
}
