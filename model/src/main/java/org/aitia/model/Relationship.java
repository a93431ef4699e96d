package org.aitia.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Set;

/**
 * A typed, directed edge between two entities.
 *
 * @param source the id of the source entity
 * @param target the id of the target entity
 * @param type Vitrage's relationship types ({@link #VITRAGE_TYPES}) or {@code chained_to}
 */
public record Relationship(String source, String target, String type) {

    public static final String CONTAINS = "contains";
    public static final String ATTACHED = "attached";
    public static final String ON = "on";
    public static final String USES = "uses";
    public static final String COMPRISES = "comprises";
    public static final String INCLUDES = "includes";
    public static final String MANAGED_BY = "managed_by";

    /** The next hop in a service chain; the source comes before the target. */
    public static final String CHAINED_TO = "chained_to";

    /** The relationship types Vitrage defines. */
    public static final Set<String> VITRAGE_TYPES =
            Set.of(CONTAINS, ATTACHED, ON, USES, COMPRISES, INCLUDES, MANAGED_BY);

    /** Every relationship type Aitia accepts: Vitrage's and {@link #CHAINED_TO}. */
    public static final Set<String> KNOWN_TYPES =
            Set.of(CONTAINS, ATTACHED, ON, USES, COMPRISES, INCLUDES, MANAGED_BY, CHAINED_TO);

    public Relationship {
        Checks.notBlank(source, "source");
        Checks.notBlank(target, "target");
        Checks.notBlank(type, "type");
    }

    /** The relationship's id, also its Kafka key: {@code source|type|target}. */
    @JsonIgnore
    public String id() {
        return source + '|' + type + '|' + target;
    }

    /** True when {@link #type} is one Aitia knows. */
    @JsonIgnore
    public boolean hasKnownType() {
        return KNOWN_TYPES.contains(type);
    }
}
