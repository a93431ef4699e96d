package org.aitia.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code aitia record}: writes a recorded incident from the live topics. */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        description =
                "Capture aitia.telemetry and aitia.topology of a running stack into an incident folder.")
public final class RecordCommand implements Callable<Integer> {
    @ParentCommand AitiaCommand parent;
    @Spec CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The incident folder to write.")
    Path out;

    @Option(
            names = "--duration",
            paramLabel = "D",
            defaultValue = "PT60S",
            description = "How long to record, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Override
    public Integer call() {
        parent.config();
        return NotYetAvailable.report(spec.commandLine().getErr(), "record", "issue 9");
    }
}
