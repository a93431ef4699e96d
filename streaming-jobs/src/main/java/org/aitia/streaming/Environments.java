package org.aitia.streaming;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Applies the job-level settings of a {@link StreamingConfig} to an environment. */
public final class Environments {
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
        if (config.checkpointDir() != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDir());
        }
        return conf;
    }
}
