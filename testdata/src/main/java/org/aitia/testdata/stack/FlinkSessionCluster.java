package org.aitia.testdata.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Apache Flink session cluster (the version of {@code flink-runtime} on the class
 * path, 2.2.1) as two child JVMs, the way Flink's {@code bin/start-cluster.sh} runs it: a
 * JobManager ({@code StandaloneSessionClusterEntrypoint}) and one TaskManager ({@code
 * TaskManagerRunner}) whose memory parameters come from {@code BashJavaUtils
 * GET_TM_RESOURCE_PARAMS}, with Flink's {@code --add-opens} list for Java 17. Everything binds to
 * 127.0.0.1; the REST port is free. Jobs are submitted through the REST API ({@code POST
 * /jars/upload}, {@code POST /jars/{id}/run}) at {@link #restUrl()}.
 *
 * <p>The JVMs run from this JVM's class path (or {@link Builder#classpath(String)} or {@code
 * -Daitia.stack.classpath}), which must hold {@code org.apache.flink:flink-clients}, {@code
 * flink-runtime-web} and {@code flink-streaming-java} — testdata declares them optional, so a
 * module using this class declares them itself (test scope is enough).
 *
 * <pre>{@code
 * try (FlinkSessionCluster flink = FlinkSessionCluster.start()) {
 *     String rest = flink.restUrl(); // http://127.0.0.1:port
 * }
 * }</pre>
 *
 * <p>The data directory holds {@code conf/config.yaml}, {@code jobmanager.log}, {@code
 * taskmanager.log} and Flink's working and temporary directories. Not thread-safe.
 */
public final class FlinkSessionCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkSessionCluster.class);
    private static final String JOB_MANAGER =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final String BASH_JAVA_UTILS =
            "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final String COORDINATES =
            "org.apache.flink:flink-clients, org.apache.flink:flink-runtime-web and"
                    + " org.apache.flink:flink-streaming-java";

    /** Flink's {@code env.java.opts.all} for Java 17, from flink-dist's default config.yaml. */
    private static final List<String> JAVA_17_OPTIONS =
            List.of(
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
                    "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private static final Pattern TASK_MANAGERS = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SLOTS = Pattern.compile("\"slots-total\"\\s*:\\s*(\\d+)");

    private final Path dataDir;
    private final boolean ownsDataDir;
    private final Path confDir;
    private final int restPort;
    private final int slots;
    private final String classpath;
    private final Duration startupTimeout;
    private final HttpClient http;
    private ChildProcess jobManager;
    private ChildProcess taskManager;
    private boolean closed;

    private FlinkSessionCluster(Builder builder) {
        this.ownsDataDir = builder.dataDir == null;
        this.dataDir =
                ownsDataDir
                        ? StackSupport.tempDir("aitia-flink-")
                        : StackSupport.createDirectories(builder.dataDir.toAbsolutePath());
        this.confDir = StackSupport.createDirectories(dataDir.resolve("conf"));
        this.restPort = builder.port > 0 ? builder.port : StackSupport.freePort();
        this.slots = builder.slots;
        this.classpath = StackSupport.childClasspath(builder.classpath);
        this.startupTimeout = builder.startupTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        StackSupport.write(confDir.resolve("config.yaml"), configYaml(builder.properties));
    }

    /** Starts a cluster whose files live in a temporary directory deleted by {@link #close()}. */
    public static FlinkSessionCluster start() {
        return builder().start();
    }

    /** Starts a cluster whose config, logs and working files live in {@code dataDir}. */
    public static FlinkSessionCluster start(Path dataDir) {
        return builder().dataDir(dataDir).start();
    }

    /** Options: data directory, REST port, slots, extra config, timeout, class path. */
    public static Builder builder() {
        return new Builder();
    }

    private String configYaml(Map<String, String> extra) {
        String host = StackSupport.HOST;
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", host);
        c.put("jobmanager.rpc.port", String.valueOf(StackSupport.freePort()));
        c.put("jobmanager.bind-host", host);
        c.put("jobmanager.memory.process.size", "800m");
        c.put("jobmanager.execution.failover-strategy", "region");
        c.put("taskmanager.host", host);
        c.put("taskmanager.bind-host", host);
        c.put("taskmanager.rpc.port", String.valueOf(StackSupport.freePort()));
        c.put("taskmanager.data.port", "0");
        c.put("taskmanager.resource-id", "aitia-taskmanager-1");
        c.put("taskmanager.numberOfTaskSlots", String.valueOf(slots));
        c.put("taskmanager.memory.process.size", "1024m");
        c.put("taskmanager.memory.managed.size", "64m");
        c.put("taskmanager.memory.network.min", "32m");
        c.put("taskmanager.memory.network.max", "32m");
        c.put("blob.server.port", String.valueOf(StackSupport.freePort()));
        c.put("rest.address", host);
        c.put("rest.bind-address", host);
        c.put("rest.port", String.valueOf(restPort));
        c.put("web.submit.enable", "true");
        c.put("web.cancel.enable", "true");
        c.put("web.upload.dir", dataDir.resolve("uploads").toString());
        c.put("web.tmpdir", dataDir.resolve("web").toString());
        c.put("io.tmp.dirs", dataDir.resolve("tmp").toString());
        c.put("blob.storage.directory", dataDir.resolve("blobs").toString());
        c.put("process.working-dir", dataDir.resolve("work").toString());
        c.put("parallelism.default", "1");
        c.put("heartbeat.interval", "2000");
        c.put("heartbeat.timeout", "15000");
        c.putAll(extra);
        StringBuilder text =
                new StringBuilder("# written by org.aitia.testdata.stack.FlinkSessionCluster\n");
        c.forEach((k, v) -> text.append(k).append(": ").append(quote(v)).append('\n'));
        return text.toString();
    }

    private static String quote(String value) {
        return value.matches("[A-Za-z0-9._:/-]+") ? value : "'" + value.replace("'", "''") + "'";
    }

    private void launch() {
        long started = System.nanoTime();
        for (String dir : List.of("uploads", "web", "tmp", "blobs", "work")) {
            StackSupport.createDirectories(dataDir.resolve(dir));
        }
        CompletableFuture<List<String>> jmParams =
                CompletableFuture.supplyAsync(() -> resourceParams("GET_JM_RESOURCE_PARAMS", "jm"));
        List<String> tmParams = resourceParams("GET_TM_RESOURCE_PARAMS", "tm");
        List<String> jm = jmParams.join();

        jobManager =
                ChildProcess.start(
                        "Flink JobManager",
                        jvm(jm.get(0), "jobmanager.log", JOB_MANAGER, dynamic(jm), true),
                        Map.of(),
                        dataDir,
                        dataDir.resolve("jobmanager.log"));
        taskManager =
                ChildProcess.start(
                        "Flink TaskManager",
                        jvm(
                                tmParams.get(0),
                                "taskmanager.log",
                                TASK_MANAGER,
                                dynamic(tmParams),
                                false),
                        Map.of(),
                        dataDir,
                        dataDir.resolve("taskmanager.log"));
        awaitReady();
        LOG.info(
                "Flink session cluster ready at {} with 1 TaskManager and {} slots in {} ms"
                        + " (JobManager pid {}, TaskManager pid {}, logs in {})",
                restUrl(),
                slots,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                jobManager.pid(),
                taskManager.pid(),
                dataDir);
    }

    /** Runs BashJavaUtils as Flink's scripts do; returns its result lines (JVM params first). */
    private List<String> resourceParams(String command, String role) {
        Path out = dataDir.resolve("bash-java-utils-" + role + ".out");
        StackSupport.write(out, "");
        List<String> cmd = new ArrayList<>();
        cmd.add(StackSupport.javaExecutable());
        cmd.add("-Xmx128m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(StackSupport.childLoggingOptions(confDir, ""));
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(BASH_JAVA_UTILS);
        cmd.add(command);
        cmd.add("--configDir");
        cmd.add(confDir.toString());
        ChildProcess.runToCompletion(
                "Flink BashJavaUtils " + command,
                cmd,
                Map.of(),
                dataDir,
                out,
                Duration.ofSeconds(60));
        List<String> results = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(out)) {
                if (line.startsWith(RESULT_PREFIX)) {
                    results.add(line.substring(RESULT_PREFIX.length()).trim());
                }
            }
        } catch (IOException e) {
            throw new StackException("Cannot read " + out + ": " + e, e);
        }
        if (results.isEmpty()) {
            throw new StackException(
                    "Flink BashJavaUtils "
                            + command
                            + " printed no "
                            + RESULT_PREFIX
                            + " line; last lines of "
                            + out
                            + ":\n"
                            + ChildProcess.logTail(out, 30));
        }
        return results;
    }

    private static List<String> dynamic(List<String> params) {
        return params.size() > 1 && !params.get(1).isBlank()
                ? Arrays.asList(params.get(1).split("\\s+"))
                : List.of();
    }

    private List<String> jvm(
            String jvmParams, String logName, String mainClass, List<String> dynamic, boolean jm) {
        List<String> cmd = new ArrayList<>();
        cmd.add(StackSupport.javaExecutable());
        cmd.addAll(Arrays.asList(jvmParams.split("\\s+")));
        cmd.add("-XX:+UseG1GC");
        cmd.addAll(JAVA_17_OPTIONS);
        cmd.add("-Dlog.file=" + dataDir.resolve(logName));
        cmd.addAll(StackSupport.childLoggingOptions(confDir, "org.apache.pekko,akka"));
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.add("--configDir");
        cmd.add(confDir.toString());
        if (jm) {
            cmd.add("--executionMode");
            cmd.add("cluster");
        }
        cmd.addAll(dynamic);
        return cmd;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            for (ChildProcess p : List.of(jobManager, taskManager)) {
                if (!p.isAlive()) {
                    throw failure(p + " exited with status " + p.exitStatus() + " while starting");
                }
            }
            try {
                HttpResponse<String> response =
                        http.send(
                                HttpRequest.newBuilder(URI.create(restUrl() + "/overview"))
                                        .timeout(Duration.ofSeconds(5))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                last = "HTTP " + response.statusCode() + " " + response.body();
                Matcher tms = TASK_MANAGERS.matcher(response.body());
                Matcher slotsTotal = SLOTS.matcher(response.body());
                if (response.statusCode() == 200
                        && tms.find()
                        && Integer.parseInt(tms.group(1)) >= 1
                        && slotsTotal.find()
                        && Integer.parseInt(slotsTotal.group(1)) >= slots) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                killAll();
                throw new StackException("Interrupted while waiting for Flink", e);
            }
            pause();
        }
        killAll();
        throw failure(
                "did not report 1 TaskManager with "
                        + slots
                        + " slots within "
                        + startupTimeout.toSeconds()
                        + " s (last answer of /overview: "
                        + last
                        + ")");
    }

    private StackException failure(String what) {
        killAll();
        return new StackException(
                "Flink session cluster at "
                        + restUrl()
                        + ": "
                        + what
                        + "; last lines of "
                        + dataDir.resolve("jobmanager.log")
                        + ":\n"
                        + ChildProcess.logTail(dataDir.resolve("jobmanager.log"), 25)
                        + "\nlast lines of "
                        + dataDir.resolve("taskmanager.log")
                        + ":\n"
                        + ChildProcess.logTail(dataDir.resolve("taskmanager.log"), 25));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for Flink", e);
        }
    }

    private void killAll() {
        for (ChildProcess p : Arrays.asList(taskManager, jobManager)) {
            if (p != null) {
                p.kill();
            }
        }
    }

    /** {@code http://127.0.0.1:port}, the JobManager's REST API and web UI. */
    public String restUrl() {
        return "http://" + StackSupport.HOST + ":" + restPort;
    }

    /** The REST port. */
    public int port() {
        return restPort;
    }

    /** The number of task slots of the TaskManager. */
    public int slots() {
        return slots;
    }

    /** The directory holding {@code conf/}, the logs and Flink's working files. */
    public Path dataDir() {
        return dataDir;
    }

    /** The JobManager's log (stdout, stderr and its SLF4J log). */
    public Path jobManagerLog() {
        return dataDir.resolve("jobmanager.log");
    }

    /** The TaskManager's log (stdout, stderr and its SLF4J log; job output goes here too). */
    public Path taskManagerLog() {
        return dataDir.resolve("taskmanager.log");
    }

    /**
     * Uploads a job jar ({@code POST /jars/upload}) and runs it ({@code POST /jars/{id}/run}).
     *
     * @param jar the job jar (a fat jar with the job's dependencies, Flink itself excluded)
     * @param entryClass the class with {@code main}; null to use the jar manifest's Main-Class
     * @param args program arguments
     * @return the job ID
     * @throws StackException naming the REST call and Flink's error message when it fails
     */
    public String submitJob(Path jar, String entryClass, List<String> args) {
        String boundary = "aitia-" + UUID.randomUUID();
        byte[] content;
        try {
            content = Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new StackException("Cannot read job jar " + jar + ": " + e, e);
        }
        String head =
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName()
                        + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest upload =
                HttpRequest.newBuilder(URI.create(restUrl() + "/jars/upload"))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArrays(
                                        List.of(
                                                head.getBytes(
                                                        java.nio.charset.StandardCharsets.UTF_8),
                                                content,
                                                tail.getBytes(
                                                        java.nio.charset.StandardCharsets.UTF_8))))
                        .build();
        JsonNode uploaded = call("POST /jars/upload " + jar.getFileName(), upload);
        String filename = uploaded.path("filename").asText();
        String jarId = Path.of(filename).getFileName().toString();
        ObjectNode run = JSON.createObjectNode();
        if (entryClass != null) {
            run.put("entryClass", entryClass);
        }
        run.putArray("programArgsList")
                .addAll(args.stream().map(JSON.getNodeFactory()::textNode).toList());
        HttpRequest runRequest =
                HttpRequest.newBuilder(URI.create(restUrl() + "/jars/" + jarId + "/run"))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(run.toString()))
                        .build();
        String jobId = call("POST /jars/" + jarId + "/run", runRequest).path("jobid").asText();
        LOG.info(
                "Submitted {} ({}) to {} as job {}",
                jar.getFileName(),
                entryClass,
                restUrl(),
                jobId);
        return jobId;
    }

    /**
     * The job's state as Flink reports it ({@code RUNNING}, {@code FINISHED}, {@code FAILED}...).
     */
    public String jobState(String jobId) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(restUrl() + "/jobs/" + jobId))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build();
        return call("GET /jobs/" + jobId, request).path("state").asText();
    }

    /**
     * Waits until the job reaches {@code state}.
     *
     * @throws StackException if it ends in another terminal state or the timeout passes, with the
     *     job's root exception from {@code /jobs/{id}/exceptions}
     */
    public void awaitJobState(String jobId, String state, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String current = "unknown";
        while (System.nanoTime() < deadline) {
            current = jobState(jobId);
            if (current.equals(state)) {
                return;
            }
            if (List.of("FAILED", "CANCELED", "FINISHED").contains(current)) {
                break;
            }
            pause();
        }
        HttpRequest exceptions =
                HttpRequest.newBuilder(URI.create(restUrl() + "/jobs/" + jobId + "/exceptions"))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build();
        String rootCause =
                call("GET /jobs/" + jobId + "/exceptions", exceptions)
                        .path("root-exception")
                        .asText("");
        throw new StackException(
                "Flink job "
                        + jobId
                        + " is "
                        + current
                        + ", expected "
                        + state
                        + " (waited up to "
                        + timeout.toSeconds()
                        + " s). Root exception: "
                        + (rootCause.isEmpty() ? "none" : rootCause));
    }

    /** Cancels a running job ({@code PATCH /jobs/{id}?mode=cancel}). */
    public void cancelJob(String jobId) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(restUrl() + "/jobs/" + jobId + "?mode=cancel"))
                        .timeout(Duration.ofSeconds(30))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build();
        call("PATCH /jobs/" + jobId + "?mode=cancel", request);
    }

    private JsonNode call(String what, HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new StackException(
                        "Flink REST "
                                + what
                                + " at "
                                + restUrl()
                                + " failed with HTTP "
                                + response.statusCode()
                                + ": "
                                + response.body());
            }
            return response.body().isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new StackException(
                    "Flink REST " + what + " at " + restUrl() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted during Flink REST " + what, e);
        }
    }

    /** Whether both the JobManager and the TaskManager are running. */
    public boolean isRunning() {
        return jobManager != null
                && jobManager.isAlive()
                && taskManager != null
                && taskManager.isAlive();
    }

    /** Stops the TaskManager then the JobManager (SIGTERM; SIGKILL after 30 s each). */
    public void stop() {
        for (ChildProcess p : Arrays.asList(taskManager, jobManager)) {
            if (p != null && p.isAlive()) {
                p.stop(Duration.ofSeconds(30));
            }
        }
    }

    /** Stops the cluster and, if the data directory was a temporary one, deletes it. */
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
        return "FlinkSessionCluster[" + restUrl() + ", " + dataDir + "]";
    }

    /** Options of a {@link FlinkSessionCluster}; {@link #start()} launches it. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private int slots = 2;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(180);
        private String classpath;

        private Builder() {}

        /** Where config, logs and working files go; default a temporary directory. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The REST port; default a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Task slots of the one TaskManager; default 2. */
        public Builder slots(int slots) {
            if (slots < 1) {
                throw new IllegalArgumentException("slots must be at least 1, was " + slots);
            }
            this.slots = slots;
            return this;
        }

        /**
         * An extra or overriding {@code config.yaml} entry, e.g. {@code
         * ("taskmanager.memory.process.size", "1536m")} or a checkpoint directory.
         */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /**
         * How long to wait for the TaskManager to register; default 180 s (a loaded machine needs
         * it).
         */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** Class path of the Flink JVMs; default {@code -Daitia.stack.classpath} or ours. */
        public Builder classpath(String classpath) {
            this.classpath = classpath;
            return this;
        }

        /**
         * Starts the JobManager and the TaskManager and waits until {@code /overview} shows the
         * TaskManager with all its slots.
         *
         * @throws StackException with the reason and the tails of both logs
         */
        public FlinkSessionCluster start() {
            if (classpath == null && System.getProperty(StackSupport.CLASSPATH_PROPERTY) == null) {
                StackSupport.requireClass(JOB_MANAGER, "a Flink session cluster", COORDINATES);
                StackSupport.requireClass(
                        "org.apache.flink.runtime.webmonitor.WebSubmissionExtension",
                        "a Flink session cluster with job submission",
                        COORDINATES);
            }
            FlinkSessionCluster cluster = new FlinkSessionCluster(this);
            try {
                cluster.launch();
            } catch (RuntimeException e) {
                cluster.closed = true;
                cluster.killAll();
                throw e;
            }
            return cluster;
        }
    }
}
