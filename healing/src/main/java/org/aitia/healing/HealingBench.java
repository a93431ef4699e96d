package org.aitia.healing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.aitia.healing.adapter.Adapter;
import org.aitia.healing.bench.OpenStackSimulator;
import org.aitia.healing.guard.Guard;
import org.aitia.healing.journal.ActionJournal;
import org.aitia.model.ActionResult;
import org.aitia.model.Alarm;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;

/**
 * {@code aitia bench healing --vms N [--latency-ms L] [--rounds R] [--warmup W] [--no-fsync]
 * [--json]}: a compute host with N instances fails; the N+1 actions (force-down of the host's
 * nova-compute service, then reset-state to error of each instance) arrive as one batch, and go
 * through the real guard, journal and Nova adapter to Nova played by WireMock, which answers each
 * call after L ms (default 50). Measures, from the batch's arrival: {@code all_issued_ms}, until
 * WireMock has received every call; {@code all_done_ms}, until every result is known. W warm-up
 * rounds run first (default 10: the service runs warm); the figures are the median of R measured
 * rounds (default 5), with the worst.
 */
public final class HealingBench {
    private HealingBench() {}

    /**
     * Runs {@link #run} from a shell: {@code java -cp ... org.aitia.healing.HealingBench --vms 50
     * --json}.
     */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the bench; prints one JSON line on {@code out}; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int vms = 50;
        int latency = 50;
        int rounds = 5;
        int warmup = 10;
        boolean json = false;
        boolean fsync = true;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--vms" -> vms = Integer.parseInt(args.get(++i));
                    case "--latency-ms" -> latency = Integer.parseInt(args.get(++i));
                    case "--rounds" -> rounds = Integer.parseInt(args.get(++i));
                    case "--warmup" -> warmup = Integer.parseInt(args.get(++i));
                    case "--json" -> json = true;
                    case "--no-fsync" -> fsync = false;
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
            }
            if (vms < 1 || latency < 0 || rounds < 1 || warmup < 0) {
                throw new IllegalArgumentException("--vms and --rounds must be at least 1");
            }
        } catch (RuntimeException e) {
            err.println(
                    "healing bench: "
                            + e.getMessage()
                            + "\nusage: bench healing --vms N [--latency-ms L] [--rounds R] [--warmup W] [--no-fsync] [--json]");
            return 2;
        }
        try {
            Map<String, Object> figures = measure(vms, latency, rounds, warmup, fsync);
            if (json) {
                out.println(Json.write(figures));
            } else {
                figures.forEach((k, v) -> out.println(k + ": " + v));
            }
            return Boolean.TRUE.equals(figures.get("all_sent")) ? 0 : 1;
        } catch (IOException e) {
            err.println("healing bench: " + e);
            return 1;
        }
    }

    private static Map<String, Object> measure(
            int vms, int latency, int rounds, int warmup, boolean fsync) throws IOException {
        Path dir = Files.createTempDirectory("aitia-healing-bench");
        java.util.concurrent.atomic.AtomicInteger threads =
                new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        16, r -> new Thread(r, "healing-bench-" + threads.incrementAndGet()));
        try (OpenStackSimulator sim = new OpenStackSimulator(Math.max(40, vms + 20))) {
            sim.stubToken("bench-token", Instant.now().plus(Duration.ofHours(2)));
            sim.server()
                    .stubFor(
                            put(urlMatching(OpenStackSimulator.NOVA + "/os-services/.*"))
                                    .willReturn(
                                            aResponse()
                                                    .withStatus(200)
                                                    .withFixedDelay(latency)
                                                    .withBody(
                                                            "{\"service\": {\"forced_down\": true}}")));
            sim.server()
                    .stubFor(
                            post(urlMatching(OpenStackSimulator.NOVA + "/servers/.*/action"))
                                    .willReturn(
                                            aResponse().withStatus(202).withFixedDelay(latency)));
            HealingConfig config =
                    HealingConfig.defaults()
                            .withDryRun(false)
                            .withOpenStack(sim.config())
                            .withJournalPath(dir.resolve("journal.jsonl").toString());
            List<Adapter> adapters =
                    StandardAdapters.create(config, pool, null, Clock.systemUTC()).stream()
                            .filter(a -> a.types().contains("nova.server.reset_state"))
                            .toList();
            List<Long> issued = new ArrayList<>();
            List<Long> done = new ArrayList<>();
            List<Long> claims = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            List<Long> clientCpu = new ArrayList<>();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            boolean allSent = true;
            for (int round = 0; round < warmup + rounds; round++) {
                // a fresh guard per round: the host of each round is a new failure
                Guard guard = new Guard(config.guard(), false, Clock.systemUTC());
                try (ActionJournal journal =
                        ActionJournal.open(dir.resolve("journal-" + round + ".jsonl"), fsync)) {
                    HealingExecutor executor =
                            new HealingExecutor(
                                    guard, journal, adapters, NO_SINK, Clock.systemUTC());
                    if (round == 0) {
                        // the service holds a token before any incident: take it outside the timing
                        executor.submit(action("nova.server.reset_state", "warm", "warm", 0))
                                .join();
                    }
                    sim.server().resetRequests();
                    List<HealingAction> batch = incident(round, vms);
                    long cpuStart = os.getProcessCpuTime();
                    Map<Long, Long> clientStart = clientThreadCpu();
                    long start = System.currentTimeMillis();
                    long startNanos = System.nanoTime();
                    List<CompletableFuture<ActionResult>> futures = executor.submitAll(batch);
                    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
                    long doneMs = (System.nanoTime() - startNanos) / 1_000_000;
                    long cpuMs = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
                    long clientMs = cpuSince(clientStart) / 1_000_000;
                    List<ServeEvent> events = sim.server().getAllServeEvents();
                    long lastReceived =
                            events.stream()
                                    .map(e -> e.getRequest().getLoggedDate().getTime())
                                    .max(Comparator.naturalOrder())
                                    .orElse(start);
                    boolean sent =
                            events.size() == vms + 1
                                    && futures.stream()
                                            .allMatch(
                                                    f ->
                                                            f.join().status()
                                                                    == ActionResult.Status.SENT);
                    if (round >= warmup) {
                        issued.add(Math.max(0, lastReceived - start));
                        done.add(doneMs);
                        claims.add(Math.round(journal.lastClaimMillis()));
                        cpu.add(cpuMs);
                        clientCpu.add(clientMs);
                        allSent &= sent;
                    }
                }
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("bench", "healing");
            figures.put("vms", vms);
            figures.put("calls", vms + 1);
            figures.put("vim_latency_ms", latency);
            figures.put("rounds", rounds);
            figures.put("warmup_rounds", warmup);
            figures.put("all_issued_ms", median(issued));
            figures.put("all_done_ms", median(done));
            figures.put("all_issued_ms_max", issued.stream().max(Long::compare).orElse(0L));
            figures.put("all_done_ms_max", done.stream().max(Long::compare).orElse(0L));
            figures.put("process_cpu_ms", median(cpu));
            figures.put("healing_cpu_ms", median(clientCpu));
            figures.put("journal_fsync", fsync);
            figures.put("journal_claim_ms", median(claims));
            figures.put("all_sent", allSent);
            figures.put(
                    "load_average",
                    Math.round(
                                    java.lang.management.ManagementFactory
                                                    .getOperatingSystemMXBean()
                                                    .getSystemLoadAverage()
                                            * 100)
                            / 100.0);
            figures.put("cores", Runtime.getRuntime().availableProcessors());
            return figures;
        } finally {
            pool.shutdownNow();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(HealingBench::delete);
            }
        }
    }

    private static List<HealingAction> incident(int round, int vms) {
        String host = "compute-" + round;
        List<HealingAction> batch = new ArrayList<>(vms + 1);
        batch.add(action("nova.host.force_down", host, host, round));
        for (int i = 0; i < vms; i++) {
            batch.add(action("nova.server.reset_state", "vm-" + round + "-" + i, host, round));
        }
        return batch;
    }

    private static HealingAction action(String type, String target, String host, int round) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("host", host);
        if (type.equals("nova.host.force_down")) {
            params.put("service_id", "svc-" + host);
        } else {
            params.put("server_id", target);
        }
        return HealingAction.of(
                type,
                target,
                "bench",
                params,
                List.of("a-host-down-" + host),
                "HostDownForcesHostDown",
                false,
                Instant.now());
    }

    /**
     * CPU time of the threads of the healing side (the caller, the executor pool, the HTTP client's
     * selector), not WireMock's.
     */
    private static Map<Long, Long> clientThreadCpu() {
        java.lang.management.ThreadMXBean mx =
                java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null
                    && (t.getThreadName().equals("main")
                            || t.getThreadName().startsWith("healing-bench-")
                            || t.getThreadName().startsWith("HttpClient-"))) {
                cpu.put(t.getThreadId(), mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return cpu;
    }

    private static long cpuSince(Map<Long, Long> start) {
        long total = 0;
        for (Map.Entry<Long, Long> e : clientThreadCpu().entrySet()) {
            total += Math.max(0, e.getValue() - start.getOrDefault(e.getKey(), 0L));
        }
        return total;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    private static final OutcomeSink NO_SINK =
            new OutcomeSink() {
                @Override
                public void result(HealingAction action, ActionResult result) {}

                @Override
                public void alarm(Alarm alarm) {}
            };
}
