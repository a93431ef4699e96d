package org.aitia.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.aitia.app.config.AitiaConfig;
import org.aitia.app.run.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code aitia run}: the whole engine on one machine. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        header =
                "Start Aitia on this machine: Kafka, Elasticsearch, the Flink job, listeners, healing and the API.",
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
            description =
                    "Where data and logs live (default: dataDir of the configuration, ./aitia-data).")
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
            description = "Run one part only: healing, api, collectors or job (default: all).")
    String only;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AitiaConfig config = parent.config();
        Stack.Only part;
        try {
            part =
                    only == null
                            ? Stack.Only.ALL
                            : Stack.Only.valueOf(only.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println(
                    "aitia run: --only must be healing, api, collectors or job, not '"
                            + only
                            + "'");
            return 2;
        }
        Path data = dataDir != null ? dataDir : config.dataDir();
        long t0 = System.nanoTime();
        if (demo && !config.bool("healing.dryRun")) {
            err.println("aitia run: --demo runs in dry-run only; unset healing.dryRun=false");
            return 2;
        }
        Stack stack = Stack.start(config, data.toAbsolutePath(), part, noauth, System.out);
        if (demo) {
            try {
                stack.startDemo(
                        config,
                        Path.of(System.getProperty("aitia.home", "."))
                                .resolve("testdata/incidents"));
            } catch (Exception e) {
                stack.close();
                throw e;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    System.out.println("aitia: stopping ...");
                                    stack.close();
                                    stopped.countDown();
                                },
                                "aitia-shutdown"));
        out.printf(
                "aitia: ready in %.1f s, data in %s%n",
                (System.nanoTime() - t0) / 1e9, data.toAbsolutePath());
        stack.where().forEach(line -> out.println("  " + line));
        out.println("Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }
}
