package org.aitia.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the job jar's arguments into a {@link StreamingConfig}. */
public final class ConfigArgs {
    private ConfigArgs() {}

    /**
     * {@code --config FILE} (YAML or JSON: an {@code aitia.yaml} whose {@code streaming} section is
     * used, or just that section), then overrides: {@code --bootstrap-servers}, {@code
     * --parallelism}, {@code --checkpoint-interval-ms}, {@code --checkpoint-dir}, {@code --es},
     * {@code --group-id}, {@code --topic-prefix}.
     *
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    public static StreamingConfig parse(String[] args) {
        StreamingConfig config = StreamingConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            config =
                    switch (flag) {
                        case "--config" -> read(Path.of(value));
                        case "--bootstrap-servers" -> config.withBootstrapServers(value);
                        case "--parallelism" -> config.withParallelism(integer(flag, value));
                        case "--checkpoint-interval-ms" ->
                                config.withCheckpoints(
                                        integer(flag, value), config.checkpointDir());
                        case "--checkpoint-dir" ->
                                config.withCheckpoints(config.checkpointIntervalMs(), value);
                        case "--es" ->
                                config.withElasticsearch(
                                        new StreamingConfig.ElasticsearchConfig(
                                                List.of(value.split(",")),
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null));
                        case "--group-id" -> config.withGroupId(value);
                        case "--topic-prefix" ->
                                config.withTopics(StreamingConfig.Topics.prefixed(value));
                        default ->
                                throw new IllegalArgumentException(
                                        "unknown argument "
                                                + flag
                                                + " (known: --config, --bootstrap-servers,"
                                                + " --parallelism, --checkpoint-interval-ms,"
                                                + " --checkpoint-dir, --es, --group-id,"
                                                + " --topic-prefix)");
                    };
        }
        return config;
    }

    /** The {@code streaming} section of {@code file}, or the whole file when it has none. */
    public static StreamingConfig read(Path file) {
        ObjectMapper yaml =
                new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule());
        try {
            JsonNode root = yaml.readTree(Files.readString(file));
            JsonNode section = root != null && root.has("streaming") ? root.get("streaming") : root;
            if (section == null || section.isNull() || section.isMissingNode()) {
                return StreamingConfig.defaults();
            }
            return yaml.treeToValue(section, StreamingConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read streaming config " + file + ": " + e.getMessage(), e);
        }
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    flag + " must be a whole number but was " + value, e);
        }
    }
}
