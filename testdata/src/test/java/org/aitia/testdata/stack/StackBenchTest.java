package org.aitia.testdata.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackBenchTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shouldRejectAnUnknownServerNamingIt() {
        int status = run("--only", "kafka,zookeeper");

        assertThat(status).isEqualTo(2);
        assertThat(text(err)).contains("unknown server 'zookeeper'");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void shouldRejectRoundsThatAreNotAPositiveNumber() {
        assertThat(run("--rounds", "three")).isEqualTo(2);
        assertThat(text(err)).contains("--rounds wants a number, got three");
        assertThat(run("--rounds", "0")).isEqualTo(2);
        assertThat(run("--rounds")).isEqualTo(2);
        assertThat(text(err)).contains("--rounds needs a value");
    }

    @Test
    void shouldRejectAnUnknownArgumentWithTheUsage() {
        assertThat(run("--fast")).isEqualTo(2);
        assertThat(text(err)).contains("unknown argument '--fast'").contains("usage:");
    }

    private int run(String... args) {
        return StackBench.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
