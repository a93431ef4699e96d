package org.aitia.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.aitia.app.cli.AitiaCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AitiaCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = AitiaCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void shouldListTheSixSubcommandsInHelp() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString())
                .contains("Usage: aitia")
                .containsPattern("(?m)^\\s+run\\s")
                .containsPattern("(?m)^\\s+replay\\s")
                .containsPattern("(?m)^\\s+record\\s")
                .containsPattern("(?m)^\\s+validate\\s")
                .containsPattern("(?m)^\\s+parse\\s")
                .containsPattern("(?m)^\\s+bench\\s");
    }

    @Test
    void shouldPrintTheBuildVersion() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString()).containsPattern("aitia \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void shouldGiveHelpOnEverySubcommand() {
        for (String sub : new String[] {"run", "replay", "record", "validate", "parse", "bench"}) {
            out.getBuffer().setLength(0);
            assertThat(run(sub, "--help")).as(sub).isZero();
            assertThat(out.toString()).as(sub).contains("Usage: aitia " + sub);
        }
    }

    @Test
    void shouldRefuseAConfigFileThatDoesNotExistWithExitStatus2() {
        assertThat(run("--config", "/nonexistent/aitia.yaml", "run")).isEqualTo(2);

        assertThat(err.toString())
                .contains("configuration file /nonexistent/aitia.yaml does not exist");
    }

    @Test
    void shouldExplainAMissingRequiredOption() {
        assertThat(run("parse", "x.json")).isEqualTo(2);

        assertThat(err.toString()).contains("Missing required option: '--source=SOURCE'");
    }
}
