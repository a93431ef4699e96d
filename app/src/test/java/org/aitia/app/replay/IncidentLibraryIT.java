package org.aitia.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aitia.app.config.ConfigLoader;
import org.aitia.model.Json;
import org.aitia.streaming.StreamingConfig;
import org.aitia.testdata.incident.Incident;
import org.aitia.testdata.incident.IncidentReader;
import org.aitia.testdata.stack.KafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays every incident of {@code testdata/incidents/} through the real pipeline (a real Kafka
 * broker, the Flink job on a MiniCluster, the healing executor in dry-run), one dynamic test per
 * incident; a failed expectation fails the build with the incident's report.
 *
 * <p>It lives in {@code app} rather than {@code testdata} because the pipeline it drives is {@code
 * app}'s, and {@code testdata} must stay below every module that uses its launchers.
 */
class IncidentLibraryIT {
    private static final Path LIBRARY = Path.of("..", "testdata", "incidents");
    private static final double SPEED = 20;

    @TempDir static Path work;
    private static KafkaBroker broker;
    private static ReplayRunner runner;

    @BeforeAll
    static void startTheBroker() {
        broker = KafkaBroker.start(work.resolve("kafka"));
        StreamingConfig streaming =
                ConfigLoader.load(null, Map.of()).section("streaming", StreamingConfig.class);
        runner = new ReplayRunner(broker, work, SPEED, streaming);
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyIncidentOfTheLibraryShouldReplayToItsExpectedConclusions()
            throws Exception {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(LIBRARY)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(dirs).as("incidents in " + LIBRARY.toAbsolutePath()).isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : dirs) {
            tests.add(
                    DynamicTest.dynamicTest(
                            dir.getFileName().toString(),
                            () -> {
                                Incident incident = new IncidentReader().read(dir);
                                ReplayReport report = runner.replay(incident);
                                assertThat(report.passed())
                                        .as("%s%n%s", incident.name(), Json.write(report))
                                        .isTrue();
                            }));
        }
        return tests.stream();
    }
}
