package org.aitia.topology;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.aitia.model.Entity;
import org.aitia.model.Json;
import org.aitia.model.Relationship;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.aitia.topology.generate.TopologyGenerator;
import org.aitia.topology.query.BacktrackingPatternMatcher;
import org.aitia.topology.query.BreadthFirstImpactAnalysis;
import org.aitia.topology.query.Pattern;
import org.aitia.topology.query.PatternMatcher;

/**
 * {@code aitia bench topology --entities N [--seed S] [--json] [--quick]}: generates an NFV
 * topology of N entities ({@link TopologyGenerator}), loads it into an {@link EntityGraph} and
 * prints one line with:
 *
 * <ul>
 *   <li>{@code entities}, {@code relationships}; {@code generate_ms} (the generator), {@code
 *       build_ms} (loading the generated topology into the graph, one atomic batch);
 *   <li>{@code heap_mb}: used heap after the build and a full GC, the generated topology dropped
 *       (what the graph retains, plus the JVM's own few MB);
 *   <li>{@code update_us}: mean time of one {@link EntityGraph#apply} over a mix of entity state
 *       upserts (2 in 3) and deletes and re-upserts of a port's {@code attached} relationship;
 *   <li>{@code impact_us}: mean time of the impact of a host with 50 instances ({@code
 *       impact_entities} says how many entities it reaches);
 *   <li>{@code match_us}: mean time of anchored matching of the 3-vertex pattern {@code
 *       (host:nova.host)-contains->(vm:nova.instance)<-attached-(port:neutron.port)} anchored at an
 *       instance; {@code match_host_us} the same anchored at the 50-instance host (100 matches).
 * </ul>
 *
 * {@code --quick} runs a hundredth of the iterations (for tests). Timed loops run after a warm-up,
 * single-threaded, on the live graph with no snapshot open.
 */
public final class TopologyBench {
    private TopologyBench() {}

    /** For running without the {@code aitia} launcher; exits with {@link #run}'s status. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the benchmark; returns 0, or 2 on bad arguments (with the reason on {@code err}). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int entities = 100_000;
        long seed = 42;
        boolean json = false;
        int scale = 1;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--entities" ->
                            entities = Integer.parseInt(value(args, ++i, "--entities"));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                    case "--json" -> json = true;
                    case "--quick" -> scale = 100;
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
            }
            if (entities < 300) {
                throw new IllegalArgumentException("--entities must be >= 300");
            }
        } catch (NumberFormatException e) {
            err.println("bench topology: not a number: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("bench topology: " + e.getMessage());
            err.println("usage: bench topology --entities N [--seed S] [--json] [--quick]");
            return 2;
        }
        Map<String, Object> r = measure(entities, seed, scale);
        if (json) {
            out.println(Json.write(r));
        } else {
            r.forEach((k, v) -> out.println(k + ": " + v));
        }
        return 0;
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(i);
    }

    /** The figures, by name, in print order. */
    static Map<String, Object> measure(int n, long seed, int scale) {
        org.aitia.topology.state.StateTables tables =
                org.aitia.topology.state.StateTables.defaults();
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        Topology topology = new TopologyGenerator(seed).generate(n);
        long c1 = cpuNanos();
        long t1 = System.nanoTime();
        EntityGraph graph = new EntityGraph(tables, n);
        graph.load(topology);
        long c2 = cpuNanos();
        long t2 = System.nanoTime();
        topology = null;
        double heapMb = usedHeapMb();

        List<String> bigHosts = new ArrayList<>();
        for (String site : graph.sites()) {
            int s = Integer.parseInt(site.substring(1));
            for (int rack = 1; ; rack++) {
                String h = TopologyGenerator.bigHostId(s, rack);
                if (!graph.contains(h)) {
                    break;
                }
                bigHosts.add(h);
            }
        }
        List<Entity> instances = graph.byType("nova.instance");
        List<Relationship> portLinks = new ArrayList<>();
        for (int i = 0; i < Math.min(10_000, instances.size()); i++) {
            String vm = instances.get(i * (instances.size() / 10_000 + 1) % instances.size()).id();
            for (Relationship in : graph.incoming(vm)) {
                if (in.type().equals(Relationship.ATTACHED) && in.source().endsWith("-p0")) {
                    portLinks.add(in);
                }
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("entities", graph.entityCount());
        r.put("relationships", graph.relationshipCount());
        r.put("seed", seed);
        r.put("generate_ms", (c1 - c0) / 1_000_000);
        r.put("build_ms", (c2 - c1) / 1_000_000);
        r.put("generate_wall_ms", (t1 - t0) / 1_000_000);
        r.put("build_wall_ms", (t2 - t1) / 1_000_000);
        r.put("heap_mb", Math.round(heapMb));
        r.put("update_us", round(updateMicros(graph, instances, portLinks, seed, scale)));
        BreadthFirstImpactAnalysis impact = new BreadthFirstImpactAnalysis();
        int reached = impact.impactOf(graph, bigHosts.get(0)).size();
        r.put(
                "impact_us",
                round(
                        timeMicros(
                                20_000,
                                20_000,
                                i ->
                                        impact.impactOf(graph, bigHosts.get(i % bigHosts.size()))
                                                .size())));
        r.put("impact_entities", reached);
        Pattern pattern =
                Pattern.builder()
                        .vertex("host", "nova.host")
                        .vertex("vm", "nova.instance")
                        .vertex("port", "neutron.port")
                        .edge("host", Relationship.CONTAINS, "vm")
                        .edge("port", Relationship.ATTACHED, "vm")
                        .build();
        PatternMatcher matcher = new BacktrackingPatternMatcher();
        r.put(
                "match_us",
                round(
                        timeMicros(
                                20_000,
                                200_000,
                                i ->
                                        matcher.matchesIncluding(
                                                        graph,
                                                        pattern,
                                                        instances
                                                                .get(
                                                                        (int)
                                                                                ((i * 7919L)
                                                                                        % instances
                                                                                                .size()))
                                                                .id())
                                                .size())));
        r.put(
                "match_host_us",
                round(
                        timeMicros(
                                20_000,
                                20_000,
                                i ->
                                        matcher.matchesIncluding(
                                                        graph,
                                                        pattern,
                                                        bigHosts.get(i % bigHosts.size()))
                                                .size())));
        r.put("java", System.getProperty("java.version"));
        r.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        return r;
    }

    private static double updateMicros(
            EntityGraph graph,
            List<Entity> instances,
            List<Relationship> portLinks,
            long seed,
            int scale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int ops = 300_000 / scale;
        int warm = ops / 10;
        List<TopologyChange> changes = new ArrayList<>(ops);
        for (int i = 0; i < ops; i += 3) {
            Entity e = instances.get(rnd.nextInt(instances.size()));
            changes.add(TopologyChange.upsert(e.withState(i % 2 == 0 ? "ERROR" : "ACTIVE")));
            Relationship link = portLinks.get(rnd.nextInt(portLinks.size()));
            if (graph.hasRelationship(link)) {
                changes.add(TopologyChange.delete(link));
                changes.add(TopologyChange.upsert(link));
            } else {
                changes.add(TopologyChange.upsert(link));
                changes.add(TopologyChange.delete(link));
            }
        }
        for (int i = 0; i < warm; i++) {
            graph.apply(changes.get(i));
        }
        long t = cpuNanos();
        for (int i = warm; i < changes.size(); i++) {
            graph.apply(changes.get(i));
        }
        return (cpuNanos() - t) / 1000.0 / (changes.size() - warm);
    }

    /** Work returning an int so that the JIT cannot drop it. */
    private interface Work {
        int run(int i);
    }

    private static double timeMicros(int warmup, int iterations, Work work) {
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += work.run(i);
        }
        long t = cpuNanos();
        for (int i = 0; i < iterations; i++) {
            sink += work.run(i);
        }
        double us = (cpuNanos() - t) / 1000.0 / iterations;
        if (sink == Long.MIN_VALUE) {
            System.out.print("");
        }
        return us;
    }

    /**
     * This thread's CPU time: the machine is shared, so wall-clock time measures the neighbours'
     * load as much as this code; {@code *_wall_ms} figures give the wall clock for comparison.
     */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double usedHeapMb() {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(last - used) < (1 << 20)) {
                return used / 1048576.0;
            }
            last = used;
        }
        return last / 1048576.0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
