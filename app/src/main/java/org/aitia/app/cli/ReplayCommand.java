package org.aitia.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.aitia.api.AlarmsApi;
import org.aitia.api.ApiConfig;
import org.aitia.app.config.AitiaConfig;
import org.aitia.app.replay.ReplayReport;
import org.aitia.app.replay.ReplayRunner;
import org.aitia.app.replay.ResultsTable;
import org.aitia.streaming.StreamingConfig;
import org.aitia.testdata.incident.Incident;
import org.aitia.testdata.incident.IncidentFormatException;
import org.aitia.testdata.incident.IncidentReader;
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
        header =
                "Replay recorded incidents through the real pipeline and check their expectations.",
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

    @Option(
            names = "--table",
            description =
                    "After the reports, print a Markdown table of the results (the README's).")
    boolean table;

    @Option(names = "--keep-running", description = "Leave the stack and the API up afterwards.")
    boolean keepRunning;

    @Override
    public Integer call() throws Exception {
        AitiaConfig config = parent.config();
        StreamingConfig streaming = config.section("streaming", StreamingConfig.class);
        List<Incident> incidents = new ArrayList<>();
        IncidentReader reader = new IncidentReader();
        boolean unreadable = false;
        for (Path dir : dirs) {
            try {
                incidents.add(reader.read(dir));
            } catch (IncidentFormatException e) {
                spec.commandLine()
                        .getErr()
                        .println("aitia replay: cannot read incident " + dir + ":");
                e.problems().forEach(p -> spec.commandLine().getErr().println("  " + p));
                unreadable = true;
            }
        }
        if (unreadable) {
            return 2;
        }
        if (speed <= 0) {
            spec.commandLine().getErr().println("aitia replay: --speed must be > 0");
            return 2;
        }
        PrintStream out = System.out;
        List<ReplayReport> reports =
                ReplayRunner.replayAll(
                        incidents, speed, streaming, json, out, keepRunning ? this::inspect : null);
        if (table) {
            out.print(ResultsTable.markdown(reports));
        }
        return reports.stream().allMatch(ReplayReport::passed) ? 0 : 1;
    }

    /**
     * {@code --keep-running}: the API (noauth, loopback) over the last incident's topics, until
     * Ctrl-C, so that {@code vitrage} or a browser can look at what the engine concluded.
     */
    private void inspect(String bootstrap, String prefix) throws Exception {
        AitiaConfig config = parent.config();
        ApiConfig api =
                config.section(
                        "api",
                        ApiConfig.class,
                        s -> {
                            ObjectNode t = s.putObject("topics");
                            t.put("telemetry", prefix + "aitia.telemetry");
                            t.put("topology", prefix + "aitia.topology");
                            t.put("alarms", prefix + "aitia.alarms");
                            t.put("actions", prefix + "aitia.actions");
                            t.put("actionResults", prefix + "aitia.action-results");
                            t.put("rules", prefix + "aitia.rules");
                            s.putObject("auth").put("mode", "noauth");
                        });
        CountDownLatch stop = new CountDownLatch(1);
        try (AlarmsApi running = AlarmsApi.start(api, bootstrap, null)) {
            running.setEngineReady(true);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "aitia-replay-stop"));
            System.err.println(
                    "aitia replay: the last incident stays up: API http://"
                            + api.host()
                            + ":"
                            + running.port()
                            + "/v1 (noauth), Kafka "
                            + bootstrap
                            + "; try: vitrage --os-auth-type vitrage-noauth"
                            + " --endpoint http://"
                            + api.host()
                            + ":"
                            + running.port()
                            + " alarm list. Stop with Ctrl-C.");
            stop.await();
        }
    }
}
