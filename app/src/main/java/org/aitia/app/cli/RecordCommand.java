package org.aitia.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.aitia.app.config.AitiaConfig;
import org.aitia.app.record.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code aitia record}: writes a recorded incident from the live topics. */
@Command(
        name = "record",
        mixinStandardHelpOptions = true,
        header = "Record a running stack's telemetry and topology into an incident folder.",
        description = {
            "Capture what the listeners accept and the topology changes of a running stack into",
            "a format-1 incident folder; fill in its expectations, then check it with aitia replay."
        })
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

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "The incident's name (default: the folder's).")
    String name;

    @Override
    public Integer call() throws Exception {
        AitiaConfig config = parent.config();
        String servers = config.string("kafka.bootstrapServers");
        if (servers.isBlank()) {
            servers = "127.0.0.1:" + config.integer("kafka.embeddedPort");
        }
        Recorder recorder =
                new Recorder(
                        servers,
                        config.string("kafka.topics.raw"),
                        config.string("kafka.topics.topology"));
        spec.commandLine()
                .getErr()
                .println("aitia record: recording from " + servers + " for " + duration + " ...");
        Recorder.Summary s =
                recorder.record(
                        out,
                        duration,
                        name != null ? name : out.toAbsolutePath().getFileName().toString());
        spec.commandLine()
                .getOut()
                .printf(
                        "aitia record: wrote %s: %d entities, %d relationships, %d events; fill in expect: in incident.yaml%n",
                        out, s.entities(), s.relationships(), s.events());
        return 0;
    }
}
