package org.aitia.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code aitia bench NAME}: the benchmarks whose figures the READMEs quote. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Run a benchmark and print one JSON line of figures.",
            "NAME: topology, rules, ingest, e2e, healing, api, stack. Options follow NAME (see each module's README)."
        })
public final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Unmatched List<String> args;

    @Override
    public Integer call() {
        return NotYetAvailable.report(
                spec.commandLine().getErr(), "bench " + name, "the issue of that module");
    }
}
