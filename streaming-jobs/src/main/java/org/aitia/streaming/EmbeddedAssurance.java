package org.aitia.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aitia.streaming.correlate.SiteEngineFactory;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assurance job on an embedded Flink MiniCluster in this JVM (what {@code aitia run} and {@code
 * aitia replay} use). {@link #close()} cancels it; with checkpoints in a directory, a later start
 * with {@link StreamingConfig#withRestoreFrom(String)} resumes from one.
 */
public final class EmbeddedAssurance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAssurance.class);

    private final JobClient client;
    private final Path temporaryCheckpoints;
    private boolean ended;

    private EmbeddedAssurance(JobClient client, Path temporaryCheckpoints) {
        this.client = client;
        this.temporaryCheckpoints = temporaryCheckpoints;
    }

    /** Starts the job with the rca-rules engines; returns once it is submitted. */
    public static EmbeddedAssurance start(StreamingConfig config) throws Exception {
        return start(config, Engines.rca());
    }

    /** Starts the job correlating with {@code engines}. */
    public static EmbeddedAssurance start(StreamingConfig config, SiteEngineFactory engines)
            throws Exception {
        Configuration local = Environments.local(config);
        Path temporary =
                config.checkpointDir() == null
                                && local.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)
                        ? Path.of(URI.create(local.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)))
                        : null;
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), local);
        AssuranceJob.build(env, config, engines);
        JobClient client = env.executeAsync(AssuranceJob.NAME);
        LOG.info("Assurance job {} started on an embedded MiniCluster", client.getJobID());
        return new EmbeddedAssurance(client, temporary);
    }

    public JobID jobId() {
        return client.getJobID();
    }

    /** The job's status now. */
    public JobStatus status() throws Exception {
        return client.getJobStatus().get(10, TimeUnit.SECONDS);
    }

    /**
     * Cancels the job (a kill, as far as its state is concerned: its last checkpoint is kept when
     * checkpoints go to a directory) and waits for it to end. Does nothing the second time.
     */
    public synchronized void cancel() throws Exception {
        if (ended) {
            return;
        }
        ended = true;
        JobStatus s = status();
        if (!s.isGloballyTerminalState()) {
            client.cancel().get(30, TimeUnit.SECONDS);
        }
        try {
            client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        } catch (Exception expected) {
            LOG.debug("Job {} ended on cancel: {}", client.getJobID(), expected.toString());
        }
    }

    /** Cancels the job; checkpoints in a temporary directory (none configured) are deleted. */
    @Override
    public void close() throws Exception {
        cancel();
        if (temporaryCheckpoints != null) {
            try (Stream<Path> tree = Files.walk(temporaryCheckpoints)) {
                tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Could not delete {}: {}", temporaryCheckpoints, e.toString());
            }
        }
    }
}
