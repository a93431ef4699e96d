package org.aitia.topology.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.TopologyChange;
import org.aitia.topology.EntityGraph;
import org.aitia.topology.GraphSnapshot;
import org.aitia.topology.generate.TopologyGenerator;
import org.aitia.topology.query.BacktrackingPatternMatcher;
import org.aitia.topology.query.BreadthFirstImpactAnalysis;
import org.aitia.topology.query.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the entity graph on a generated NFV topology. Not part of the test run (the
 * name does not end in Test); run with {@code mvn -pl topology-graph -Pjmh test-compile exec:exec}
 * (see the module README), e.g. {@code -Djmh.args="-p entities=1000000"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx3g"})
public class TopologyGraphBenchmark {

    @Param({"200000"})
    public int entities;

    private EntityGraph graph;
    private List<String> bigHosts;
    private List<Entity> instances;
    private Pattern hostInstancePort;
    private BreadthFirstImpactAnalysis impact;
    private BacktrackingPatternMatcher matcher;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        graph = EntityGraph.of(new TopologyGenerator(42).generate(entities));
        bigHosts = new ArrayList<>();
        for (String site : graph.sites()) {
            int s = Integer.parseInt(site.substring(1));
            for (int rack = 1; graph.contains(TopologyGenerator.bigHostId(s, rack)); rack++) {
                bigHosts.add(TopologyGenerator.bigHostId(s, rack));
            }
        }
        instances = graph.byType("nova.instance");
        hostInstancePort =
                Pattern.builder()
                        .vertex("host", "nova.host")
                        .vertex("vm", "nova.instance")
                        .vertex("port", "neutron.port")
                        .edge("host", Relationship.CONTAINS, "vm")
                        .edge("port", Relationship.ATTACHED, "vm")
                        .build();
        impact = new BreadthFirstImpactAnalysis();
        matcher = new BacktrackingPatternMatcher();
    }

    private int step() {
        next = (next + 7919) & 0x7fffffff;
        return next;
    }

    @Benchmark
    public long updateEntityState() {
        Entity vm = instances.get(step() % instances.size());
        return graph.apply(
                        TopologyChange.upsert(vm.withState((next & 1) == 0 ? "ERROR" : "ACTIVE")))
                .version();
    }

    @Benchmark
    public long updateRelationshipDeleteAndReadd() {
        Entity vm = instances.get(step() % instances.size());
        Relationship link = new Relationship(vm.id() + "-p0", vm.id(), Relationship.ATTACHED);
        graph.apply(TopologyChange.delete(link));
        return graph.apply(TopologyChange.upsert(link)).version();
    }

    @Benchmark
    public int impactOfHostWithFiftyInstances() {
        return impact.impactOf(graph, bigHosts.get(step() % bigHosts.size())).size();
    }

    @Benchmark
    public int matchAnchoredAtInstance() {
        return matcher.matchesIncluding(
                        graph, hostInstancePort, instances.get(step() % instances.size()).id())
                .size();
    }

    @Benchmark
    public int matchAnchoredAtHostWithFiftyInstances() {
        return matcher.matchesIncluding(
                        graph, hostInstancePort, bigHosts.get(step() % bigHosts.size()))
                .size();
    }

    @Benchmark
    public int snapshotAndLookUp() {
        try (GraphSnapshot s = graph.snapshot()) {
            return s.outgoing(bigHosts.get(step() % bigHosts.size())).size();
        }
    }
}
