package org.aitia.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.aitia.api.ApiConfig;
import org.aitia.app.config.AitiaConfig;
import org.aitia.app.config.ConfigException;
import org.aitia.app.config.ConfigLoader;
import org.aitia.collectors.CollectorsConfig;
import org.aitia.healing.HealingConfig;
import org.aitia.streaming.StreamingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped defaults bind to every module's record exactly as {@code aitia run} binds them. */
class StackConfigTest {
    @TempDir Path dir;

    private final AitiaConfig defaults = ConfigLoader.load(null, Map.of());

    @Test
    void shouldBindTheShippedApiSectionInNoauthModeOnLoopback() {
        ApiConfig api = Stack.apiConfig(defaults, false);

        assertThat(api.port()).isEqualTo(8999);
        assertThat(api.auth().mode()).isEqualTo(ApiConfig.AuthMode.NOAUTH);
        assertThat(api.topics().alarms()).isEqualTo("aitia.alarms");
        assertThat(Stack.apiConfig(defaults, true).auth().mode())
                .isEqualTo(ApiConfig.AuthMode.NOAUTH);
    }

    @Test
    void shouldAcceptAuthModesInAnyCaseAndNameTheValidOnesOtherwise() throws Exception {
        Path file = dir.resolve("aitia.yaml");
        Files.writeString(
                file,
                "api:\n  auth:\n    mode: Keystone\n    keystone:\n"
                        + "      url: http://127.0.0.1:5000/v3\n");
        AitiaConfig keystone = ConfigLoader.load(file, Map.of());
        assertThat(Stack.apiConfig(keystone, false).auth().mode())
                .isEqualTo(ApiConfig.AuthMode.KEYSTONE);

        AitiaConfig typo = ConfigLoader.load(null, Map.of("AITIA_API_AUTH_MODE", "none"));
        assertThatThrownBy(() -> Stack.apiConfig(typo, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("api.auth.mode must be noauth, static or keystone");
    }

    @Test
    void shouldBindTheShippedCollectorsSectionWithTheKafkaTopics() {
        CollectorsConfig collectors = Stack.collectorsConfig(defaults);

        assertThat(collectors.port()).isEqualTo(8090);
        assertThat(collectors.topics().deadletter()).isEqualTo("aitia.deadletter");
    }

    @Test
    void shouldBindTheShippedHealingSectionInDryRunAndTheStreamingSection() {
        assertThat(defaults.section("healing", HealingConfig.class).isDryRun()).isTrue();
        assertThat(defaults.section("streaming", StreamingConfig.class)).isNotNull();
    }
}
