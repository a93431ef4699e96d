package org.aitia.testdata.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node (8.19.21, the integ-test-zip distribution from Maven Central) as a
 * child process: single-node discovery, HTTP on 127.0.0.1 at a free port, security off, disk
 * watermarks off, heap 512 MB, running on this JVM's Java ({@code ES_JAVA_HOME}).
 *
 * <p>Elasticsearch refuses to run as root; when this JVM is root the node runs as {@code nobody}
 * through {@code setpriv} (util-linux) and its directories are given to nobody. The distribution
 * zip comes from the local Maven repository (testdata depends on it, so Maven downloads it) and is
 * unpacked once into {@code java.io.tmpdir}/aitia-elasticsearch-8.19.21.
 *
 * <pre>{@code
 * try (ElasticsearchNode es = ElasticsearchNode.start()) {
 *     String url = es.httpUrl(); // http://127.0.0.1:port
 * }
 * }</pre>
 *
 * <p>The data directory holds {@code config/}, {@code data/}, {@code logs/} and {@code
 * elasticsearch.out} (the process's stdout and stderr). Not thread-safe.
 */
public final class ElasticsearchNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchNode.class);
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    private final Path home;
    private final Path dataDir;
    private final boolean ownsDataDir;
    private final int httpPort;
    private final int transportPort;
    private final String heap;
    private final Map<String, String> settings;
    private final Duration startupTimeout;
    private final HttpClient http;
    private ChildProcess process;
    private boolean closed;

    private ElasticsearchNode(Builder builder) {
        this.home = ElasticsearchDistribution.home(builder.distribution);
        this.ownsDataDir = builder.dataDir == null;
        this.dataDir =
                ownsDataDir
                        ? StackSupport.tempDir("aitia-es-node-")
                        : StackSupport.createDirectories(builder.dataDir.toAbsolutePath());
        this.httpPort = builder.port > 0 ? builder.port : StackSupport.freePort();
        this.transportPort = StackSupport.freePort();
        this.heap = builder.heap;
        this.settings = Map.copyOf(builder.settings);
        this.startupTimeout = builder.startupTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        writeConfig();
    }

    /** Starts a node whose data lives in a temporary directory deleted by {@link #close()}. */
    public static ElasticsearchNode start() {
        return builder().start();
    }

    /**
     * Starts a node whose data, config and logs live in {@code dataDir} (created if absent, kept by
     * {@link #close()}); indices written by an earlier node there are found again.
     */
    public static ElasticsearchNode start(Path dataDir) {
        return builder().dataDir(dataDir).start();
    }

    /** Options: data directory, port, extra settings, heap, timeout, distribution. */
    public static Builder builder() {
        return new Builder();
    }

    private void writeConfig() {
        Path config = StackSupport.createDirectories(dataDir.resolve("config"));
        StackSupport.createDirectories(dataDir.resolve("data"));
        StackSupport.createDirectories(dataDir.resolve("logs"));
        StackSupport.createDirectories(dataDir.resolve("tmp"));
        try (Stream<Path> files = Files.list(home.resolve("config"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = config.resolve(file.getFileName().toString());
                if (!Files.exists(target)) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new StackException("Cannot copy Elasticsearch's config into " + config, e);
        }
        Map<String, String> yml = new LinkedHashMap<>();
        yml.put("cluster.name", "aitia");
        yml.put("node.name", "aitia-es");
        yml.put("network.host", StackSupport.HOST);
        yml.put("http.port", String.valueOf(httpPort));
        yml.put("transport.port", String.valueOf(transportPort));
        yml.put("discovery.type", "single-node");
        yml.put("path.data", dataDir.resolve("data").toString());
        yml.put("path.logs", dataDir.resolve("logs").toString());
        yml.put("xpack.security.enabled", "false");
        yml.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        yml.put("action.destructive_requires_name", "false");
        yml.putAll(settings);
        StringBuilder text =
                new StringBuilder("# written by org.aitia.testdata.stack.ElasticsearchNode\n");
        yml.forEach((k, v) -> text.append(k).append(": \"").append(v).append("\"\n"));
        StackSupport.write(config.resolve("elasticsearch.yml"), text.toString());
    }

    private void launch() {
        long started = System.nanoTime();
        RunAs.handOver(dataDir);
        List<String> command = new ArrayList<>(RunAs.prefix());
        command.add(home.resolve("bin").resolve("elasticsearch").toString());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        // no pre-touching of the whole heap: it only slows a test node's start
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap + " -XX:-AlwaysPreTouch");
        env.put("ES_PATH_CONF", dataDir.resolve("config").toString());
        env.put("ES_TMPDIR", dataDir.resolve("tmp").toString());
        env.put("JAVA_HOME", "");
        process =
                ChildProcess.start(
                        "Elasticsearch node", command, env, dataDir.resolve("logs"), logFile());
        awaitReady();
        LOG.info(
                "Elasticsearch node ready at {} in {} ms (pid {}, data {}, log {})",
                httpUrl(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                process.pid(),
                dataDir,
                logFile());
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with status " + process.exitStatus() + " while starting");
            }
            try {
                HttpResponse<String> response =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        httpUrl()
                                                                + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                                        .timeout(Duration.ofSeconds(5))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                Matcher status = STATUS.matcher(response.body());
                if (response.statusCode() == 200
                        && status.find()
                        && !status.group(1).equals("red")) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.kill();
                throw new StackException("Interrupted while waiting for Elasticsearch", e);
            }
            sleepQuietly(200);
        }
        process.kill();
        throw failure(
                "did not report yellow or green health within "
                        + startupTimeout.toSeconds()
                        + " s (last answer: "
                        + last
                        + ")");
    }

    private StackException failure(String what) {
        return new StackException(
                "Elasticsearch node at "
                        + httpUrl()
                        + " "
                        + what
                        + "; last lines of "
                        + logFile()
                        + ":\n"
                        + ChildProcess.logTail(logFile(), 30)
                        + "\nlast lines of "
                        + serverLog()
                        + ":\n"
                        + ChildProcess.logTail(serverLog(), 30));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for Elasticsearch", e);
        }
    }

    /** {@code http://127.0.0.1:port}, the node's REST endpoint. */
    public String httpUrl() {
        return "http://" + StackSupport.HOST + ":" + httpPort;
    }

    /** The HTTP port; it stays the same across {@link #restart()}. */
    public int port() {
        return httpPort;
    }

    /** The directory holding {@code config/}, {@code data/}, {@code logs/}. */
    public Path dataDir() {
        return dataDir;
    }

    /** The process's stdout and stderr. */
    public Path logFile() {
        return dataDir.resolve("elasticsearch.out");
    }

    /** Elasticsearch's own server log ({@code logs/aitia.log}). */
    public Path serverLog() {
        return dataDir.resolve("logs").resolve("aitia.log");
    }

    /** Whether the node's process is running. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills the node with SIGKILL (its launcher and server JVMs), as a crash would. */
    public void kill() {
        if (process != null && process.isAlive()) {
            LOG.info("Killing Elasticsearch node {} (pid {})", httpUrl(), process.pid());
            process.kill();
        }
    }

    /** Stops the node gracefully (SIGTERM; SIGKILL after 30 s). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /**
     * Starts the node again on the same HTTP port and data directory (stopping it first if it runs)
     * and waits until its health is yellow or green.
     */
    public void restart() {
        if (closed) {
            throw new IllegalStateException("Elasticsearch node " + httpUrl() + " is closed");
        }
        stop();
        launch();
    }

    /** Stops the node and, if the data directory was a temporary one, deletes it. */
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
        return "ElasticsearchNode[" + httpUrl() + ", " + dataDir + "]";
    }

    /** Options of an {@link ElasticsearchNode}; {@link #start()} launches it. */
    public static final class Builder {
        private Path dataDir;
        private Path distribution;
        private int port;
        private String heap = "512m";
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(180);

        private Builder() {}

        /** Where config, data and logs go; default a temporary directory deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /**
         * The distribution: the integ-test-zip or an unpacked Elasticsearch home; default the zip
         * from the local Maven repository (or {@code -Daitia.elasticsearch.distribution}).
         */
        public Builder distribution(Path zipOrHome) {
            this.distribution = zipOrHome;
            return this;
        }

        /** The HTTP port; default a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Heap of the server JVM, {@code -Xms} and {@code -Xmx}; default {@code "512m"}. */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** An extra or overriding {@code elasticsearch.yml} setting. */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** How long to wait for yellow health; default 180 s (a loaded machine needs it). */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * Starts the node and waits until {@code GET /_cluster/health} is yellow or green.
         *
         * @throws StackException with the reason and the tail of the node's logs
         */
        public ElasticsearchNode start() {
            ElasticsearchNode node = new ElasticsearchNode(this);
            try {
                node.launch();
            } catch (RuntimeException e) {
                node.closed = true;
                if (node.process != null) {
                    node.process.kill();
                }
                throw e;
            }
            return node;
        }
    }
}
