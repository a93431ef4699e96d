package org.aitia.healing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealingConfigTest {
    static final ObjectMapper YAML =
            YAMLMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    @Test
    void shouldDefaultToADryRunWithoutOpenStack() {
        HealingConfig config = HealingConfig.defaults();

        assertThat(config.isDryRun()).isTrue();
        assertThat(config.openstack()).isNull();
        assertThat(config.topics().actions()).isEqualTo("aitia.actions");
        assertThat(config.topics().results()).isEqualTo("aitia.action-results");
        assertThat(config.guard().approval()).isEqualTo(GuardConfig.Approval.NONE);
        assertThat(config.retry().maxAttempts()).isEqualTo(4);
        assertThat(config.journalFsync()).isTrue();
    }

    @Test
    void shouldBindTheHealingSectionOfAitiaYaml() throws Exception {
        String yaml =
                """
                dryRun: false
                journalPath: /var/lib/aitia/healing.jsonl
                guard:
                  dedupeWindow: PT1M
                  stormShare: 0.5
                  siteHosts: {edge-7: 12}
                  denyEntities: ["compute-ctl-*"]
                  approval: destructive
                retry: {maxAttempts: 2, initialBackoff: PT0.5S}
                openstack:
                  authUrl: http://controller:5000/v3/
                  username: aitia
                  password: secret
                  projectName: admin
                  region: RegionTwo
                kubernetes: {taintKey: example.org/down}
                webhook: {urls: ["http://hooks.example/aitia"], hmacSecret: k}
                """;

        HealingConfig config = YAML.readValue(yaml, HealingConfig.class);

        assertThat(config.isDryRun()).isFalse();
        assertThat(config.journalPath()).isEqualTo("/var/lib/aitia/healing.jsonl");
        assertThat(config.guard().dedupeWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.guard().stormShare()).isEqualTo(0.5);
        assertThat(config.guard().stormWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.guard().siteHosts()).isEqualTo(Map.of("edge-7", 12));
        assertThat(config.guard().denyEntities()).isEqualTo(List.of("compute-ctl-*"));
        assertThat(config.guard().approval()).isEqualTo(GuardConfig.Approval.DESTRUCTIVE);
        assertThat(config.retry().maxAttempts()).isEqualTo(2);
        assertThat(config.retry().backoffAfter(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.openstack().authUrl()).isEqualTo("http://controller:5000/v3");
        assertThat(config.openstack().userDomain()).isEqualTo("Default");
        assertThat(config.openstack().tokenRefreshMargin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.openstack().toString()).doesNotContain("secret");
        assertThat(config.kubernetes().taintKey()).isEqualTo("example.org/down");
        assertThat(config.webhook().toString()).doesNotContain("=k");
    }

    @Test
    void shouldNameTheKeyThatIsMissing() {
        assertThatThrownBy(
                        () ->
                                YAML.readValue(
                                        "openstack: {authUrl: http://c:5000/v3, username: u, password: p}",
                                        HealingConfig.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("healing.openstack.projectName must be set");
    }

    @Test
    void shouldRefuseAnUnknownApprovalMode() {
        assertThatThrownBy(
                        () -> YAML.readValue("guard: {approval: sometimes}", HealingConfig.class))
                .hasMessageContaining(
                        "healing.guard.approval must be none, destructive or all but was sometimes");
    }
}
