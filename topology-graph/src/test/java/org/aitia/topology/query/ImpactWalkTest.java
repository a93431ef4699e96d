package org.aitia.topology.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aitia.model.Entity;
import org.aitia.model.Relationship;
import org.aitia.model.TopologyChange;
import org.aitia.topology.Direction;
import org.aitia.topology.EntityGraph;
import org.aitia.topology.GraphSnapshot;
import org.aitia.topology.GraphView;
import org.aitia.topology.TopologyChangeRejectedException;
import org.aitia.topology.generate.TopologyGenerator;
import org.junit.jupiter.api.Test;

/**
 * The impact walk steps through adjacency handles, level by level; these tests hold it to a plain
 * breadth-first search over {@link GraphView#vertex}, and to the graph's versions.
 */
class ImpactWalkTest {
    private static final ImpactRules RULES = ImpactRules.defaults();

    /** Impact the obvious way: one vertex after the other, by id. */
    private static LinkedHashMap<String, Relationship> reference(
            GraphView view, String root, boolean upstream, int maxDepth) {
        LinkedHashMap<String, Relationship> via = new LinkedHashMap<>();
        if (!view.contains(root)) {
            return via;
        }
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(root));
        Map<String, Integer> depth = new LinkedHashMap<>(Map.of(root, 0));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            if (depth.get(at) >= maxDepth) {
                continue;
            }
            GraphView.Vertex v = view.vertex(at);
            List<Relationship> out = v.outgoing();
            List<Relationship> in = v.incoming();
            for (int side = 0; side < 2; side++) {
                boolean atIsSource = side == 0;
                for (Relationship r : atIsSource ? out : in) {
                    String other = atIsSource ? r.target() : r.source();
                    String s = view.entity(r.source()).orElseThrow().type();
                    String t = view.entity(r.target()).orElseThrow().type();
                    ImpactRule.Flow f = RULES.flow(r.type(), s, t);
                    boolean follow = atIsSource == !upstream ? f.forward() : f.backward();
                    if (follow && !depth.containsKey(other)) {
                        depth.put(other, depth.get(at) + 1);
                        via.put(other, r);
                        queue.add(other);
                    }
                }
            }
        }
        return via;
    }

    private static List<String> hosts(EntityGraph g, int n) {
        List<String> ids = new ArrayList<>();
        for (Entity e : g.byType("nova.host")) {
            ids.add(e.id());
        }
        ids.sort(String::compareTo);
        return ids.subList(0, Math.min(n, ids.size()));
    }

    @Test
    void shouldReachWhatAPlainBreadthFirstSearchReachesInTheSameOrderThroughTheSameRelationships() {
        EntityGraph g = EntityGraph.of(new TopologyGenerator(7).generate(20_000));
        List<String> roots = new ArrayList<>(hosts(g, 40));
        roots.addAll(g.byType("switch").stream().map(Entity::id).sorted().limit(5).toList());
        roots.addAll(g.byType("nic").stream().map(Entity::id).sorted().limit(5).toList());
        roots.addAll(
                g.byType("kubernetes.node").stream().map(Entity::id).sorted().limit(5).toList());

        for (String root : roots) {
            Impact impact = new BreadthFirstImpactAnalysis().impactOf(g, root);
            LinkedHashMap<String, Relationship> expected = reference(g, root, false, 1 << 20);

            assertThat(new ArrayList<>(impact.ids()))
                    .as("impact of %s", root)
                    .containsExactlyElementsOf(expected.keySet());
            expected.forEach((id, r) -> assertThat(impact.via(id)).isEqualTo(r));
        }
        assertThat(new BreadthFirstImpactAnalysis().impactOf(g, hosts(g, 1).get(0)).size())
                .as("a host reaches its instances, ports, VNFCs, VNFs and chains")
                .isGreaterThan(20);
    }

    @Test
    void shouldWalkUpstreamAndStopAtTheDepthAndTheLimitItIsGiven() {
        EntityGraph g = EntityGraph.of(new TopologyGenerator(7).generate(20_000));
        String vm = g.byType("nova.instance").stream().map(Entity::id).sorted().findFirst().get();
        String host = hosts(g, 1).get(0);

        var up = ImpactWalk.walk(g, RULES, vm, true, Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertThat(ImpactWalk.asMap(up).keySet())
                .containsExactlyElementsOf(reference(g, vm, true, 1 << 20).keySet());
        assertThat(ImpactWalk.asMap(up))
                .containsKey(g.neighbours(vm, "contains", Direction.INCOMING).get(0).id());

        var two = ImpactWalk.walk(g, RULES, host, false, 2, Integer.MAX_VALUE);
        assertThat(ImpactWalk.asMap(two).keySet())
                .containsExactlyElementsOf(reference(g, host, false, 2).keySet());
        for (int i = 0; i < two.size(); i++) {
            assertThat(two.depth(i)).isBetween(1, 2);
        }

        var five = ImpactWalk.walk(g, RULES, host, false, Integer.MAX_VALUE, 5);
        assertThat(five.size()).isEqualTo(5);
        assertThat(ImpactWalk.asMap(five).keySet())
                .containsExactlyElementsOf(
                        reference(g, host, false, 1 << 20).keySet().stream().limit(5).toList());
    }

    @Test
    void shouldSeeEachVersionThroughSnapshotsDeletionsAndRecreation() {
        EntityGraph g = EntityGraph.of(new TopologyGenerator(3).generate(2_000));
        String host = hosts(g, 1).get(0);
        Entity vm =
                g.neighbours(host, "contains", Direction.OUTGOING).stream()
                        .filter(e -> e.type().equals("nova.instance"))
                        .findFirst()
                        .orElseThrow();
        BreadthFirstImpactAnalysis impact = new BreadthFirstImpactAnalysis();
        int before = impact.impactOf(g, host).size();

        GraphSnapshot old = g.snapshot();
        g.apply(TopologyChange.delete(vm));

        assertThat(impact.impactOf(g, host).contains(vm.id())).isFalse();
        assertThat(impact.impactOf(old, host).contains(vm.id())).isTrue();
        assertThat(impact.impactOf(old, host).size()).isEqualTo(before);
        old.close();
        g.apply(TopologyChange.upsert(Entity.of("unrelated", "nova.instance", null, null)));

        g.applyAll(
                List.of(
                        TopologyChange.upsert(vm),
                        TopologyChange.upsert(new Relationship(host, vm.id(), "contains"))));
        Impact again = impact.impactOf(g, host);
        assertThat(again.contains(vm.id())).as("the re-created instance").isTrue();
        assertThat(again.ids())
                .containsExactlyElementsOf(reference(g, host, false, 1 << 20).keySet());
    }

    @Test
    void shouldLeaveTheWalkUnchangedByABatchThatFailsPartWay() {
        EntityGraph g = EntityGraph.of(new TopologyGenerator(3).generate(2_000));
        String host = hosts(g, 1).get(0);
        List<String> before =
                new ArrayList<>(new BreadthFirstImpactAnalysis().impactOf(g, host).ids());

        assertThatThrownBy(
                        () ->
                                g.applyAll(
                                        List.of(
                                                TopologyChange.upsert(
                                                        Entity.of(
                                                                "vm-new",
                                                                "nova.instance",
                                                                null,
                                                                null)),
                                                TopologyChange.upsert(
                                                        new Relationship(
                                                                host, "vm-new", "contains")),
                                                TopologyChange.upsert(
                                                        new Relationship(
                                                                host, "nowhere", "contains")))))
                .isInstanceOf(TopologyChangeRejectedException.class);

        assertThat(new BreadthFirstImpactAnalysis().impactOf(g, host).ids())
                .containsExactlyElementsOf(before);
        assertThat(g.contains("vm-new")).isFalse();
        g.applyAll(
                List.of(
                        TopologyChange.upsert(Entity.of("vm-new", "nova.instance", null, null)),
                        TopologyChange.upsert(new Relationship(host, "vm-new", "contains"))));
        assertThat(new BreadthFirstImpactAnalysis().impactOf(g, host).contains("vm-new")).isTrue();
    }
}
