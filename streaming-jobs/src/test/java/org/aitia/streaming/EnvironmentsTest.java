package org.aitia.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {
    @Test
    void shouldKeepMiniClusterCheckpointsInFilesWhenNoDirectoryIsConfigured() throws Exception {
        Configuration conf =
                Environments.local(
                        StreamingConfig.forKafka("127.0.0.1:9092").withCheckpoints(5000, null));

        assertThat(conf.get(CheckpointingOptions.CHECKPOINT_STORAGE)).isEqualTo("filesystem");
        Path dir = Path.of(URI.create(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)));
        assertThat(Files.isDirectory(dir)).isTrue();
        Files.delete(dir);
    }

    @Test
    void shouldUseTheConfiguredDirectory() {
        Configuration conf =
                Environments.local(
                        StreamingConfig.forKafka("127.0.0.1:9092")
                                .withCheckpoints(5000, "file:///var/lib/aitia/checkpoints"));

        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo("file:///var/lib/aitia/checkpoints");
    }
}
