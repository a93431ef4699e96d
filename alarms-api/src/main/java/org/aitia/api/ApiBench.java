package org.aitia.api;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.aitia.model.Alarm;
import org.aitia.model.Entity;
import org.aitia.model.Json;
import org.aitia.model.Relationship;
import org.aitia.model.Severity;
import org.aitia.model.TopologyChange;

/**
 * Load benchmark of {@code GET /v1/alarm/}: starts the API on loopback (Vitrage noauth, no Kafka,
 * no Elasticsearch), loads {@code --alarms} active alarms on as many instances of a generated
 * topology, and sends {@code --requests} requests from {@code --concurrency} keep-alive client
 * threads after {@code --warmup} requests. Prints one JSON line: throughput, latency percentiles,
 * response size.
 *
 * <pre>
 * aitia bench api --alarms 10000 --limit 100 --requests 20000 --concurrency 8 --json
 * </pre>
 */
public final class ApiBench {
    private ApiBench() {}

    /** Runs the benchmark; returns 0, or 2 for bad flags, 1 when requests failed. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> flags =
                new LinkedHashMap<>(
                        Map.of(
                                "alarms",
                                "10000",
                                "requests",
                                "20000",
                                "concurrency",
                                "8",
                                "warmup",
                                "3000",
                                "limit",
                                "100",
                                "seed",
                                "42"));
        flags.put("tool", "java");
        flags.put("seconds", "15");
        flags.put("rate", "0");
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--json")) {
                json = true;
            } else if (a.startsWith("--")
                    && flags.containsKey(a.substring(2))
                    && i + 1 < args.size()) {
                flags.put(a.substring(2), args.get(++i));
            } else {
                err.println(
                        "unknown or incomplete flag "
                                + a
                                + "; flags: --alarms N --limit N --requests N"
                                + " --concurrency N --warmup N --seed N --tool java|wrk --seconds N --rate R --json");
                return 2;
            }
        }
        int alarms;
        int requests;
        int concurrency;
        int warmup;
        int limit;
        long seed;
        double rate;
        try {
            rate = Double.parseDouble(flags.get("rate"));
            alarms = Integer.parseInt(flags.get("alarms"));
            requests = Integer.parseInt(flags.get("requests"));
            concurrency = Integer.parseInt(flags.get("concurrency"));
            warmup = Integer.parseInt(flags.get("warmup"));
            limit = Integer.parseInt(flags.get("limit"));
            seed = Long.parseLong(flags.get("seed"));
        } catch (NumberFormatException e) {
            err.println("flags must be integers: " + e.getMessage());
            return 2;
        }
        if (alarms < 1
                || requests < 1
                || concurrency < 1
                || warmup < 0
                || limit < 1
                || limit > 10_000) {
            err.println(
                    "--alarms, --requests, --concurrency must be >= 1, --warmup >= 0, --limit 1..10000");
            return 2;
        }
        String tool = flags.get("tool");
        if (!tool.equals("java") && !tool.equals("wrk")) {
            err.println("--tool must be java or wrk");
            return 2;
        }
        try (AlarmsApi api = AlarmsApi.start(ApiConfig.defaults().withPort(0), null, null)) {
            load(api, alarms, seed);
            api.markEngineReady();
            String url = api.url() + "/v1/alarm/?vitrage_id=all&limit=" + limit;
            HttpClient client =
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .executor(Executors.newFixedThreadPool(concurrency))
                            .build();
            Result warm = drive(client, url, warmup, concurrency, 0);
            if (tool.equals("wrk")) {
                return WrkRun.run(
                        url + "&all_tenants=true",
                        alarms,
                        limit,
                        concurrency,
                        Integer.parseInt(flags.get("seconds")),
                        json,
                        out,
                        err);
            }
            Result r = drive(client, url, requests, concurrency, rate);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("bench", "api");
            o.put("route", "GET /v1/alarm/");
            o.put("alarms", alarms);
            o.put("limit", limit);
            o.put("requests", requests);
            o.put("concurrency", concurrency);
            o.put("warmup", warmup);
            o.put("rate", rate > 0 ? rate : "unpaced");
            o.put("seconds", round(r.seconds));
            o.put("requests_per_second", round(requests / r.seconds));
            o.put("p50_ms", round(r.percentile(50)));
            o.put("p90_ms", round(r.percentile(90)));
            o.put("p99_ms", round(r.percentile(99)));
            o.put("max_ms", round(r.percentile(100)));
            o.put("bytes_per_response", r.bytes.get() / Math.max(1, requests - r.errors.get()));
            o.put("errors", r.errors.get() + warm.errors.get());
            o.put("target_p99_ms", 50);
            o.put("target_requests_per_second", 2000);
            o.put("meets_target", r.percentile(99) <= 50 && requests / r.seconds >= 2000);
            if (json) {
                out.println(Json.write(o));
            } else {
                o.forEach((k, v) -> out.println(k + ": " + v));
            }
            return r.errors.get() + warm.errors.get() == 0 ? 0 : 1;
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A topology of hosts with 20 instances each, and one alarm per instance. */
    static void load(AlarmsApi api, int alarms, long seed) {
        Random rnd = new Random(seed);
        Severity[] sev = {Severity.CRITICAL, Severity.SEVERE, Severity.WARNING};
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < alarms; i++) {
            String host = "host-" + (i / 20);
            String vm = "vm-" + i;
            if (i % 20 == 0) {
                api.topology()
                        .apply(
                                TopologyChange.upsert(
                                        Entity.of(host, "nova.host", host, "site-" + (i / 2000))));
            }
            api.topology()
                    .apply(
                            TopologyChange.upsert(
                                    new Entity(
                                            vm,
                                            "nova.instance",
                                            vm,
                                            "site-" + (i / 2000),
                                            "ACTIVE",
                                            Map.of("project_id", "p" + (i % 7)))));
            api.topology()
                    .apply(
                            TopologyChange.upsert(
                                    new Relationship(host, vm, Relationship.CONTAINS)));
            Alarm a =
                    Alarm.raised(
                            "collectd",
                            vm,
                            "site-" + (i / 2000),
                            "instance unreachable",
                            sev[rnd.nextInt(sev.length)],
                            t0.plusMillis(rnd.nextInt(3_600_000)));
            api.alarms().apply(a.id(), a);
        }
    }

    private static final class Result {
        final long[] micros;
        final AtomicInteger errors = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
        double seconds;

        Result(int n) {
            micros = new long[n];
        }

        double percentile(int p) {
            if (micros.length == 0) {
                return 0;
            }
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1000.0;
        }
    }

    /**
     * Sends {@code n} requests from {@code concurrency} threads; with {@code rate} > 0 request i is
     * due at start + i / rate and its latency is counted from when it was due (so a stalled server
     * is not hidden by the generator waiting for it).
     */
    private static Result drive(
            HttpClient client, String url, int n, int concurrency, double rate) {
        Result r = new Result(n);
        AtomicInteger next = new AtomicInteger();
        HttpRequest req =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("x-user-id", "bench")
                        .header("x-project-id", "p1")
                        .header("x-roles", "reader")
                        .header("Accept", "application/json")
                        .GET()
                        .build();
        HttpRequest all =
                HttpRequest.newBuilder(URI.create(url + "&all_tenants=true"))
                        .timeout(Duration.ofSeconds(30))
                        .header("x-user-id", "bench")
                        .header("x-project-id", "bench")
                        .header("x-roles", "admin")
                        .header("Accept", "application/json")
                        .GET()
                        .build();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            Future<?>[] fs = new Future<?>[concurrency];
            for (int c = 0; c < concurrency; c++) {
                fs[c] =
                        pool.submit(
                                () -> {
                                    int i;
                                    while ((i = next.getAndIncrement()) < n) {
                                        long t = paced(start, i, rate);
                                        if (t < 0) {
                                            return;
                                        }
                                        try {
                                            HttpResponse<byte[]> resp =
                                                    client.send(
                                                            i % 2 == 0 ? req : all,
                                                            HttpResponse.BodyHandlers
                                                                    .ofByteArray());
                                            if (resp.statusCode() != 200) {
                                                r.errors.incrementAndGet();
                                            } else {
                                                r.bytes.addAndGet(resp.body().length);
                                            }
                                        } catch (IOException e) {
                                            r.errors.incrementAndGet();
                                        } catch (InterruptedException e) {
                                            Thread.currentThread().interrupt();
                                            return;
                                        }
                                        r.micros[i] = (System.nanoTime() - t) / 1000;
                                    }
                                });
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a client thread failed", e.getCause());
        } finally {
            r.seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return r;
    }

    /** Waits until request i is due; its due time (or now when unpaced), -1 when interrupted. */
    private static long paced(long start, int i, double rate) {
        long now = System.nanoTime();
        if (rate <= 0) {
            return now;
        }
        long due = start + (long) (i * 1e9 / rate);
        if (due > now) {
            try {
                TimeUnit.NANOSECONDS.sleep(due - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return due;
    }

    /** Entry point for {@code java -cp ... org.aitia.api.ApiBench --json}. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ApiBench");
    }
}
