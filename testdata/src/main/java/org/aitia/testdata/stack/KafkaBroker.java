package org.aitia.testdata.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker (the version of {@code org.apache.kafka:kafka_2.13} on the class path,
 * 4.4.0) in KRaft mode, combined broker and controller, running as a child JVM bound to 127.0.0.1
 * on free ports.
 *
 * <p>The storage is formatted with {@code kafka.tools.StorageTool format} and the broker runs
 * {@code kafka.Kafka server.properties}, both from this JVM's class path (or the one given by
 * {@link Builder#classpath(String)} or {@code -Daitia.stack.classpath}). Its log is {@code
 * kafka.log} in the data directory.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.start()) {
 *     kafka.createTopic("aitia.telemetry", 3, false);
 *     String bootstrap = kafka.bootstrapServers(); // 127.0.0.1:port
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one test drives one broker.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String MAIN_CLASS = "kafka.Kafka";
    private static final String FORMAT_CLASS = "kafka.tools.StorageTool";
    private static final String COORDINATES =
            "org.apache.kafka:kafka_2.13 (with its runtime dependencies)";

    private final Path dataDir;
    private final boolean ownsDataDir;
    private final int brokerPort;
    private final int controllerPort;
    private final Path configFile;
    private final List<String> command;
    private final Duration startupTimeout;
    private ChildProcess process;
    private boolean closed;

    private KafkaBroker(Builder builder) {
        this.ownsDataDir = builder.dataDir == null;
        this.dataDir =
                ownsDataDir
                        ? StackSupport.tempDir("aitia-kafka-")
                        : StackSupport.createDirectories(builder.dataDir.toAbsolutePath());
        this.brokerPort = builder.port > 0 ? builder.port : StackSupport.freePort();
        this.controllerPort = StackSupport.freePort();
        this.startupTimeout = builder.startupTimeout;
        this.configFile = dataDir.resolve("server.properties");
        StackSupport.write(configFile, serverProperties(builder.properties));
        String classpath = StackSupport.childClasspath(builder.classpath);
        List<String> jvm = new ArrayList<>();
        jvm.add(StackSupport.javaExecutable());
        jvm.add("-Xmx" + builder.heap);
        jvm.add("-Xms64m");
        jvm.add("-XX:+UseG1GC");
        jvm.add("-XX:TieredStopAtLevel=1");
        jvm.add("-Djava.awt.headless=true");
        jvm.add("-Dkafka.logs.dir=" + dataDir);
        jvm.addAll(
                StackSupport.childLoggingOptions(
                        dataDir, "state.change.logger,kafka.request.logger,org.apache.kafka.raft"));
        jvm.add("-cp");
        jvm.add(classpath);
        this.command = List.copyOf(jvm);
    }

    /** Starts a broker whose data lives in a temporary directory deleted by {@link #close()}. */
    public static KafkaBroker start() {
        return builder().start();
    }

    /**
     * Starts a broker whose logs (topic data) and log file live in {@code dataDir}, which is
     * created if absent and kept by {@link #close()}. A directory formatted by an earlier broker is
     * reused with its data.
     */
    public static KafkaBroker start(Path dataDir) {
        return builder().dataDir(dataDir).start();
    }

    /** Options: data directory, port, extra broker properties, heap, timeout, class path. */
    public static Builder builder() {
        return new Builder();
    }

    private String serverProperties(Map<String, String> extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + StackSupport.HOST + ":" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://"
                        + StackSupport.HOST
                        + ":"
                        + brokerPort
                        + ",CONTROLLER://"
                        + StackSupport.HOST
                        + ":"
                        + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + StackSupport.HOST + ":" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("kafka-logs").toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a kill, the restarted broker cannot register until the controller has fenced
        // the dead incarnation: a short session makes restart() take ~3 s instead of ~12 s.
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("auto.create.topics.enable", "true");
        p.put("log.flush.interval.messages", "1");
        p.putAll(extra);
        StringBuilder text =
                new StringBuilder("# written by org.aitia.testdata.stack.KafkaBroker\n");
        p.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    private void launch() {
        long started = System.nanoTime();
        Path log = logFile();
        if (!Files.exists(dataDir.resolve("kafka-logs").resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(command);
            format.add(FORMAT_CLASS);
            format.addAll(
                    List.of(
                            "format",
                            "--ignore-formatted",
                            "-t",
                            Uuid.randomUuid().toString(),
                            "-c",
                            configFile.toString()));
            ChildProcess.runToCompletion(
                    "Kafka storage format", format, Map.of(), dataDir, log, Duration.ofSeconds(60));
        }
        List<String> server = new ArrayList<>(command);
        server.add(MAIN_CLASS);
        server.add(configFile.toString());
        process = ChildProcess.start("Kafka broker", server, Map.of(), dataDir, log);
        awaitReady();
        LOG.info(
                "Kafka broker ready at {} in {} ms (pid {}, data {}, log {})",
                bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                process.pid(),
                dataDir,
                log);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(adminProperties())) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new StackException(
                            "Kafka broker exited with status "
                                    + process.exitStatus()
                                    + " while starting; last lines of "
                                    + logFile()
                                    + ":\n"
                                    + process.logTail());
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                    sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.kill();
            throw new StackException("Interrupted while waiting for the Kafka broker", e);
        }
        process.kill();
        throw new StackException(
                "Kafka broker at "
                        + bootstrapServers()
                        + " did not answer describeCluster within "
                        + startupTimeout.toSeconds()
                        + " s (last error: "
                        + last
                        + "); last lines of "
                        + logFile()
                        + ":\n"
                        + ChildProcess.logTail(logFile(), 40));
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        return props;
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    /** {@code 127.0.0.1:port}, the value for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return StackSupport.HOST + ":" + brokerPort;
    }

    /** The port of the PLAINTEXT listener; it stays the same across {@link #restart()}. */
    public int port() {
        return brokerPort;
    }

    /**
     * The directory holding {@code server.properties}, {@code kafka-logs/} and {@code kafka.log}.
     */
    public Path dataDir() {
        return dataDir;
    }

    /** The broker's log file (stdout and stderr of the child JVM). */
    public Path logFile() {
        return dataDir.resolve("kafka.log");
    }

    /** Whether the broker process is running. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Creates a topic with replication factor 1 and waits until it exists.
     *
     * @param compacted {@code cleanup.policy=compact} when true, {@code delete} otherwise
     */
    public void createTopic(String name, int partitions, boolean compacted) {
        createTopic(
                name,
                partitions,
                Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        compacted
                                ? TopicConfig.CLEANUP_POLICY_COMPACT
                                : TopicConfig.CLEANUP_POLICY_DELETE));
    }

    /** Creates a topic with replication factor 1 and the given topic configs, and waits. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
        try (Admin admin = Admin.create(adminProperties())) {
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException(
                    "Cannot create topic " + name + " on " + bootstrapServers() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while creating topic " + name, e);
        }
    }

    /**
     * Kills the broker with SIGKILL, as a crash would: no controlled shutdown, no flush beyond what
     * the broker already wrote. Clients see connection failures until {@link #restart()}.
     */
    public void kill() {
        if (process != null && process.isAlive()) {
            LOG.info("Killing Kafka broker {} (pid {})", bootstrapServers(), process.pid());
            process.kill();
        }
    }

    /** Stops the broker gracefully (SIGTERM, controlled shutdown; SIGKILL after 30 s). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /**
     * Starts the broker again on the same ports and data directory, so clients reconnect and find
     * their topics and records; stops it first if it is running. Waits until it is ready.
     */
    public void restart() {
        if (closed) {
            throw new IllegalStateException("Kafka broker " + bootstrapServers() + " is closed");
        }
        stop();
        launch();
    }

    /** Stops the broker and, if the data directory was a temporary one, deletes it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        if (ownsDataDir) {
            StackSupport.deleteRecursively(dataDir);
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + dataDir + "]";
    }

    /** Options of a {@link KafkaBroker}; {@link #start()} launches it and waits until ready. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private String heap = "512m";
        private Duration startupTimeout = Duration.ofSeconds(120);
        private String classpath;

        private Builder() {}

        /** Where topic data and the log go; default a temporary directory deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The client (PLAINTEXT) port; default a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** An extra or overriding {@code server.properties} entry. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** Extra or overriding {@code server.properties} entries. */
        public Builder properties(Map<String, String> entries) {
            properties.putAll(entries);
            return this;
        }

        /** Maximum heap of the broker JVM, e.g. {@code "512m"} (the default). */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** How long to wait for the broker to answer; default 120 s. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Class path of the broker JVM; default {@code -Daitia.stack.classpath} or ours. */
        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /**
         * Formats the storage if needed, starts the broker and waits until an admin client can
         * describe the cluster.
         *
         * @throws StackException with the reason and the tail of the broker's log
         */
        public KafkaBroker start() {
            if (classpath == null && System.getProperty(StackSupport.CLASSPATH_PROPERTY) == null) {
                StackSupport.requireClass(MAIN_CLASS, "a Kafka broker", COORDINATES);
            }
            KafkaBroker broker = new KafkaBroker(this);
            try {
                broker.launch();
            } catch (RuntimeException e) {
                broker.closeQuietlyAfter(e);
                throw e;
            }
            return broker;
        }
    }

    private void closeQuietlyAfter(RuntimeException failure) {
        try {
            closed = true;
            if (process != null) {
                process.kill();
            }
            if (ownsDataDir) {
                LOG.info("Kafka broker failed to start; its log was {}", logFile());
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
