package org.aitia.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.aitia.app.config.AitiaConfig;
import org.aitia.app.config.ConfigException;
import org.aitia.app.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path dir;

    @Test
    void shouldDefaultToTheEmbeddedStackOnLoopback() {
        AitiaConfig c = ConfigLoader.load(null, Map.of());

        assertThat(c.string("kafka.bootstrapServers")).isEmpty();
        assertThat(c.string("elasticsearch.url")).isEmpty();
        assertThat(c.string("flink.restUrl")).isEmpty();
        assertThat(c.string("collectors.host")).isEqualTo("127.0.0.1");
        assertThat(c.integer("collectors.port")).isEqualTo(8090);
        assertThat(c.integer("api.port")).isEqualTo(8999);
        assertThat(c.string("kafka.topics.telemetry")).isEqualTo("aitia.telemetry");
        assertThat(c.bool("healing.dryRun")).isTrue();
    }

    @Test
    void shouldLetTheFileOverrideDefaultsAndTheEnvironmentOverrideTheFile() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("aitia.yaml"),
                        """
                kafka:
                  bootstrapServers: kafka-1:9092
                  partitions: 12
                api:
                  port: 9000
                """);

        AitiaConfig c =
                ConfigLoader.load(
                        file,
                        Map.of(
                                "AITIA_API_PORT",
                                "9100",
                                "AITIA_HEALING_DRY_RUN",
                                "false",
                                "PATH",
                                "/bin"));

        assertThat(c.string("kafka.bootstrapServers")).isEqualTo("kafka-1:9092");
        assertThat(c.integer("kafka.partitions")).isEqualTo(12);
        assertThat(c.integer("api.port")).isEqualTo(9100);
        assertThat(c.bool("healing.dryRun")).isFalse();
        assertThat(c.string("kafka.topics.alarms"))
                .as("untouched defaults stay")
                .isEqualTo("aitia.alarms");
    }

    @Test
    void shouldRefuseAnUnknownKeyNamingItAndTheKnownOnes() throws Exception {
        Path file =
                Files.writeString(dir.resolve("aitia.yaml"), "kafka:\n  bootstrapServer: x:9092\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'kafka.bootstrapServer'")
                .hasMessageContaining("bootstrapServers");
    }

    @Test
    void shouldNameTheLineOfBrokenYaml() throws Exception {
        Path file = Files.writeString(dir.resolve("aitia.yaml"), "api:\n  port: [9000\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void shouldLetAModuleSectionCarryKeysItsRecordKnowsAndRefuseOthersWhenBound() throws Exception {
        record Listener(String host, int port) {}
        Path file = Files.writeString(dir.resolve("aitia.yaml"), "collectors:\n  prot: 80\n");

        AitiaConfig c = ConfigLoader.load(file, Map.of());

        assertThatThrownBy(() -> c.section("collectors", Listener.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("configuration section 'collectors' is invalid")
                .hasMessageContaining("prot");
    }

    @Test
    void shouldRefuseAnEnvironmentValueOfTheWrongType() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("AITIA_API_PORT", "eighty")))
                .hasMessage("AITIA_API_PORT must be a whole number, not 'eighty'");
    }

    @Test
    void shouldBindASectionToAModulesRecord() {
        record Listener(String host, int port) {}

        Listener l =
                ConfigLoader.load(null, Map.of("AITIA_COLLECTORS_PORT", "18090"))
                        .section("collectors", Listener.class);

        assertThat(l).isEqualTo(new Listener("127.0.0.1", 18090));
    }
}
