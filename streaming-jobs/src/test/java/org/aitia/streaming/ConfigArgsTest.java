package org.aitia.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aitia.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigArgsTest {

    @Test
    void shouldReadTheStreamingSectionOfAitiaYamlWithDefaultsForWhatItLeavesOut(@TempDir Path dir)
            throws Exception {
        Path yaml = dir.resolve("aitia.yaml");
        Files.writeString(
                yaml,
                """
                kafka: {bootstrap: ignored}
                streaming:
                  bootstrapServers: kafka-1:9092
                  parallelism: 4
                  topics: {alarms: my.alarms}
                  detect:
                    flapCount: 3
                    thresholds:
                      - {metric: cpu.percent.active, entityType: nova.host, condition: ">", value: 90, forMs: 60000, clearValue: 80, severity: CRITICAL}
                  elasticsearch: {hosts: ["http://es:9200"]}
                """);

        StreamingConfig c =
                ConfigArgs.parse(
                        new String[] {
                            "--config", yaml.toString(), "--checkpoint-dir", "file:///tmp/cp"
                        });

        assertThat(c.bootstrapServers()).isEqualTo("kafka-1:9092");
        assertThat(c.parallelism()).isEqualTo(4);
        assertThat(c.topics().alarms()).isEqualTo("my.alarms");
        assertThat(c.topics().telemetry()).isEqualTo("aitia.telemetry");
        assertThat(c.checkpointIntervalMs()).isEqualTo(2000);
        assertThat(c.checkpointDir()).isEqualTo("file:///tmp/cp");
        assertThat(c.detect().flapCount()).isEqualTo(3);
        assertThat(c.detect().flapWindowMs()).isEqualTo(60_000);
        ThresholdRule rule = c.detect().thresholds().get(0);
        assertThat(rule.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(rule.alarm()).isEqualTo("cpu.percent.active > 90.0");
        assertThat(c.elasticsearch().enabled()).isTrue();
        assertThat(c.elasticsearch().alarmsIndex()).isEqualTo("aitia-alarms");
    }

    @Test
    void shouldNameTheArgumentThatIsWrong() {
        assertThatThrownBy(() -> ConfigArgs.parse(new String[] {"--parallelism", "two"}))
                .hasMessageContaining("--parallelism must be a whole number but was two");
        assertThatThrownBy(() -> ConfigArgs.parse(new String[] {"--bogus", "1"}))
                .hasMessageContaining("unknown argument --bogus");
    }

    @Test
    void shouldRefuseAThresholdWhoseClearValueIsOnTheWrongSide() {
        assertThatThrownBy(() -> new ThresholdRule("cpu", null, ">", 90.0, 0L, 95.0, null, null))
                .hasMessageContaining("clearValue 95.0 must be on the good side of 90.0");
    }
}
