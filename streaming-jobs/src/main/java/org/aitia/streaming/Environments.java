package org.aitia.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Applies the job-level settings of a {@link StreamingConfig} to an environment. */
public final class Environments {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(Environments.class);

    /**
     * System property that turns on unaligned checkpoints (barriers overtake in-flight records, so
     * a checkpoint does not wait for the backlog ahead of it); off by default.
     */
    public static final String UNALIGNED_PROPERTY = "aitia.streaming.unalignedCheckpoints";

    private Environments() {}

    /** Parallelism, buffer timeout and checkpointing on {@code env}. */
    public static void configure(StreamExecutionEnvironment env, StreamingConfig config) {
        env.setParallelism(config.parallelism());
        env.setBufferTimeout(config.bufferTimeoutMs());
        Configuration conf = new Configuration();
        if (config.checkpointIntervalMs() > 0) {
            env.enableCheckpointing(config.checkpointIntervalMs(), CheckpointingMode.EXACTLY_ONCE);
            conf.set(
                    CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
            conf.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofMillis(100));
            // A checkpoint that fails now and then (storage hiccup, timeout) is logged, not a
            // restart of the job and a rebuild of every site; three in a row still fail over.
            conf.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 3);
            if (Boolean.getBoolean(UNALIGNED_PROPERTY)) {
                conf.set(CheckpointingOptions.ENABLE_UNALIGNED, true);
            }
        }
        if (config.checkpointDir() != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDir());
        }
        env.configure(conf);
    }

    /**
     * The configuration of a local (MiniCluster) environment for {@code config}: where to restore
     * from, when it says.
     */
    public static Configuration local(StreamingConfig config) {
        Configuration conf = new Configuration();
        if (config.restoreFrom() != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, config.restoreFrom());
        }
        String dir = config.checkpointDir();
        if (dir == null && config.checkpointIntervalMs() > 0) {
            // Without a directory the MiniCluster keeps checkpoints in the JobManager's memory,
            // capped at 5 MB: a site with a few thousand active alarms outgrows it, every
            // checkpoint then fails and the job restarts. Files in a temporary directory instead.
            try {
                dir = Files.createTempDirectory("aitia-checkpoints-").toUri().toString();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a checkpoint directory", e);
            }
            LOG.info("No checkpoint directory configured: checkpoints go to {}", dir);
        }
        if (dir != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir);
        }
        return conf;
    }
}
