package org.aitia.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule set that cannot be used: it does not compile (DRL) or does not validate (Vitrage). The
 * engine that was asked to load it keeps running the previous one.
 */
public final class RuleSetException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * One thing wrong.
     *
     * @param source the file
     * @param rule the rule (DRL) or template scenario, or null when the problem is not in one
     * @param line the 1-based line in the file, or 0 when unknown
     * @param code Vitrage's status code for a template, 4 (syntax error) for DRL
     * @param message the compiler's or validator's message
     */
    public record Problem(String source, String rule, int line, int code, String message) {
        @Override
        public String toString() {
            return source
                    + (line > 0 ? ":" + line : "")
                    + (rule != null ? " rule \"" + rule + "\"" : "")
                    + (code != 0 ? " [" + code + "]" : "")
                    + ": "
                    + message;
        }
    }

    private final String ruleSet;
    private final transient List<Problem> problems;

    public RuleSetException(String ruleSet, List<Problem> problems) {
        super(
                "rule set "
                        + ruleSet
                        + " refused: "
                        + problems.stream()
                                .map(Problem::toString)
                                .collect(Collectors.joining("; ")));
        this.ruleSet = ruleSet;
        this.problems = List.copyOf(problems);
    }

    public String ruleSet() {
        return ruleSet;
    }

    /** Every problem found, at least one. */
    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's rule name, or null. */
    public String ruleName() {
        return problems.isEmpty() ? null : problems.get(0).rule();
    }

    /** The first problem's line, or 0. */
    public int line() {
        return problems.isEmpty() ? 0 : problems.get(0).line();
    }
}
