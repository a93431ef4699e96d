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
        List<String> rest = args == null ? List.of() : args;
        return switch (name) {
            case "topology" -> org.aitia.topology.TopologyBench.run(rest, System.out, System.err);
            case "rules" -> org.aitia.rules.RulesBench.run(rest, System.out, System.err);
            case "ingest" -> org.aitia.collectors.IngestBench.run(rest, System.out, System.err);
            case "e2e" -> org.aitia.streaming.E2eBench.run(rest, System.out, System.err);
            case "healing" -> org.aitia.healing.HealingBench.run(rest, System.out, System.err);
            case "api" -> org.aitia.api.ApiBench.run(rest, System.out, System.err);
            case "stack" -> org.aitia.testdata.stack.StackBench.run(rest, System.out, System.err);
            default -> {
                spec.commandLine()
                        .getErr()
                        .println(
                                "aitia bench: unknown benchmark '"
                                        + name
                                        + "' (topology, rules, ingest, e2e, healing, api, stack)");
                yield 2;
            }
        };
    }
}
