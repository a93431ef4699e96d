package org.aitia.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class E2eBenchOptionsTest {
    @Test
    void shouldWarmUpAndFsyncEachMessageByDefault() {
        E2eBench.Options o = E2eBench.Options.parse(List.of("--json"));

        assertThat(o.warmupS()).isEqualTo(15);
        assertThat(o.fsyncEachMessage()).isTrue();
        assertThat(E2eBench.Options.parse(List.of("--broker-flush", "os", "--warmup-s", "0")))
                .satisfies(
                        p -> {
                            assertThat(p.fsyncEachMessage()).isFalse();
                            assertThat(p.warmupS()).isZero();
                        });
    }

    @Test
    void shouldRefuseAnUnknownFlushPolicyNamingTheFlagAndExitWith2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code =
                E2eBench.run(
                        List.of("--broker-flush", "never"),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--broker-flush must be message or os but was never");
    }
}
