package org.aitia.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aitia parse}: runs a listener's parser on a file. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        header =
                "Parse a payload as a listener would: the normalised events, or why it is refused.",
        description = {
            "Run the parser a listener runs on FILE and print the normalised events (exit 0)",
            "or the reason it is refused, naming the field (exit 1)."
        })
public final class ParseCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--source",
            required = true,
            paramLabel = "SOURCE",
            description = "ves, collectd, alertmanager or doctor.")
    String source;

    @Option(names = "--json", description = "Print events as JSON lines.")
    boolean json;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of("--source", source));
        if (json) {
            args.add("--json");
        }
        args.add(file.toString());
        return org.aitia.collectors.ParseCommand.run(args, System.out, System.err);
    }
}
