package org.aitia.testdata.incident;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.aitia.model.Topology;

/**
 * A recorded incident, read and checked.
 *
 * @param dir the folder
 * @param name the incident's name
 * @param description what happens, or an empty string
 * @param start the wall-clock start of the recorded incident; {@code at_ms} counts from it
 * @param topology the topology at the start
 * @param events what the sources sent, in order
 * @param rules extra rule files ({@code *.drl}, Vitrage {@code *.yaml}) in {@code rules/}
 * @param expect what a correct engine concludes
 */
public record Incident(
        Path dir,
        String name,
        String description,
        Instant start,
        Topology topology,
        List<RecordedEvent> events,
        List<Path> rules,
        Expectations expect) {

    /** The sources {@code events.jsonl} may name. */
    public static final List<String> SOURCES =
            List.of("ves", "collectd", "alertmanager", "doctor", "topology");

    public Incident {
        events = List.copyOf(events);
        rules = List.copyOf(rules);
    }
}
