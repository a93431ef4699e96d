package org.aitia.testdata.stack;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures how long the launchers take: start until ready, restart after a SIGKILL, and stop.
 * Prints one JSON line with the median milliseconds of each figure over {@code --rounds} rounds.
 *
 * <pre>
 * StackBench [--rounds N] [--only kafka,elasticsearch,flink]
 * </pre>
 *
 * <p>Flink needs flink-clients, flink-runtime-web and flink-streaming-java on the class path.
 */
public final class StackBench {

    private static final Set<String> SERVERS = Set.of("kafka", "elasticsearch", "flink");

    private StackBench() {}

    /** Entry point for {@code java -cp ... org.aitia.testdata.stack.StackBench}. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /**
     * Runs the benchmark.
     *
     * @return 0 on success, 2 for bad arguments, 1 when a server failed to start
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        int rounds = 1;
        List<String> only = List.copyOf(SERVERS);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--rounds") || arg.equals("--only")) && i + 1 >= args.size()) {
                err.println("stack bench: " + arg + " needs a value");
                return 2;
            }
            switch (arg) {
                case "--rounds" -> {
                    try {
                        rounds = Integer.parseInt(args.get(++i));
                    } catch (NumberFormatException e) {
                        err.println("stack bench: --rounds wants a number, got " + args.get(i));
                        return 2;
                    }
                    if (rounds < 1) {
                        err.println("stack bench: --rounds must be at least 1");
                        return 2;
                    }
                }
                case "--only" -> {
                    only = List.of(args.get(++i).split(","));
                    for (String server : only) {
                        if (!SERVERS.contains(server)) {
                            err.println(
                                    "stack bench: unknown server '"
                                            + server
                                            + "' in --only; known: kafka, elasticsearch, flink");
                            return 2;
                        }
                    }
                }
                default -> {
                    err.println(
                            "stack bench: unknown argument '"
                                    + arg
                                    + "'; usage: [--rounds N] [--only kafka,elasticsearch,flink]");
                    return 2;
                }
            }
        }
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        try {
            for (int round = 0; round < rounds; round++) {
                if (only.contains("kafka")) {
                    benchKafka(samples);
                }
                if (only.contains("elasticsearch")) {
                    benchElasticsearch(samples);
                }
                if (only.contains("flink")) {
                    benchFlink(samples);
                }
            }
        } catch (StackException e) {
            err.println("stack bench: " + e.getMessage());
            return 1;
        }
        StringBuilder json = new StringBuilder("{\"bench\":\"stack\",\"rounds\":").append(rounds);
        json.append(",\"cpus\":").append(Runtime.getRuntime().availableProcessors());
        json.append(",\"loadAverageAtEnd\":")
                .append(
                        String.format(
                                Locale.ROOT,
                                "%.2f",
                                ManagementFactory.getOperatingSystemMXBean()
                                        .getSystemLoadAverage()));
        samples.forEach(
                (name, values) ->
                        json.append(",\"").append(name).append("\":").append(median(values)));
        json.append('}');
        out.println(json);
        return 0;
    }

    private static void benchKafka(Map<String, List<Long>> samples) {
        long t0 = System.nanoTime();
        try (KafkaBroker kafka = KafkaBroker.start()) {
            record(samples, "kafkaStartMs", t0);
            kafka.createTopic("bench", 1, false);
            kafka.kill();
            long t1 = System.nanoTime();
            kafka.restart();
            record(samples, "kafkaRestartAfterKillMs", t1);
            long t2 = System.nanoTime();
            kafka.stop();
            record(samples, "kafkaStopMs", t2);
        }
    }

    private static void benchElasticsearch(Map<String, List<Long>> samples) {
        long t0 = System.nanoTime();
        try (ElasticsearchNode es = ElasticsearchNode.start()) {
            record(samples, "elasticsearchStartMs", t0);
            es.kill();
            long t1 = System.nanoTime();
            es.restart();
            record(samples, "elasticsearchRestartAfterKillMs", t1);
            long t2 = System.nanoTime();
            es.stop();
            record(samples, "elasticsearchStopMs", t2);
        }
    }

    private static void benchFlink(Map<String, List<Long>> samples) {
        long t0 = System.nanoTime();
        try (FlinkSessionCluster flink = FlinkSessionCluster.start()) {
            record(samples, "flinkStartMs", t0);
            long t1 = System.nanoTime();
            flink.stop();
            record(samples, "flinkStopMs", t1);
        }
    }

    private static void record(Map<String, List<Long>> samples, String name, long startNanos) {
        samples.computeIfAbsent(name, k -> new ArrayList<>())
                .add((System.nanoTime() - startNanos) / 1_000_000);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
