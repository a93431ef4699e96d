package org.aitia.testdata.incident;

import java.util.List;
import java.util.stream.Collectors;

/** An incident folder that cannot be read; {@link #problems()} lists every problem found. */
public final class IncidentFormatException extends Exception {
    private final transient List<Problem> problems;

    public IncidentFormatException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
