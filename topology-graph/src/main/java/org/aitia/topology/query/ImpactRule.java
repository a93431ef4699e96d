package org.aitia.topology.query;

import java.util.Objects;

/**
 * Which way impact flows along one kind of relationship. A rule names a relationship type and,
 * optionally, the types of its source and target ({@code *} or null for any); the most specific
 * rule that matches a relationship decides (one that names both end types beats one that names one,
 * which beats one that names none).
 *
 * @param relationship the relationship type
 * @param sourceType the source entity type, or {@code *}
 * @param targetType the target entity type, or {@code *}
 * @param flow which way impact flows
 */
public record ImpactRule(String relationship, String sourceType, String targetType, Flow flow) {

    /** Any entity type. */
    public static final String ANY = "*";

    /** Which way impact flows along a relationship. */
    public enum Flow {
        /** From the source to the target: a host impacts the instances it {@code contains}. */
        SOURCE_TO_TARGET,
        /** From the target to the source: a switch impacts the NICs {@code attached} to it. */
        TARGET_TO_SOURCE,
        /** Both ways. */
        BOTH,
        /** Neither way. */
        NONE;

        boolean forward() {
            return this == SOURCE_TO_TARGET || this == BOTH;
        }

        boolean backward() {
            return this == TARGET_TO_SOURCE || this == BOTH;
        }
    }

    public ImpactRule {
        if (relationship == null || relationship.isBlank()) {
            throw new IllegalArgumentException("relationship must not be blank");
        }
        Objects.requireNonNull(flow, "flow must not be null");
        sourceType = sourceType == null || sourceType.isBlank() ? ANY : sourceType;
        targetType = targetType == null || targetType.isBlank() ? ANY : targetType;
    }

    /** A rule for every relationship of that type. */
    public static ImpactRule of(String relationship, Flow flow) {
        return new ImpactRule(relationship, ANY, ANY, flow);
    }

    int specificity() {
        return (sourceType.equals(ANY) ? 0 : 1) + (targetType.equals(ANY) ? 0 : 1);
    }

    boolean matches(String source, String target) {
        return (sourceType.equals(ANY) || sourceType.equals(source))
                && (targetType.equals(ANY) || targetType.equals(target));
    }
}
