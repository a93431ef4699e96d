package org.aitia.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code aitia replay}: plays recorded incidents through the real pipeline. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replay recorded incidents (shared/spec/incident-format.md) through the real pipeline",
            "and check their expectations. Exit 0: all hold; 1: one fails; 2: an incident cannot be read."
        })
public final class ReplayCommand implements Callable<Integer> {
    @ParentCommand AitiaCommand parent;
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Incident folders.")
    List<Path> dirs;

    @Option(names = "--json", description = "One JSON report per incident, one per line.")
    boolean json;

    @Option(
            names = "--speed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Replay N times faster than recorded (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--keep-running", description = "Leave the stack and the API up afterwards.")
    boolean keepRunning;

    @Override
    public Integer call() {
        parent.config();
        return NotYetAvailable.report(spec.commandLine().getErr(), "replay", "issue 9");
    }
}
