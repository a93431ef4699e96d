package org.aitia.collectors;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.aitia.collectors.parse.RejectedPayloadException;
import org.aitia.collectors.parse.VesParser;

/**
 * {@code aitia bench ingest [--json] [--seconds S] [--batch N] [--connections C] [--bootstrap
 * HOST:PORT]}: measures the VES path end to end. It starts the listeners on a free port and a real
 * Kafka broker (through {@code org.aitia.testdata.stack.KafkaBroker}, which must be on the class
 * path, unless {@code --bootstrap} names one), then {@code C} client threads post {@code eventList}
 * batches of {@code N} VES fault events for {@code S} seconds.
 *
 * <p>Prints one JSON line: {@code events_per_s} (events answered 202, so acknowledged by Kafka with
 * acks=all), {@code p50_ms}/{@code p99_ms} (request latency), {@code parse_per_s_core} (the parser
 * alone, schema validation included, on one thread), and the counts.
 */
public final class IngestBench {
    private static final String BROKER_CLASS = "org.aitia.testdata.stack.KafkaBroker";

    private IngestBench() {}

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int seconds = 15;
        int batch = 100;
        int connections = 12;
        String bootstrap = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--json" -> {
                        // the output is always one JSON line
                    }
                    case "--seconds" -> seconds = Integer.parseInt(args.get(++i));
                    case "--batch" -> batch = Integer.parseInt(args.get(++i));
                    case "--connections" -> connections = Integer.parseInt(args.get(++i));
                    case "--bootstrap" -> bootstrap = args.get(++i);
                    default -> {
                        err.println("aitia bench ingest: unknown option " + args.get(i));
                        return 2;
                    }
                }
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            err.println("aitia bench ingest: bad arguments " + args + ": " + e.getMessage());
            return 2;
        }
        byte[] body = vesBatch(batch, 0);
        double parsePerSec;
        try {
            parsePerSec = parserThroughput(body, batch);
        } catch (RejectedPayloadException e) {
            err.println("aitia bench ingest: the generated batch is invalid: " + e.getMessage());
            return 1;
        }
        AutoCloseable broker = null;
        try {
            if (bootstrap == null) {
                // Kafka's default flush policy (the OS page cache, durability from acks=all and
                // replication), not testdata's fsync-per-message default meant for crash tests.
                Object builder = Class.forName(BROKER_CLASS).getMethod("builder").invoke(null);
                builder.getClass()
                        .getMethod("property", String.class, String.class)
                        .invoke(
                                builder,
                                "log.flush.interval.messages",
                                String.valueOf(Long.MAX_VALUE));
                Object b = builder.getClass().getMethod("start").invoke(builder);
                broker = (AutoCloseable) b;
                bootstrap = (String) b.getClass().getMethod("bootstrapServers").invoke(b);
            }
            CollectorsConfig config = CollectorsConfig.defaults().withPort(0);
            try (Collectors collectors = Collectors.start(config, bootstrap)) {
                Result r = load(collectors.port(), batch, connections, seconds, err);
                out.println(
                        String.format(
                                Locale.ROOT,
                                "{\"events_per_s\":%.0f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,"
                                        + "\"parse_per_s_core\":%.0f,\"batch\":%d,\"connections\":%d,"
                                        + "\"seconds\":%.1f,\"accepted_events\":%d,\"retry_later\":%d,"
                                        + "\"errors\":%d}",
                                r.accepted / r.seconds,
                                r.p50,
                                r.p99,
                                parsePerSec,
                                batch,
                                connections,
                                r.seconds,
                                r.accepted,
                                r.retryLater,
                                r.errors));
                return r.errors == 0 ? 0 : 1;
            }
        } catch (ClassNotFoundException e) {
            err.println(
                    "aitia bench ingest: no Kafka broker: pass --bootstrap HOST:PORT or put the"
                            + " testdata module ("
                            + BROKER_CLASS
                            + ") on the class path");
            return 2;
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            err.println("aitia bench ingest: cannot start a Kafka broker: " + cause);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("aitia bench ingest: interrupted");
            return 1;
        } finally {
            if (broker != null) {
                try {
                    broker.close();
                } catch (Exception e) {
                    err.println("aitia bench ingest: cannot stop the broker: " + e);
                }
            }
        }
    }

    /**
     * Events per second the VES batch parser (schema validation included) reaches on one thread:
     * the best of 1-second windows over up to 12 s, so a JIT still compiling (or a neighbour
     * briefly taking the core) does not count as the parser's speed.
     */
    static double parserThroughput(byte[] body, int batch) throws RejectedPayloadException {
        VesParser parser = new VesParser(VesParser.Mode.BATCH);
        double best = 0;
        int windowsWithoutGain = 0;
        long end = System.nanoTime() + 12_000_000_000L;
        while (System.nanoTime() < end && windowsWithoutGain < 4) {
            long events = 0;
            long t0 = System.nanoTime();
            long stop = t0 + 1_000_000_000L;
            while (System.nanoTime() < stop) {
                events += parser.parse(body).size();
            }
            double rate = events / ((System.nanoTime() - t0) / 1e9);
            if (rate > best * 1.02) {
                best = rate;
                windowsWithoutGain = 0;
            } else {
                windowsWithoutGain++;
            }
        }
        return best;
    }

    private record Result(
            long accepted, long retryLater, long errors, double seconds, double p50, double p99) {}

    private static Result load(int port, int batch, int connections, int seconds, PrintStream err)
            throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/eventListener/v7/eventBatch");
        AtomicLong accepted = new AtomicLong();
        AtomicLong retry = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        long[] measureStart = {0};
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long stopAt = warmupEnd + seconds * 1_000_000_000L;
        for (int c = 0; c < connections; c++) {
            long[] lat = new long[1 << 20];
            latencies.add(lat);
            int conn = c;
            Thread t =
                    new Thread(
                            () -> {
                                int n = 0;
                                int k = 0;
                                byte[][] bodies = new byte[8][];
                                for (int i = 0; i < bodies.length; i++) {
                                    bodies[i] = vesBatch(batch, conn * 8 + i);
                                }
                                while (true) {
                                    long now = System.nanoTime();
                                    if (now >= stopAt) {
                                        break;
                                    }
                                    HttpRequest req =
                                            HttpRequest.newBuilder(uri)
                                                    .POST(
                                                            HttpRequest.BodyPublishers.ofByteArray(
                                                                    bodies[k++ & 7]))
                                                    .header("Content-Type", "application/json")
                                                    .build();
                                    try {
                                        HttpResponse<Void> resp =
                                                client.send(
                                                        req,
                                                        HttpResponse.BodyHandlers.discarding());
                                        long took = System.nanoTime() - now;
                                        boolean measuring = now >= warmupEnd;
                                        if (resp.statusCode() == 202) {
                                            if (measuring) {
                                                accepted.addAndGet(batch);
                                                if (n < lat.length) {
                                                    lat[n++] = took;
                                                }
                                            }
                                        } else if (resp.statusCode() == 429
                                                || resp.statusCode() == 503) {
                                            retry.incrementAndGet();
                                            Thread.sleep(5);
                                        } else {
                                            errors.incrementAndGet();
                                            err.println(
                                                    "bench: unexpected status "
                                                            + resp.statusCode());
                                        }
                                    } catch (java.io.IOException e) {
                                        errors.incrementAndGet();
                                        err.println("bench: request failed: " + e);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                        return;
                                    }
                                }
                                lat[lat.length - 1] = n; // count kept in the last slot
                            },
                            "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        measureStart[0] = warmupEnd;
        for (Thread t : threads) {
            t.join();
        }
        double secs = (stopAt - measureStart[0]) / 1e9;
        int total = 0;
        for (long[] l : latencies) {
            total += (int) l[l.length - 1];
        }
        long[] all = new long[total];
        int p = 0;
        for (long[] l : latencies) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, p, n);
            p += n;
        }
        Arrays.sort(all);
        double p50 = total == 0 ? 0 : all[(int) (total * 0.50)] / 1e6;
        double p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))] / 1e6;
        return new Result(accepted.get(), retry.get(), errors.get(), secs, p50, p99);
    }

    /** A VES {@code eventList} of {@code n} fault events from distinct sources. */
    public static byte[] vesBatch(int n, int seed) {
        StringBuilder sb = new StringBuilder(n * 620).append("{\"eventList\":[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            long micros = 1_767_261_600_000_000L + (long) seed * 1_000_000L + i;
            sb.append("{\"commonEventHeader\":{\"domain\":\"fault\",\"eventId\":\"fault-")
                    .append(seed)
                    .append('-')
                    .append(i)
                    .append("\",\"eventName\":\"Fault_vFW_linkDown\",\"lastEpochMicrosec\":")
                    .append(micros)
                    .append(
                            ",\"priority\":\"High\",\"reportingEntityName\":\"vfw-ems\",\"sequence\":")
                    .append(i)
                    .append(",\"sourceName\":\"vfw-")
                    .append((seed * 131 + i) % 1000)
                    .append("\",\"startEpochMicrosec\":")
                    .append(micros)
                    .append(",\"version\":\"4.1\",\"vesEventListenerVersion\":\"7.2.1\"},")
                    .append("\"faultFields\":{\"alarmCondition\":\"linkDown\",\"eventSeverity\":\"")
                    .append(i % 7 == 0 ? "NORMAL" : "MAJOR")
                    .append(
                            "\",\"eventSourceType\":\"virtualMachine\",\"faultFieldsVersion\":\"4.0\",")
                    .append(
                            "\"specificProblem\":\"vNIC eth1 lost link\",\"vfStatus\":\"Active\"}}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
