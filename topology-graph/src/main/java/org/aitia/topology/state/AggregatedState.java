package org.aitia.topology.state;

/**
 * The state of an entity after aggregation: the operational value of the highest-priority raw state
 * among its sources.
 *
 * @param operational the operational value as the table names it ({@code OK}, {@code ERROR}, {@code
 *     N/A}, ...; for alarm tables a severity such as {@code CRITICAL})
 * @param priority the table's priority of the winning raw state (0 when no source reported a state
 *     the table knows)
 * @param rawState the winning raw state as reported, or null when no source reported one
 * @param source which source reported it ({@link StateTables#DATASOURCE} or {@link
 *     StateTables#VITRAGE}), or null
 */
public record AggregatedState(String operational, int priority, String rawState, String source) {

    /** No source reported a known state. */
    public static final AggregatedState UNKNOWN = new AggregatedState("N/A", 0, null, null);

    /** The operational value as a resource state (severities of alarm tables map to N/A). */
    public OperationalState resourceState() {
        try {
            return OperationalState.parse(operational);
        } catch (IllegalArgumentException notAResourceState) {
            return OperationalState.NA;
        }
    }
}
