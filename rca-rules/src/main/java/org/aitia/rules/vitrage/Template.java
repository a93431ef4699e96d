package org.aitia.rules.vitrage;

import java.util.List;
import java.util.Map;

/**
 * A validated Vitrage template (v1, v2 or v3), with its parameters resolved and its includes
 * merged, in one shape for every version.
 *
 * @param file where it was read from
 * @param version 1, 2 or 3
 * @param name {@code metadata.name}
 * @param type {@code standard}, {@code definition} or {@code equivalence}
 * @param entities by template id
 * @param relationships by template id (v3: {@code a [type] b})
 * @param scenarios in file order
 * @param equivalences each a list of equivalent alarm definitions (equivalence templates)
 */
public record Template(
        String file,
        int version,
        String name,
        String type,
        Map<String, EntityDef> entities,
        Map<String, RelationshipDef> relationships,
        List<Scenario> scenarios,
        List<List<Map<String, String>>> equivalences) {

    public static final String STANDARD = "standard";
    public static final String DEFINITION = "definition";
    public static final String EQUIVALENCE = "equivalence";

    /**
     * An entity of the template.
     *
     * @param id the template id
     * @param alarm true for category ALARM, false for RESOURCE
     * @param properties the other fields ({@code type}, {@code name}, {@code rawtext}, {@code
     *     name.regex}, ...)
     */
    public record EntityDef(String id, boolean alarm, Map<String, String> properties) {}

    /** A relationship {@code source --type--> target} between two template entities. */
    public record RelationshipDef(String id, String source, String target, String type) {}

    /**
     * A scenario: its condition and actions.
     *
     * @param index 1-based position in the template
     */
    public record Scenario(
            int index, String conditionText, Condition condition, List<ActionDef> actions) {}

    /**
     * An action.
     *
     * @param type raise_alarm, set_state, add_causal_relationship, mark_down, execute_mistral
     * @param target the target template id, or null (execute_mistral)
     * @param source the source template id (add_causal_relationship), or null
     * @param properties the properties; execute_mistral's input as {@code input.<name>}
     */
    public record ActionDef(
            String type, String target, String source, Map<String, String> properties) {}
}
