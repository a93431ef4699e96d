package org.aitia.rules;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.aitia.model.Severity;
import org.aitia.rules.internal.BenchSite;
import org.aitia.rules.internal.RuleCompiler;
import org.aitia.topology.EntityGraph;

/**
 * {@code aitia bench rules [--entities N] [--alarms M] [--runs R] [--warmup-runs W] [--seed S]
 * [--json] [--outcome-hash]}: compiles the standard library, generates a site of N entities and M
 * raw alarm transitions in event time, then, as JMH does, feeds them W times unmeasured (JIT
 * warm-up, default 2) and R times measured (default 5), each time into a fresh engine started on
 * the site, after a full collection of the earlier engines' garbage. Prints one JSON line: {@code
 * alarms_per_s} and {@code alarms_per_cpu_s} (medians of the measured feeds, each of which is
 * listed), the first feed's figures ({@code cold_...}), {@code kbase_build_ms}, {@code
 * engine_start_ms} (the first engine), {@code heap_mb}, {@code root_causes} and more.
 *
 * <p>The site is topology-graph's {@code TopologyGenerator} (one site). The alarm mix is incidents:
 * a root cause (a Doctor host down, a NIC link down, a ToR switch down, an OVS bridge down, host
 * CPU overload, DPDK rx drops) followed by the raw alarms its consequences raise on instances and
 * ports (most of the alarms), then, for most incidents, the clear of all of them. The incidents
 * still open at the end are the root causes reported.
 *
 * <p>{@code --outcome-hash} measures nothing: it feeds the same alarms to a fresh engine and prints
 * the SHA-256 of every outcome and of the final alarms, root causes and states, to check that a
 * change of the engine leaves its results bit-for-bit the same.
 */
public final class RulesBench {
    private RulesBench() {}

    /** Runs the bench; returns the exit status (0, or 2 on a usage error). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int entities = 100_000;
        int alarms = 100_000;
        int warmupRuns = 2;
        int runs = 5;
        long seed = 42;
        boolean json = false;
        boolean hash = false;
        boolean lookup = false;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--entities" -> entities = Integer.parseInt(args.get(++i));
                    case "--alarms" -> alarms = Integer.parseInt(args.get(++i));
                    case "--seed" -> seed = Long.parseLong(args.get(++i));
                    case "--warmup-runs" -> warmupRuns = atLeast(0, args.get(++i), "--warmup-runs");
                    case "--runs" -> runs = atLeast(1, args.get(++i), "--runs");
                    case "--json" -> json = true;
                    case "--outcome-hash" -> hash = true;
                    case "--topology" -> lookup = topologyMode(args.get(++i));
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
            }
        } catch (RuntimeException e) {
            err.println(
                    "bench rules: "
                            + e.getMessage()
                            + " (usage: bench rules [--entities N] [--alarms M] [--runs R]"
                            + " [--warmup-runs W]"
                            + " [--topology facts|lookup] [--seed S] [--json] [--outcome-hash])");
            return 2;
        }
        try {
            Map<String, Object> r =
                    hash
                            ? outcomeHash(entities, alarms, seed, lookup)
                            : measure(entities, alarms, warmupRuns, runs, seed, lookup);
            out.println(json ? Json.write(r) : r.toString());
            return 0;
        } catch (RuleSetException e) {
            err.println("bench rules: the standard library does not compile: " + e.getMessage());
            return 1;
        }
    }

    static Map<String, Object> measure(
            int entities, int alarmCount, int warmupRuns, int runs, long seed, boolean lookup)
            throws RuleSetException {
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        RuleSet library = library(lookup);
        long c0 = cpu.getCurrentThreadCpuTime();
        long kbaseMs = RuleCompiler.compile(library).buildMillis();
        long kbaseCpuMs = (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000;

        BenchSite site = BenchSite.generate(entities, seed);
        long t0 = System.nanoTime();
        EntityGraph graph = EntityGraph.of(site.topology());
        long graphMs = (System.nanoTime() - t0) / 1_000_000;
        List<Alarm> feed = feed(site, alarmCount, seed);

        List<Run> warm = new ArrayList<>();
        List<Run> measured = new ArrayList<>();
        Run last = null;
        for (int i = 0; i < warmupRuns + runs; i++) {
            last = feedOnce(library, graph, feed, cpu, lookup, i == warmupRuns + runs - 1);
            (i < warmupRuns ? warm : measured).add(last);
        }
        long heap = last.heapBytes();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("entities", site.topology().entities().size());
        r.put("relationships", site.topology().relationships().size());
        r.put("alarms", feed.size());
        r.put("warmup_runs", warmupRuns);
        r.put("runs", runs);
        r.put("alarms_per_s", median(measured, Run::alarmsPerSecond));
        r.put("alarms_per_cpu_s", median(measured, Run::alarmsPerCpuSecond));
        r.put(
                "mean_us_per_alarm",
                Math.round(1e7 / Math.max(1, median(measured, Run::alarmsPerSecond))) / 10.0);
        r.put("alarms_per_s_runs", measured.stream().map(Run::alarmsPerSecond).toList());
        r.put("alarms_per_cpu_s_runs", measured.stream().map(Run::alarmsPerCpuSecond).toList());
        r.put("gc_ms_runs", measured.stream().map(Run::gcMillis).toList());
        if (!warm.isEmpty()) {
            // the first feed of the JVM: what the first alarms after a start see
            r.put("cold_alarms_per_s", warm.get(0).alarmsPerSecond());
            r.put("cold_alarms_per_cpu_s", warm.get(0).alarmsPerCpuSecond());
        }
        r.put("kbase_build_ms", kbaseMs);
        r.put("kbase_build_cpu_ms", kbaseCpuMs);
        r.put("graph_load_ms", graphMs);
        r.put("engine_start_ms", (warm.isEmpty() ? measured : warm).get(0).engineStartMillis());
        r.put("heap_mb", heap / (1024 * 1024));
        r.put("root_causes", last.rootCauses());
        r.put("active_alarms", last.activeAlarms());
        r.put("alarm_changes_reported", last.deduced());
        r.put("actions", last.actions());
        r.put("topology", lookup ? "lookup" : "facts");
        r.put("rules", library.name() + " " + library.version());
        return r;
    }

    /**
     * One feed of the alarms into a fresh engine over {@code graph} (which it leaves as is); the
     * heap in use, with the engine's facts live, only when {@code measureHeap} (a full collection).
     */
    private static Run feedOnce(
            RuleSet library,
            EntityGraph graph,
            List<Alarm> feed,
            java.lang.management.ThreadMXBean cpu,
            boolean lookup,
            boolean measureHeap)
            throws RuleSetException {
        long t0 = System.nanoTime();
        RcaEngine engine = engine(library, graph, lookup);
        long engineMs = (System.nanoTime() - t0) / 1_000_000;
        // the engines of the earlier feeds are garbage now (600 MB at 100,000 entities), which a
        // long-running engine never leaves behind: collect it before measuring, or G1 marks and
        // reclaims it concurrently during the feed
        System.gc();
        long deduced = 0;
        long actions = 0;
        long gc0 = gcMillis();
        t0 = System.nanoTime();
        long c0 = cpu.getCurrentThreadCpuTime();
        for (Alarm a : feed) {
            Outcome o = engine.onAlarm(a);
            deduced += o.alarms().size();
            actions += o.actions().size();
        }
        long feedNanos = System.nanoTime() - t0;
        long feedCpuNanos = cpu.getCurrentThreadCpuTime() - c0;
        long gc = gcMillis() - gc0;
        List<Alarm> active = engine.activeAlarms();
        int roots = (int) active.stream().filter(Alarm::rootCause).count();
        long heap = 0;
        if (measureHeap) {
            System.gc();
            heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        engine.close();
        return new Run(
                Math.round(feed.size() / (feedNanos / 1e9)),
                Math.round(feed.size() / (feedCpuNanos / 1e9)),
                gc,
                engineMs,
                heap,
                roots,
                active.size(),
                deduced,
                actions);
    }

    /** What one feed measured. */
    private record Run(
            long alarmsPerSecond,
            long alarmsPerCpuSecond,
            long gcMillis,
            long engineStartMillis,
            long heapBytes,
            int rootCauses,
            int activeAlarms,
            long deduced,
            long actions) {}

    private static long median(List<Run> runs, java.util.function.ToLongFunction<Run> f) {
        long[] v = runs.stream().mapToLong(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Milliseconds the JVM's collectors have spent since it started (pauses and cycles). */
    private static long gcMillis() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc :
                ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /**
     * The SHA-256 of every outcome of the bench feed and of the final alarms, root causes and
     * states. Action parameters are hashed sorted by name: {@code Map.copyOf} iterates in an order
     * that changes from one JVM to the next.
     */
    static Map<String, Object> outcomeHash(int entities, int alarmCount, long seed, boolean lookup)
            throws RuleSetException {
        BenchSite site = BenchSite.generate(entities, seed);
        MessageDigest sha = sha256();
        long changes = 0;
        List<String> actionIds = new ArrayList<>();
        MessageDigest end = sha256();
        try (RcaEngine engine = engine(library(lookup), EntityGraph.of(site.topology()), lookup)) {
            for (Alarm a : feed(site, alarmCount, seed)) {
                Outcome o = engine.onAlarm(a);
                StringBuilder sb = new StringBuilder().append(o.alarms()).append(" | ");
                for (HealingAction h : o.actions()) {
                    actionIds.add(h.id());
                    sb.append(h.id()).append(' ').append(h.type()).append(' ').append(h.target());
                    sb.append(' ')
                            .append(h.site())
                            .append(' ')
                            .append(new TreeMap<>(h.parameters()));
                    sb.append(' ').append(h.alarmIds()).append(' ').append(h.rule());
                    sb.append(' ').append(h.dryRun()).append(' ').append(h.requestedAt());
                    sb.append(';');
                }
                sb.append(" | ").append(o.stateChanges());
                sha.update(sb.toString().getBytes(StandardCharsets.UTF_8));
                changes += o.alarms().size();
            }
            List<Alarm> active = engine.activeAlarms();
            byte[][] endState = {
                active.toString().getBytes(StandardCharsets.UTF_8),
                active.stream()
                        .filter(Alarm::rootCause)
                        .toList()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8),
                engine.states().toString().getBytes(StandardCharsets.UTF_8)
            };
            for (byte[] part : endState) {
                sha.update(part);
                end.update(part);
            }
            actionIds.sort(null);
            end.update(actionIds.toString().getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("entities", site.topology().entities().size());
        r.put("alarms", alarmCount);
        r.put("alarm_changes_reported", changes);
        r.put("actions", actionIds.size());
        r.put("outcome_sha256", HexFormat.of().formatHex(sha.digest()));
        // the end state and the set of actions, whatever the order rules fired in: equal for the
        // facts and the look-up variants of the library when they conclude the same
        r.put("end_state_sha256", HexFormat.of().formatHex(end.digest()));
        return r;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    private static RuleSet library(boolean lookup) {
        return lookup ? RuleSet.graphLookupVariant() : RuleSet.standardLibrary();
    }

    private static RcaEngine engine(RuleSet rules, EntityGraph graph, boolean lookup)
            throws RuleSetException {
        return lookup
                ? RcaEngine.createWithGraphLookups(rules, graph, Clock.PSEUDO)
                : RcaEngine.create(rules, graph, Clock.PSEUDO);
    }

    private static boolean topologyMode(String value) {
        return switch (value) {
            case "facts" -> false;
            case "lookup" -> true;
            default ->
                    throw new IllegalArgumentException(
                            "--topology must be facts or lookup, not " + value);
        };
    }

    private static int atLeast(int min, String value, String option) {
        int n = Integer.parseInt(value);
        if (n < min) {
            throw new IllegalArgumentException(option + " must be " + min + " or more, not " + n);
        }
        return n;
    }

    /** Incidents until {@code count} alarm transitions, in increasing event time. */
    static List<Alarm> feed(BenchSite site, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Alarm> out = new ArrayList<>(count + 64);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<List<Alarm>> open = new ArrayList<>();
        while (out.size() < count) {
            int h = rnd.nextInt(site.hosts().size());
            String host = site.hosts().get(h);
            List<Alarm> incident = new ArrayList<>();
            int kind = rnd.nextInt(100);
            List<Integer> hostsHit = new ArrayList<>(List.of(h));
            if (kind < 30) {
                incident.add(raw("doctor", host, "compute.host.down", t));
            } else if (kind < 60) {
                incident.add(raw("collectd", site.nicsOf().get(h).get(0), "linkDown", t));
            } else if (kind < 65) {
                String tor = site.torOf().get(h);
                incident.add(raw("ves", tor, "switchDown", t));
                hostsHit = site.hostsOf().get(tor);
            } else if (kind < 75) {
                incident.add(raw("ves", site.bridgeOf().get(h), "ovsBridgeDown", t));
            } else if (kind < 90) {
                incident.add(raw("collectd", host, "cpuOverload", t));
            } else {
                incident.add(raw("aitia-detect", site.dpdkOf().get(h), "dpdkRxDrops", t));
            }
            for (int hh : hostsHit) {
                for (String vm : site.instancesOf().get(hh)) {
                    incident.add(raw("ves", vm, "vmUnreachable", t));
                }
                for (String port : site.portsOf().get(hh)) {
                    incident.add(raw("collectd", port, "portDown", t));
                }
            }
            for (Alarm a : incident) {
                t = t.plusMillis(1);
                out.add(atTime(a, t));
            }
            open.add(incident);
            // most incidents are repaired: clear an older one
            if (open.size() > 20 || (open.size() > 3 && rnd.nextInt(100) < 90)) {
                List<Alarm> done = open.remove(rnd.nextInt(open.size()));
                for (Alarm a : done) {
                    t = t.plusMillis(1);
                    out.add(a.cleared(t));
                }
            }
        }
        return out.subList(0, count);
    }

    private static Alarm raw(String source, String entity, String name, Instant t) {
        return Alarm.raised(source, entity, "s1", name, Severity.CRITICAL, t);
    }

    private static Alarm atTime(Alarm a, Instant t) {
        return new Alarm(
                a.id(),
                a.source(),
                a.entityId(),
                a.site(),
                a.name(),
                a.severity(),
                null,
                Alarm.Status.ACTIVE,
                false,
                List.of(),
                true,
                null,
                t,
                t);
    }
}
