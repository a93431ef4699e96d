package org.aitia.streaming;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.aitia.model.Entity;
import org.aitia.model.HealingAction;
import org.aitia.model.Json;
import org.aitia.model.Severity;
import org.aitia.model.TelemetryEvent;
import org.aitia.model.Topology;
import org.aitia.model.TopologyChange;
import org.aitia.streaming.functions.RuleSetMessage;
import org.aitia.testdata.stack.KafkaBroker;
import org.aitia.topology.generate.TopologyGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code aitia bench e2e}: the embedded stack (a real Kafka broker and the assurance job on a
 * MiniCluster, checkpoints on, at-least-once sinks), a generated topology, a sustained background
 * of metric samples and minor faults, and injected host and NIC failures. Measures wall-clock time
 * from the failure event's write to Kafka to the arrival of its healing action on {@code
 * aitia.actions}, and prints one JSON line.
 *
 * <p>Flags: {@code --entities N} (10000), {@code --seed S} (1), {@code --rate EVENTS_PER_S}
 * (10000), {@code --duration-s S} (30), {@code --failures N} (40), {@code --parallelism P} (1),
 * {@code --buffer-timeout-ms MS} (2), {@code --checkpoint-interval-ms MS} (5000), {@code --warmup-s
 * S} (15: the same load and a failure a second, unmeasured, before the measured phase), {@code
 * --broker-flush message|os} ({@code message}: an fsync per append, the embedded broker's default;
 * {@code os}: Kafka's default), {@code --json}.
 */
public final class E2eBench {
    static final String HOST_DOWN = "compute.host.down";
    static final String LINK_DOWN = "linkDown";
    static final String FORCE_DOWN = "nova.host.force_down";

    private E2eBench() {}

    /** Runs the bench; returns 0, or 2 for bad flags, 1 when a failure got no action. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("aitia bench e2e: " + e.getMessage());
            return 2;
        }
        try {
            Result r = new E2eBench.Run(o).execute();
            out.println(r.json());
            return r.concluded == r.injected ? 0 : 1;
        } catch (Exception e) {
            err.println("aitia bench e2e failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    record Options(
            int entities,
            long seed,
            int rate,
            int durationS,
            int failures,
            int parallelism,
            long bufferTimeoutMs,
            long checkpointIntervalMs,
            int warmupS,
            boolean fsyncEachMessage,
            boolean json) {
        static Options parse(List<String> args) {
            int entities = 10_000;
            long seed = 1;
            int rate = 10_000;
            int duration = 30;
            int failures = 40;
            int parallelism = 1;
            long buffer = 2;
            long checkpoint = 5_000;
            int warmup = 15;
            boolean fsync = true;
            boolean json = false;
            for (int i = 0; i < args.size(); i++) {
                String flag = args.get(i);
                if (flag.equals("--json")) {
                    json = true;
                    continue;
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String v = args.get(++i);
                switch (flag) {
                    case "--entities" -> entities = positive(flag, v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--rate" -> rate = positive(flag, v);
                    case "--duration-s" -> duration = positive(flag, v);
                    case "--failures" -> failures = positive(flag, v);
                    case "--parallelism" -> parallelism = positive(flag, v);
                    case "--buffer-timeout-ms" -> buffer = nonNegative(flag, v);
                    case "--checkpoint-interval-ms" -> checkpoint = positive(flag, v);
                    case "--warmup-s" -> warmup = nonNegative(flag, v);
                    case "--broker-flush" -> {
                        if (!v.equals("message") && !v.equals("os")) {
                            throw new IllegalArgumentException(
                                    "--broker-flush must be message or os but was " + v);
                        }
                        fsync = v.equals("message");
                    }
                    default ->
                            throw new IllegalArgumentException(
                                    "unknown flag "
                                            + flag
                                            + " (known: --entities, --seed, --rate, --duration-s,"
                                            + " --failures, --parallelism, --buffer-timeout-ms,"
                                            + " --checkpoint-interval-ms, --warmup-s,"
                                            + " --broker-flush, --json)");
                }
            }
            return new Options(
                    entities,
                    seed,
                    rate,
                    duration,
                    failures,
                    parallelism,
                    buffer,
                    checkpoint,
                    warmup,
                    fsync,
                    json);
        }

        private static int nonNegative(String flag, String v) {
            return "0".equals(v.trim()) ? 0 : positive(flag, v);
        }

        private static int positive(String flag, String v) {
            try {
                int n = Integer.parseInt(v);
                if (n <= 0) {
                    throw new IllegalArgumentException(flag + " must be > 0 but was " + v);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        flag + " must be a whole number but was " + v, e);
            }
        }
    }

    record Result(
            Options options,
            long backgroundEvents,
            double elapsedS,
            int injected,
            int concluded,
            long[] latenciesMs,
            long[] hostMs,
            long[] nicMs,
            long[] inInjectionOrderMs,
            double warmUpS) {
        String json() {
            return String.format(
                    Locale.ROOT,
                    "{\"bench\":\"e2e\",\"entities\":%d,\"events_per_s\":%.0f,\"background_events\":%d,"
                            + "\"failures_injected\":%d,\"actions_received\":%d,\"p50_ms\":%d,"
                            + "\"p99_ms\":%d,\"max_ms\":%d,\"host_p99_ms\":%d,\"nic_p99_ms\":%d,"
                            + "\"parallelism\":%d,\"buffer_timeout_ms\":%d,"
                            + "\"checkpoint_interval_ms\":%d,\"delivery\":\"at-least-once\","
                            + "\"warmup_s\":%d,\"broker_flush\":\"%s\","
                            + "\"startup_s\":%.1f,\"cpus\":%d,\"latencies_ms\":%s}",
                    options.entities(),
                    backgroundEvents / elapsedS,
                    backgroundEvents,
                    injected,
                    concluded,
                    percentile(latenciesMs, 50),
                    percentile(latenciesMs, 99),
                    percentile(latenciesMs, 100),
                    percentile(hostMs, 99),
                    percentile(nicMs, 99),
                    options.parallelism(),
                    options.bufferTimeoutMs(),
                    options.checkpointIntervalMs(),
                    options.warmupS(),
                    options.fsyncEachMessage() ? "message" : "os",
                    warmUpS,
                    Runtime.getRuntime().availableProcessors(),
                    java.util.Arrays.toString(inInjectionOrderMs).replace(" ", ""));
        }

        static long percentile(long[] sorted, int p) {
            if (sorted.length == 0) {
                return -1;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }

    /** One injected failure. */
    record Injection(String host, boolean nic, long writtenNanos) {}

    /** One run of the bench. */
    static final class Run {
        private final Options o;
        private final Map<String, Injection> pending = new ConcurrentHashMap<>();
        private final List<long[]> done = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private double warmUpS;

        Run(Options o) {
            this.o = o;
        }

        Result execute() throws Exception {
            Topology topology = new TopologyGenerator(o.seed()).generate(o.entities());
            List<String> hosts = ids(topology, "nova.host");
            List<String> workloads = ids(topology, "nova.instance");
            List<String> nics = ids(topology, "nic");
            List<String> metricTargets = new ArrayList<>(workloads);
            metricTargets.addAll(hosts);
            metricTargets.addAll(nics);
            if (hosts.size() < o.failures() + 1) {
                throw new IllegalArgumentException(
                        "the topology has " + hosts.size() + " hosts, fewer than --failures + 1");
            }
            // "message": the embedded broker's default (aitia run), an fsync per append; "os":
            // Kafka's
            // own default, durability from replication and the page cache.
            KafkaBroker.Builder brokerBuilder = KafkaBroker.builder().heap("768m");
            if (!o.fsyncEachMessage()) {
                brokerBuilder.property(
                        "log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
            }
            try (KafkaBroker broker = brokerBuilder.start()) {
                StreamingConfig.Topics topics = StreamingConfig.Topics.prefixed("bench.");
                broker.createTopic(topics.telemetry(), o.parallelism(), false);
                broker.createTopic(topics.topology(), 1, true);
                broker.createTopic(topics.rules(), 1, true);
                broker.createTopic(topics.alarms(), 1, true);
                broker.createTopic(topics.actions(), 1, false);
                String servers = broker.bootstrapServers();
                try (KafkaProducer<String, byte[]> bulk = producer(servers, 5);
                        KafkaProducer<String, byte[]> inject = producer(servers, 0);
                        KafkaConsumer<String, byte[]> actions =
                                consumer(servers, topics.actions())) {
                    for (TopologyChange c : topology.asChanges()) {
                        bulk.send(
                                new ProducerRecord<>(
                                        topics.topology(), c.key(), Json.writeBytes(c)));
                    }
                    RuleSetMessage rule =
                            new RuleSetMessage(
                                    "bench-nic",
                                    1L,
                                    "drl",
                                    resource("nic-down-forces-host-down.drl"),
                                    Map.of(),
                                    false);
                    bulk.send(
                            new ProducerRecord<>(
                                    topics.rules(), rule.name(), Json.writeBytes(rule)));
                    bulk.flush();
                    StreamingConfig config =
                            StreamingConfig.forKafka(servers)
                                    .withTopics(topics)
                                    .withGroupId("bench")
                                    .withParallelism(o.parallelism())
                                    .withCheckpoints(o.checkpointIntervalMs(), null)
                                    .withBufferTimeoutMs(o.bufferTimeoutMs())
                                    .withResolveGraceMs(300_000);
                    Thread reader =
                            new Thread(
                                    () -> readActions(consumer(servers, topics.actions())),
                                    "bench-actions");
                    reader.setDaemon(true);
                    reader.start();
                    try (EmbeddedAssurance job = EmbeddedAssurance.start(config)) {
                        long started = System.nanoTime();
                        warmUp(inject, topics, hosts.get(hosts.size() - 1));
                        warmUpS = (System.nanoTime() - started) / 1e9;
                        return measure(bulk, inject, topics, hosts, metricTargets, workloads);
                    } finally {
                        running.set(false);
                        reader.join(5_000);
                    }
                }
            }
        }

        /** A first failure, until its action comes back: the topology is in and rules compiled. */
        private void warmUp(KafkaProducer<String, byte[]> p, StreamingConfig.Topics t, String host)
                throws Exception {
            inject(p, t, host, false);
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (pending.containsKey(host)) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException(
                            "the warm-up failure on " + host + " got no action in 5 minutes");
                }
                Thread.sleep(50);
            }
            synchronized (done) {
                done.clear();
            }
        }

        private Result measure(
                KafkaProducer<String, byte[]> bulk,
                KafkaProducer<String, byte[]> inject,
                StreamingConfig.Topics t,
                List<String> hosts,
                List<String> targets,
                List<String> workloads)
                throws Exception {
            Random random = new Random(o.seed());
            AtomicLong sent = new AtomicLong();
            if (o.warmupS() > 0) {
                // The same load, unmeasured, with a failure a second on hosts the measured phase
                // does not use: the JIT compiles the background's path before the clock runs.
                List<String> spare = hosts.subList(o.failures(), hosts.size() - 1);
                int warmFailures = Math.min(o.warmupS(), spare.size());
                load(
                        bulk,
                        inject,
                        t,
                        spare,
                        targets,
                        workloads,
                        random,
                        sent,
                        o.warmupS(),
                        warmFailures);
                awaitPending(30);
                pending.clear();
                synchronized (done) {
                    done.clear();
                }
                sent.set(0);
            }
            long start = System.nanoTime();
            int injected =
                    load(
                            bulk,
                            inject,
                            t,
                            hosts,
                            targets,
                            workloads,
                            random,
                            sent,
                            o.durationS(),
                            o.failures());
            double elapsed = (System.nanoTime() - start) / 1e9;
            bulk.flush();
            awaitPending(15);
            List<long[]> results;
            synchronized (done) {
                results = new ArrayList<>(done);
            }
            long[] all = results.stream().mapToLong(r -> r[0]).sorted().toArray();
            long[] inOrder =
                    results.stream()
                            .sorted(Comparator.comparingLong(r -> r[2]))
                            .mapToLong(r -> r[0])
                            .toArray();
            long[] host =
                    results.stream().filter(r -> r[1] == 0).mapToLong(r -> r[0]).sorted().toArray();
            long[] nic =
                    results.stream().filter(r -> r[1] == 1).mapToLong(r -> r[0]).sorted().toArray();
            return new Result(
                    o,
                    sent.get(),
                    elapsed,
                    injected,
                    results.size(),
                    all,
                    host,
                    nic,
                    inOrder,
                    warmUpS);
        }

        /** Waits at most {@code seconds} for every injected failure's action. */
        private void awaitPending(int seconds) throws InterruptedException {
            long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!pending.isEmpty() && System.nanoTime() < wait) {
                Thread.sleep(50);
            }
        }

        /**
         * {@code seconds} of background at the configured rate with {@code failures} failures at
         * even intervals on the first hosts of {@code hosts}; returns the failures injected.
         */
        private int load(
                KafkaProducer<String, byte[]> bulk,
                KafkaProducer<String, byte[]> inject,
                StreamingConfig.Topics t,
                List<String> hosts,
                List<String> targets,
                List<String> workloads,
                Random random,
                AtomicLong sent,
                int seconds,
                int failures)
                throws Exception {
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long every = TimeUnit.SECONDS.toNanos(seconds) / (failures + 1);
            long nextFailure = start + every;
            long base = sent.get();
            int injected = 0;
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                long due = base + (now - start) * o.rate() / 1_000_000_000L;
                while (sent.get() < due) {
                    long n = sent.incrementAndGet();
                    TelemetryEvent e = background(random, n, targets, workloads);
                    bulk.send(
                            new ProducerRecord<>(t.telemetry(), e.entityRef(), Json.writeBytes(e)));
                }
                if (now >= nextFailure && injected < failures) {
                    inject(inject, t, hosts.get(injected), injected % 2 == 1);
                    injected++;
                    nextFailure += every;
                }
                Thread.sleep(1);
            }
            return injected;
        }

        /** Metric samples on random entities; one in a hundred a minor fault raised or cleared. */
        private static TelemetryEvent background(
                Random random, long n, List<String> targets, List<String> workloads) {
            Instant now = Instant.now();
            if (n % 100 == 0) {
                String vm = workloads.get(random.nextInt(workloads.size()));
                Severity s = random.nextBoolean() ? Severity.WARNING : Severity.OK;
                return TelemetryEvent.fault(vm, "vnf.heartbeat.late", s, now, "ves");
            }
            String target = targets.get(random.nextInt(targets.size()));
            return TelemetryEvent.metric(
                    target, "cpu.percent.active", random.nextDouble() * 80, now, "collectd");
        }

        private void inject(
                KafkaProducer<String, byte[]> p, StreamingConfig.Topics t, String host, boolean nic)
                throws Exception {
            TelemetryEvent e =
                    nic
                            ? TelemetryEvent.fault(
                                    TopologyGenerator.nicId(host, 0),
                                    LINK_DOWN,
                                    Severity.CRITICAL,
                                    Instant.now(),
                                    "collectd")
                            : TelemetryEvent.fault(
                                    host, HOST_DOWN, Severity.CRITICAL, Instant.now(), "doctor");
            byte[] value = Json.writeBytes(e);
            pending.put(host, new Injection(host, nic, System.nanoTime()));
            p.send(new ProducerRecord<>(t.telemetry(), e.entityRef(), value));
        }

        private void readActions(KafkaConsumer<String, byte[]> consumer) {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(20))) {
                    long arrived = System.nanoTime();
                    HealingAction a = Json.read(r.value(), HealingAction.class);
                    if (!a.type().equals(FORCE_DOWN)) {
                        continue;
                    }
                    Injection i = pending.remove(a.target());
                    if (i != null) {
                        synchronized (done) {
                            done.add(
                                    new long[] {
                                        (arrived - i.writtenNanos()) / 1_000_000L,
                                        i.nic() ? 1 : 0,
                                        i.writtenNanos()
                                    });
                        }
                    }
                }
            }
            consumer.close(Duration.ofSeconds(2));
        }

        private static List<String> ids(Topology topology, String type) {
            return topology.entities().stream()
                    .filter(e -> e.type().equals(type))
                    .map(Entity::id)
                    .toList();
        }
    }

    static KafkaProducer<String, byte[]> producer(String servers, int lingerMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    static KafkaConsumer<String, byte[]> consumer(String servers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-observer");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        c.subscribe(List.of(topic));
        return c;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = E2eBench.class.getResourceAsStream("bench/" + name)) {
            if (in == null) {
                throw new IOException("the bench lacks its resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
