package org.aitia.rules.facts;

import java.util.List;

/**
 * Why a conclusion holds: the rule (or Vitrage template scenario) that made it and the facts it
 * matched, in the order of the rule's patterns.
 *
 * @param rule the rule name
 * @param facts the matched facts ({@link AlarmFact}, {@link Node}, {@link Link}, ...)
 */
public record Justification(String rule, List<Object> facts) {
    public Justification {
        facts = List.copyOf(facts);
    }

    /** One line per matched fact, indented by {@code indent}. */
    public String describe(String indent) {
        StringBuilder sb = new StringBuilder();
        sb.append(indent).append("rule ").append(rule).append(" matched:\n");
        for (Object f : facts) {
            sb.append(indent).append("  - ").append(f).append('\n');
        }
        return sb.toString();
    }
}
