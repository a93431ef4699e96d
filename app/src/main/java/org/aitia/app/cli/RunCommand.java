package org.aitia.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code aitia run}: the whole engine on one machine. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Start Aitia: Kafka (KRaft), Elasticsearch, the Flink job, the listeners (8090),",
            "the healing executor and the API (8999). With a configuration naming external",
            "Kafka, Flink and Elasticsearch, starts none of them and uses those."
        })
public final class RunCommand implements Callable<Integer> {
    @ParentCommand AitiaCommand parent;
    @Spec CommandSpec spec;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where data and logs live (default: ./aitia-data).")
    Path dataDir;

    @Option(
            names = "--demo",
            description =
                    "Load a generated multi-site topology and replay library incidents in a loop, in dry-run.")
    boolean demo;

    @Option(names = "--noauth", description = "Vitrage's noauth mode for the API (loopback only).")
    boolean noauth;

    @Option(
            names = "--only",
            paramLabel = "PART",
            description = "Run one part only: healing, api, collectors or job.")
    String only;

    @Override
    public Integer call() {
        parent.config();
        return NotYetAvailable.report(spec.commandLine().getErr(), "run", "issue 9");
    }
}
